import { LocalPostgresError } from './errors.js';

/** Away from a system server on 5432 and from the usual second cluster on 5433. */
export const LOCAL_POSTGRES_DEFAULT_PORT = 54320;

/** `EMBEDDED_POSTGRES_PORT`, else the default. */
export function embeddedPostgresPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EMBEDDED_POSTGRES_PORT?.trim();
  if (!raw) return LOCAL_POSTGRES_DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LocalPostgresError(`EMBEDDED_POSTGRES_PORT="${raw}" is not a port number (1-65535).`);
  }
  return port;
}
