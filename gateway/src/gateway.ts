import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  AGENCIES,
  applyScalarParsing,
  authConfig,
  BODY_LIMIT,
  hardenedServerOptions,
  httpErrorHandler,
  callerOf,
  createLogger,
  createServiceMetrics,
  createTokenVerifier,
  listeners,
  operationObservability,
  queryLimits,
  READ_BACK_HEADER,
  READ_BACK_SECRET_VARIABLE,
  readBackKey,
  readBackMarker,
  requireBearerToken,
  subgraphUrl,
  timeouts,
  TIMEOUT_HEADER,
  type AgencySlug,
  type AuthConfig,
  type Listening,
} from '@cocuk-koruma/platform';
import express, { type Express } from 'express';
import fs from 'node:fs';
import { AgencyDataSource, deadlineOf, forwardedOf, type GatewayContext } from './data-source.js';
import { relayedErrorsNameTheirAgency } from './relayed-errors.js';
import { developerTools, type DeveloperTools } from './developer-tools.js';
import { docsRoutes } from './docs.js';
import { apiSchemaOf } from './docs/api-schema.js';
import { explorerRoutes } from './explorer.js';
import { boardPackExportRoute } from './exports/route.js';
import { importRoutes } from './imports/route.js';
import { portalConfig, portalRoutes } from './portal.js';
import { createSubgraphTransport } from './subgraph-transport.js';
import { SubgraphTiming, subgraphTimingEnabled } from './subgraph-timing.js';
import { trustedDocuments, trustedDocumentsMiddleware, type TrustedDocuments } from './trusted-documents.js';

export const SUPERGRAPH_PATH = new URL('../../schema/supergraph.graphql', import.meta.url);

export interface GatewayOptions {
  /** Where each subgraph answers; defaults to `<NAME>_URL` or localhost on its port. */
  subgraphUrls?: Partial<Record<AgencySlug, string>>;
  supergraphSdl?: string;
  /** A subgraph that takes longer is reported unavailable for this request. */
  subgraphTimeoutMs?: number;
  /** Where tokens are validated; defaults to KEYCLOAK_URL. */
  auth?: AuthConfig;
  /** Time every subgraph call into a `Server-Timing` header; defaults to GATEWAY_SUBGRAPH_TIMING. */
  subgraphTiming?: boolean;
  /** Whether /docs and /explorer are served; defaults to API_DOCS and API_EXPLORER. */
  developerTools?: DeveloperTools;
  /** Which documents each client may run; defaults to TRUSTED_DOCUMENTS (see trusted-documents.ts). */
  trustedDocuments?: TrustedDocuments;
}

export interface Gateway {
  app: Express;
  subgraphUrls: Record<AgencySlug, string>;
  /** Subgraph calls answered from an identical one already in flight, since start. */
  sharedSubgraphCalls(): number;
  listen(port: number, host?: string): Promise<Listening>;
  stop(): Promise<void>;
}

function resolveUrls(overrides: GatewayOptions['subgraphUrls'] = {}): Record<AgencySlug, string> {
  return Object.fromEntries(AGENCIES.map((a) => [a.slug, overrides[a.slug] ?? subgraphUrl(a.slug)])) as Record<
    AgencySlug,
    string
  >;
}

