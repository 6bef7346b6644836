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

/** What a subgraph server is given rather than reading the environment per request. */
export interface RuntimeConfig {
  clock: Clock;
  /** Where views that span agencies are read from, as the caller. */
  gatewayUrl: string;
}

/** A pinned clock is for tests and demos: a production service must follow the calendar. */
export function refusePinnedClockInProduction(clock: Clock, env: NodeJS.ProcessEnv = process.env): void {
  if (clock.pinned && env.NODE_ENV === 'production') {
    throw new ConfigError(
      `The date is pinned to ${clock.today()} (TODAY), which is only for tests and demos; unset TODAY when NODE_ENV=production.`,
    );
  }
}

/** TODAY (YYYY-MM-DD) pins the date, refused in production; GATEWAY_URL as in `gatewayUrl`. Read once, at start. */
export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const today = env.TODAY?.trim();
  if (today && !DATE_PATTERN.test(today))
    throw new ConfigError(`TODAY must be a date such as 2026-06-30, not "${today}".`);
  const clock = today ? pinnedClock(today) : systemClock;
  refusePinnedClockInProduction(clock, env);
  return { clock, gatewayUrl: gatewayUrl(env) };
}
