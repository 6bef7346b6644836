import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { agencyBySlug, type AgencySlug } from './agencies.js';
import { DATE_PATTERN, pinnedClock, systemClock, type Clock } from './clock.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const GATEWAY_DEFAULT_PORT = 4000;
/** The development identity provider's port, Keycloak's usual one. */
export const IDP_DEFAULT_PORT = 8080;

const portSchema = z.coerce.number().int().min(0).max(65535);

/** Reads `<NAME>_PORT`, failing with a message that names the variable rather than a stack trace. */
export function portFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const variable = `${name.toUpperCase()}_PORT`;
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const parsed = portSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${variable}="${raw}" is not a port number (0-65535).`);
  return parsed.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface DatabaseConfig {
  /** The environment variable a user changes to fix a connection problem. */
  variable: string;
  /** PostgreSQL connection string; unset, `npm start` gives the agency a database on its embedded server. */
  url?: string;
}

export function databaseConfig(slug: AgencySlug, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const variable = `${slug.toUpperCase()}_DATABASE_URL`;
  const url = env[variable]?.trim() || undefined;
  return { variable, url };
}

export interface SubgraphConfig {
  slug: AgencySlug;
  port: number;
  host: string;
  database: DatabaseConfig;
}

export function subgraphConfig(slug: AgencySlug, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const agency = agencyBySlug(slug);
  return {
    slug,
    port: portFromEnv(slug, agency.defaultPort, env),
    host: env.HOST ?? '127.0.0.1',
    database: databaseConfig(slug, env),
  };
}

/** Where the gateway finds a subgraph: `<NAME>_URL`, else localhost on the subgraph's port. */
export function subgraphUrl(slug: AgencySlug, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[`${slug.toUpperCase()}_URL`];
  if (explicit) return explicit;
  const port = portFromEnv(slug, agencyBySlug(slug).defaultPort, env);
  return `http://127.0.0.1:${port}/graphql`;
}

/** Where a subgraph reaches the whole graph: GATEWAY_URL, else the gateway on localhost. */
export function gatewayUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GATEWAY_URL?.trim() || `http://127.0.0.1:${portFromEnv('gateway', GATEWAY_DEFAULT_PORT, env)}/graphql`;
}

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

/**
 * Every timeout of a request, derived from SUBGRAPH_TIMEOUT_MS so that an inner call always gives
 * up before the call that waits for it. The gateway waits `subgraphMs` for a subgraph. The
 * family subgraph's cross-agency views read the other agencies back through the gateway within
 * that same wait: it asks the gateway to give up on every agency after `readBackBudgetMs` (so a
 * hung agency comes back as that agency's error, not as no answer at all) and itself stops
 * waiting for the gateway after `readBackMs`, leaving the rest of `subgraphMs` to answer.
 */
export interface Timeouts {
  subgraphMs: number;
  readBackBudgetMs: number;
  readBackMs: number;
}

/**
 * The header in which a caller tells the gateway how many milliseconds it will wait for the answer;
 * the gateway then gives up on every subgraph in time to answer within it (never later than its
 * own timeout), and passes what is left on to each subgraph.
 */
export const TIMEOUT_HEADER = 'x-timeout-ms';
/** Marks the family subgraph's read-back through the gateway, which passes it on (see family's read-back.ts). */
export const READ_BACK_HEADER = 'x-family-read-back';

/** The header an agency system sends to make a write safe to retry, and the one marking a replay. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

export function timeoutsFrom(subgraphMs: number): Timeouts {
  return { subgraphMs, readBackBudgetMs: Math.floor(subgraphMs * 0.5), readBackMs: Math.floor(subgraphMs * 0.6) };
}

/** SUBGRAPH_TIMEOUT_MS (default 10000), at least 100 ms. */
export function timeouts(env: NodeJS.ProcessEnv = process.env): Timeouts {
  const raw = env.SUBGRAPH_TIMEOUT_MS?.trim();
  if (!raw) return timeoutsFrom(DEFAULT_SUBGRAPH_TIMEOUT_MS);
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100) {
    throw new ConfigError(`SUBGRAPH_TIMEOUT_MS="${raw}" must be a whole number of milliseconds, at least 100.`);
  }
  return timeoutsFrom(ms);
}

/** Province counts below this are withheld from readers outside the measuring agency. */
export const DEFAULT_SMALL_NUMBER_THRESHOLD = 5;

/** SMALL_NUMBER_THRESHOLD (default 5): a value that is not a whole number of 1 or more stops the service. */
export function smallNumberThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SMALL_NUMBER_THRESHOLD?.trim();
  if (!raw) return DEFAULT_SMALL_NUMBER_THRESHOLD;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(`SMALL_NUMBER_THRESHOLD must be a whole number of 1 or more, not "${raw}".`);
  }
  return value;
}

/** Every ten minutes, each subgraph countersigns the other agencies' latest audit entries. */
export const DEFAULT_AUDIT_WITNESS_INTERVAL_MS = 600_000;

/** AUDIT_WITNESS_INTERVAL_MS: how often the others' audit heads are countersigned; 0 turns it off. */
export function auditWitnessIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AUDIT_WITNESS_INTERVAL_MS?.trim();
  if (!raw) return DEFAULT_AUDIT_WITNESS_INTERVAL_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`AUDIT_WITNESS_INTERVAL_MS must be a whole number of milliseconds (0: off), not "${raw}".`);
  }
  return value;
}

/** What a subgraph server is given rather than reading the environment per request. */
export interface RuntimeConfig {
  clock: Clock;
  /** Where views that span agencies are read from, as the caller. */
  gatewayUrl: string;
  timeouts: Timeouts;
  /** Small-number suppression's threshold (README: "Small numbers"). */
  smallNumberThreshold: number;
  /** How often the other agencies' audit heads are countersigned; 0: never (README: AUDIT_WITNESS_INTERVAL_MS). */
  auditWitnessIntervalMs: number;
}

/** A pinned clock is for tests and demos: a production service must follow the calendar. */
export function refusePinnedClockInProduction(clock: Clock, env: NodeJS.ProcessEnv = process.env): void {
  if (clock.pinned && env.NODE_ENV === 'production') {
    throw new ConfigError(
      `The date is pinned to ${clock.today()} (TODAY), which is only for tests and demos; unset TODAY when NODE_ENV=production.`,
    );
  }
}

/**
 * TODAY (YYYY-MM-DD) pins the date, refused in production; GATEWAY_URL as in `gatewayUrl`;
 * SUBGRAPH_TIMEOUT_MS as in `timeouts`; SMALL_NUMBER_THRESHOLD. Read once, at start.
 */
export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const today = env.TODAY?.trim();
  if (today && !DATE_PATTERN.test(today))
    throw new ConfigError(`TODAY must be a date such as 2026-06-30, not "${today}".`);
  const clock = today ? pinnedClock(today) : systemClock;
  refusePinnedClockInProduction(clock, env);
  return {
    clock,
    gatewayUrl: gatewayUrl(env),
    timeouts: timeouts(env),
    smallNumberThreshold: smallNumberThreshold(env),
    auditWitnessIntervalMs: auditWitnessIntervalMs(env),
  };
}