/** A plain HTTP call to a path beside a subgraph's /graphql: its JSON, or null unless it answered 2xx in time. */
async function askSubgraph(
  graphqlUrl: string,
  path: string,
  method: 'GET' | 'POST',
  timeoutMs: number,
): Promise<unknown> {
  try {
    const response = await fetch(new URL(path, graphqlUrl), { method, signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? ((await response.json()) as unknown) : null;
  } catch {
    return null;
  }
}

/** Built on first use: a gateway whose docs and explorer are off never builds the API schema. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Builds the gateway without listening. It serves the supergraph composed ahead of time
 * (schema/supergraph.graphql), never introspecting subgraphs at run time.
 */
export async function createGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const logger = createLogger('gateway');
  const metrics = createServiceMetrics('gateway');
  const subgraphUrls = resolveUrls(options.subgraphUrls);
  const timeoutMs = options.subgraphTimeoutMs ?? timeouts().subgraphMs;
  const transport = createSubgraphTransport(timeoutMs);
  // @apollo/gateway 2.14 otherwise probes cloud metadata addresses and exports usage metrics to
  // Apollo; a ministry's gateway must not send anything outside its own network.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new AgencyDataSource(name, subgraphUrls[name as AgencySlug], transport, metrics),
    logger,
  });
  const auth = options.auth ?? authConfig();
  const documents = options.trustedDocuments ?? trustedDocuments({ portalClientId: portalConfig(auth).clientId });
  // The family's read-back, signed with the key it shares with the gateway, runs its own text for
  // a caller held to a manifest (see read-back.ts).
  const readBack = readBackMarker(readBackKey());
  if (documents.heldToManifest.length > 0 && !process.env[READ_BACK_SECRET_VARIABLE]) {
    logger.warn(
      `${READ_BACK_SECRET_VARIABLE} is unset: the family subgraph's read-back cannot be told from free-form text, so the views that span agencies (overall status, escalations, board packs) stay unknown for ${documents.heldToManifest.join(', ')}. Give the gateway and the family subgraph the same secret.`,
    );
  }
  const subgraphTiming = options.subgraphTiming ?? subgraphTimingEnabled();
  // The supergraph's scalars carry no parsing of their own: give them ours before Apollo reads the schema.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => applyScalarParsing(apiSchema));
  const hardening = hardenedServerOptions<GatewayContext>(logger);
  const limits = queryLimits<GatewayContext>();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    ...hardening,
    plugins: [
      ...hardening.plugins,
      ...limits.plugins,
      relayedErrorsNameTheirAgency(),
      // Last, so that it sees the status and errors the others settled.
      operationObservability<GatewayContext>(logger, metrics),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Which hashes exist is the trusted documents' manifests' say, not a cache clients fill.
    persistedQueries: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const entries = await Promise.all(
      AGENCIES.map(
        async (a) =>
          [a.slug, (await askSubgraph(subgraphUrls[a.slug], '/health', 'GET', 2000)) ? 'up' : 'down'] as const,
      ),
    );
    const subgraphs = Object.fromEntries(entries);
    const allUp = entries.every(([, state]) => state === 'up');
    // The gateway itself is up either way; a missing agency degrades answers, it does not stop them.
    res.status(200).json({ service: 'gateway', status: allUp ? 'ok' : 'degraded', subgraphs });
  });
  // Unauthenticated, like /health, for the cluster's scraper: counts, never data (see the platform's metrics/).
  app.get('/metrics', metrics.handler);
  // Every agency's latest audit entry, for the others to countersign (see the domain's witness),
  // and a request to all of them to countersign now; a subgraph that does not answer is left out.
  const askEach = async (path: string, method: 'GET' | 'POST') =>
    (await Promise.all(AGENCIES.map((a) => askSubgraph(subgraphUrls[a.slug], path, method, timeoutMs)))).filter(
      (answer) => answer !== null,
    );
  app.get('/audit/heads', async (_req, res) => {
    res.json(await askEach('/audit/head', 'GET'));
  });
  app.post('/audit/witness', async (_req, res) => {
    res.json(await askEach('/audit/witness', 'POST'));
  });
  // One verifier for every route, so they share its cache of the realm's keys.
  const bearerToken = requireBearerToken(createTokenVerifier(auth), auth.realm);
  app.use(
    '/graphql',
    bearerToken,
    express.json({ limit: BODY_LIMIT }),
    trustedDocumentsMiddleware(documents, {
      exempt: (req, caller) => readBack.verify(req.get(READ_BACK_HEADER), caller.token),
    }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        caller: callerOf(res),
        forwarded: forwardedOf((name) => req.get(name)),
        deadline: deadlineOf(req.headers[TIMEOUT_HEADER]),
        ...(subgraphTiming ? { timing: new SubgraphTiming() } : {}),
      }),
    }),
  );
  app.get('/exports/board-pack/:file', bearerToken, boardPackExportRoute(apollo, logger));
  const tools = options.developerTools ?? developerTools();
  const apiSchema = once(() => apiSchemaOf(supergraphSdl));
  if (tools.docs) app.use(docsRoutes(apiSchema, tools));
  app.use(explorerRoutes(tools.explorer, bearerToken, apiSchema));
  app.use(importRoutes(bearerToken));
  // Last, so the API's routes always answer first; the portal and the API share one origin.
  app.use(portalRoutes(auth));
  app.use(httpErrorHandler(logger));

  const http = listeners(app, '/graphql');
  return {
    app,
    subgraphUrls,
    sharedSubgraphCalls: () => transport.shared,
    listen: http.listen,
    async stop() {
      await http.closeAll();
      await apollo.stop();
      await transport.close();
    },
  };
}
