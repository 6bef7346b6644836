import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import { startTestIssuer, type TestIssuer, type TokenOptions } from '@cocuk-koruma/testing/issuer';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import {
  AGENCIES,
  type AgencySlug,
  type AuthConfig,
  type Clock,
  type DatabaseConfig,
  type Listening,
  type SubgraphOptions,
  type SubgraphServer,
  timeoutsFrom,
} from '@cocuk-koruma/platform';
import { createGateway, type Gateway } from '../../gateway/src/gateway.js';
import { createServer as createEducation } from '../../subgraphs/education/src/server.js';
import { createServer as createFamily } from '../../subgraphs/family/src/server.js';
import { createServer as createHealth } from '../../subgraphs/health/src/server.js';
import { createServer as createInterior } from '../../subgraphs/interior/src/server.js';
import { createServer as createJustice } from '../../subgraphs/justice/src/server.js';

type ServerFactory = (
  database: DatabaseConfig,
  auth: AuthConfig,
  options: SubgraphOptions,
) => Promise<SubgraphServer<Record<string, unknown>>>;

export const serverFactories: Record<AgencySlug, ServerFactory> = {
  family: createFamily,
  justice: createJustice,
  health: createHealth,
  education: createEducation,
  interior: createInterior,
};

export interface RunningSubgraph {
  server: SubgraphServer<Record<string, unknown>>;
  listening: Listening;
  database: TestDatabase;
}

export interface RunningGraph {
  gatewayUrl: string;
  subgraphs: Record<AgencySlug, RunningSubgraph>;
  gateway: Gateway;
  issuer: TestIssuer;
  /** HTTP requests the gateway has been sent so far, the family's read-backs among them. */
  gatewayRequests(): number;
  /** Sends a query through the gateway as `as` (by default a board member of the family ministry). */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: TokenOptions,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The whole graph in this process, but over real HTTP: five subgraphs on free ports, each on a
 * fresh PostgreSQL database of its own, and the gateway calling them with the committed supergraph.
 */
export const BOARD_MEMBER: TokenOptions = { username: 'family.board', agency: 'FAMILY', roles: ['board-member'] };

export interface GraphOptions {
  /**
   * Points the gateway and subgraphs at another token issuer (say the embedded identity
   * provider); by default they trust the local test issuer, whose tokens `graph.query` sends.
   */
  auth?: AuthConfig;
  /** The subgraphs' clock (a test clock pins the date); by default the real calendar. */
  clock?: Clock;
  /** How often each subgraph countersigns the others' audit heads; by default never. */
  auditWitnessIntervalMs?: number;
  /** Each subgraph serves its SQL statement count (`/dev/sql-statements`), as under SQL_STATEMENT_COUNTER=1. */
  sqlStatementCounter?: boolean;
}

interface GatewayListener {
  url: string;
  /** Requests the gateway has been sent so far: the clients' and the family's read-backs. */
  requests(): number;
  /** Hands the requests to the gateway once it exists; until then they are answered 503. */
  serve(handler: http.RequestListener): void;
  close(): Promise<void>;
}

/**
 * The secretariat reads other agencies' progress through this graph's own gateway, which can only
 * be built once the subgraphs listen. Its listener is opened first, so its URL can be given to
 * the subgraphs and no other test takes the port in between.
 */
async function openGatewayListener(): Promise<GatewayListener> {
  let handler: http.RequestListener | undefined;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    if (handler) return handler(req, res);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => requests,
    serve: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

export async function startGraph(label: string, options: GraphOptions = {}): Promise<RunningGraph> {
  const subgraphs = {} as Record<AgencySlug, RunningSubgraph>;
  const issuer = await startTestIssuer();
  const trusted = options.auth ?? issuer.authConfig;
  const listener = await openGatewayListener();
  // The gateway's subgraph timeout and the family's read-back through it, from one value as in production.
  const timeouts = timeoutsFrom(5000);
  const runtime: SubgraphOptions = {
    gatewayUrl: listener.url,
    clock: options.clock,
    timeouts,
    auditWitnessIntervalMs: options.auditWitnessIntervalMs,
    sqlStatementCounter: options.sqlStatementCounter,
  };
  let gateway: Gateway;
  try {
    for (const agency of AGENCIES) {
      const database = await createTestDatabase(`${label}_${agency.slug}`);
      const server = await serverFactories[agency.slug](
        { variable: `${agency.slug.toUpperCase()}_DATABASE_URL`, url: database.url },
        trusted,
        runtime,
      );
      subgraphs[agency.slug] = { server, database, listening: await server.listen(0) };
    }
    gateway = await createGateway({
      subgraphUrls: Object.fromEntries(AGENCIES.map((a) => [a.slug, subgraphs[a.slug].listening.url])),
      subgraphTimeoutMs: timeouts.subgraphMs,
      auth: trusted,
    });
  } catch (error) {
    await listener.close();
    await stopSubgraphs(subgraphs);
    await issuer.close();
    throw error;
  }
  listener.serve(gateway.app);
  return {
    gatewayUrl: listener.url,
    subgraphs,
    gateway,
    issuer,
    gatewayRequests: listener.requests,
    query: (query, variables, as = BOARD_MEMBER) =>
      postGraphQL(listener.url, query, variables, { authorization: `Bearer ${issuer.token(as)}` }),
    async stop() {
      await listener.close();
      await gateway.stop();
      await stopSubgraphs(subgraphs);
      await issuer.close();
    },
  };
}

async function stopSubgraphs(subgraphs: Partial<Record<AgencySlug, RunningSubgraph>>): Promise<void> {
  for (const running of Object.values(subgraphs)) {
    await running.server.stop().catch(() => undefined);
    await running.database.drop();
  }
}

export type QueryCounts = Record<AgencySlug, number>;

/** SQL statements each subgraph has sent so far (its drizzle logger counts them). */
export function queryCounts(graph: RunningGraph): QueryCounts {
  return Object.fromEntries(
    AGENCIES.map((a) => [a.slug, graph.subgraphs[a.slug].server.database.queryCount()]),
  ) as QueryCounts;
}

/** SQL statements each subgraph sent while `run` ran: what batching is judged by. */
export async function countQueries(graph: RunningGraph, run: () => Promise<unknown>): Promise<QueryCounts> {
  const before = queryCounts(graph);
  await run();
  const after = queryCounts(graph);
  return Object.fromEntries(AGENCIES.map((a) => [a.slug, after[a.slug] - before[a.slug]])) as QueryCounts;
}
