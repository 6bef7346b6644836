import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How the connections of a pg pool stand at a moment. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** What became of a call, as a label: a handful of values, never anything the caller sent. */
export type Outcome = 'ok' | 'error';
export type SubgraphOutcome = 'ok' | 'errors' | 'refused' | 'timeout' | 'down';

/**
 * Client-chosen operation names would otherwise make a new series each, without bound: the first
 * MAX_OPERATIONS names a service sees keep their own series, later ones are counted as OTHER.
 */
export const MAX_OPERATIONS = 100;
export const OTHER_OPERATION = '(other)';
export const ANONYMOUS_OPERATION = '(anonymous)';
/** A request refused before it named a valid operation (a syntax error, a query over the limits). */
export const NO_OPERATION = '(none)';

// Seconds; from a cached read in a few milliseconds to the gateway's 10 s timeout.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServiceMetrics {
  registry: Registry;
  /** One GraphQL operation answered: its name (or one of the placeholders), type, outcome and error codes. */
  operation(name: string, type: string, seconds: number, errorCodes: readonly string[]): void;
  /** The gateway's call to one subgraph. */
  subgraphFetch(subgraph: string, outcome: SubgraphOutcome, seconds: number): void;
  /** Reports the pool's connections at every scrape. */
  watchPool(pool: string, stats: () => PoolStats): void;
  /** GET /metrics in Prometheus's text format. */
  handler: RequestHandler;
}

/**
 * The Prometheus metrics of one service (prom-client), every series labelled with the service.
 * Labels hold only the service's own vocabulary (operation names from the schema-valid operations
 * it ran, error codes, subgraph and pool names): no caller, client, variable or value, so that the
 * unauthenticated /metrics shows traffic, never data.
 */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations answered, by operation, type and outcome (error: the answer had errors)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_operation_errors_total',
    help: 'Errors in GraphQL answers, by operation and extensions.code',
    labelNames: ['operation', 'code'] as const,
    registers: [registry],
  });
  const fetches = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Calls from the gateway to a subgraph, by subgraph and outcome (errors: GraphQL errors in a 200; refused: 4xx; timeout; down: refused connection, 5xx or no GraphQL)',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const pools = new Map<string, () => PoolStats>();
  new Gauge({
    name: 'db_pool_connections',
    help: 'Connections of a PostgreSQL pool: total open, idle, and queries waiting for one',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [pool, stats] of pools) {
        const now = stats();
        this.set({ pool, state: 'total' }, now.total);
        this.set({ pool, state: 'idle' }, now.idle);
        this.set({ pool, state: 'waiting' }, now.waiting);
      }
    },
  });

  const seen = new Set<string>();
  const bounded = (name: string): string => {
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATIONS) return OTHER_OPERATION;
    seen.add(name);
    return name;
  };

  return {
    registry,
    operation(name, type, seconds, errorCodes) {
      const operation = bounded(name);
      duration.observe({ operation, type, outcome: errorCodes.length > 0 ? 'error' : 'ok' }, seconds);
      for (const code of errorCodes) errors.inc({ operation, code });
    },
    subgraphFetch(subgraph, outcome, seconds) {
      fetches.observe({ subgraph, outcome }, seconds);
    },
    watchPool(pool, stats) {
      pools.set(pool, stats);
    },
    handler: async (_req, res, next) => {
      try {
        res.type(registry.contentType).send(await registry.metrics());
      } catch (error) {
        next(error);
      }
    },
  };
}
