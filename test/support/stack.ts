import { AGENCIES, type AgencySlug } from '@cocuk-koruma/platform/agencies';
import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import { startTestIssuer, type TestIssuer, type TokenOptions } from '@cocuk-koruma/testing/issuer';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { freePort, spawnEntry, type Spawned } from './processes.js';

/**
 * The whole graph as `npm start` runs it, each subgraph and the gateway its own compiled Node
 * process, so one agency can be hung (SIGSTOP) or killed while the others keep answering. Tokens
 * come from the local test issuer; each agency has a fresh database of its own.
 */
export interface ProcessStack {
  gatewayUrl: string;
  /** Each agency's /graphql. */
  subgraphUrls: Record<AgencySlug, string>;
  /** The gateway's per-subgraph timeout the stack runs with. */
  subgraphTimeoutMs: number;
  issuer: TestIssuer;
  query<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> | undefined,
    as: TokenOptions,
  ): Promise<GraphQLResponse<T>>;
  /** What a service (an agency's slug, or `gateway`) has written to stdout so far: its log. */
  stdout(service: AgencySlug | 'gateway'): string;
  /** SIGSTOP: the process keeps its port and connections but answers nothing. */
  hang(slug: AgencySlug): void;
  /** SIGCONT after `hang`. */
  resume(slug: AgencySlug): void;
  /** SIGKILL, waiting until the process is gone. */
  kill(slug: AgencySlug): Promise<void>;
  /** Starts the agency again on its port and database (after `kill`), ready when /health answers. */
  restart(slug: AgencySlug): Promise<void>;
  stop(): Promise<void>;
}

export interface ProcessStackOptions {
  subgraphTimeoutMs: number;
  /** TODAY for every service: deadlines are judged by it. */
  today: string;
  /**
   * Where the services verify tokens, when not the test issuer (the browser walks sign in through
   * the development identity provider). `query` still signs with the test issuer, so it then only
   * reaches the gateway's unauthenticated answers.
   */
  keycloakUrl?: string;
  /** The gateway's port, when the caller must know it before the stack starts (a redirect URI). */
  gatewayPort?: number;
  /** More environment for every service (OTEL_* for the trace test, LOG_LEVEL). */
  env?: NodeJS.ProcessEnv;
  /** More variables for the gateway alone (NODE_ENV=production, say). */
  gatewayEnv?: NodeJS.ProcessEnv;
}

async function healthy(url: string, timeoutMs: number, describe: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs} ms\n${describe()}`);
}

function alive(spawned: Spawned): boolean {
  return spawned.child.exitCode === null && spawned.child.signalCode === null;
}

export async function startProcessStack(label: string, options: ProcessStackOptions): Promise<ProcessStack> {
  const issuer = await startTestIssuer();
  const ports = Object.fromEntries(
    await Promise.all(
      [...AGENCIES.map((a) => a.slug), 'gateway'].map(
        async (s) => [s, s === 'gateway' && options.gatewayPort ? options.gatewayPort : await freePort()] as const,
      ),
    ),
  ) as Record<AgencySlug | 'gateway', number>;
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  const common: NodeJS.ProcessEnv = {
    KEYCLOAK_URL: options.keycloakUrl ?? issuer.authConfig.keycloakUrl,
    KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS: '1',
    SUBGRAPH_TIMEOUT_MS: String(options.subgraphTimeoutMs),
    TODAY: options.today,
    GATEWAY_URL: gatewayUrl,
    ...options.env,
  };
  for (const agency of AGENCIES) {
    common[`${agency.slug.toUpperCase()}_PORT`] = String(ports[agency.slug]);
    common[`${agency.slug.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[agency.slug]}/graphql`;
  }
  const databases = new Map<AgencySlug, TestDatabase>();
  const processes = new Map<AgencySlug | 'gateway', Spawned>();

  const startAgency = async (slug: AgencySlug) => {
    const database = databases.get(slug);
    if (!database) throw new Error(`no database for ${slug}`);
    const spawned = spawnEntry(`subgraphs/${slug}/src/index.ts`, {
      ...common,
      [`${slug.toUpperCase()}_DATABASE_URL`]: database.url,
    });
    processes.set(slug, spawned);
    await healthy(`http://127.0.0.1:${ports[slug]}/health`, 60_000, () => spawned.stderr());
  };

  const stop = async () => {
    for (const spawned of processes.values()) {
      spawned.child.kill('SIGCONT');
      if (alive(spawned)) {
        spawned.child.kill('SIGKILL');
        await spawned.exited;
      }
    }
    processes.clear();
    for (const database of databases.values()) await database.drop();
    await issuer.close();
  };

  try {
    for (const agency of AGENCIES) databases.set(agency.slug, await createTestDatabase(`${label}_${agency.slug}`));
    // One at a time: five migrations and seeds at once would only compete for the same two cores.
    for (const agency of AGENCIES) await startAgency(agency.slug);
    const gateway = spawnEntry('gateway/src/index.ts', {
      ...common,
      ...options.gatewayEnv,
      GATEWAY_PORT: String(ports.gateway),
    });
    processes.set('gateway', gateway);
    await healthy(`http://127.0.0.1:${ports.gateway}/health`, 60_000, () => gateway.stderr());
  } catch (error) {
    await stop();
    throw error;
  }

  const processOf = (slug: AgencySlug) => {
    const spawned = processes.get(slug);
    if (!spawned) throw new Error(`${slug} is not running`);
    return spawned;
  };
  return {
    gatewayUrl,
    subgraphUrls: Object.fromEntries(
      AGENCIES.map((a) => [a.slug, `http://127.0.0.1:${ports[a.slug]}/graphql`]),
    ) as Record<AgencySlug, string>,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    issuer,
    query: (query, variables, as) =>
      postGraphQL(gatewayUrl, query, variables, { authorization: `Bearer ${issuer.token(as)}` }),
    stdout: (service) => processes.get(service)?.stdout() ?? '',
    hang: (slug) => processOf(slug).child.kill('SIGSTOP'),
    resume: (slug) => processOf(slug).child.kill('SIGCONT'),
    async kill(slug) {
      const spawned = processOf(slug);
      spawned.child.kill('SIGCONT');
      spawned.child.kill('SIGKILL');
      await spawned.exited;
    },
    async restart(slug) {
      if (alive(processOf(slug))) throw new Error(`${slug} is still running`);
      await startAgency(slug);
    },
    stop,
  };
}
