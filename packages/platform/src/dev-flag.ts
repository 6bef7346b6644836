import { ConfigError } from './config.js';

/**
 * A switch for benchmarks only (`1` on; unset or `0` off; anything else a mistake), refused with
 * NODE_ENV=production, where it would tell an outsider `disclosure`.
 */
export function benchmarkFlag(env: NodeJS.ProcessEnv, variable: string, disclosure: string): boolean {
  const raw = env[variable]?.trim();
  if (!raw || raw === '0') return false;
  if (raw !== '1') throw new ConfigError(`${variable} must be 1 or 0, not "${raw}".`);
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      `${variable}=1 ${disclosure}, which is for benchmarks only; unset it when NODE_ENV=production.`,
    );
  }
  return true;
}
