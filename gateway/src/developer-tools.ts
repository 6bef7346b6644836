import { ConfigError } from '@cocuk-koruma/platform';

/** The gateway's optional pages for people who build on the API. */
export interface DeveloperTools {
  /** `/docs`: the API reference generated from the supergraph (API_DOCS). */
  docs: boolean;
  /** `/explorer`: GraphiQL, signed in through the portal's client (API_EXPLORER). */
  explorer: boolean;
}

/**
 * `on` or `off`; unset, on in development and off with NODE_ENV=production, where a ministry
 * decides to publish them. Anything else is refused at start rather than read as either.
 */
function toolSwitch(env: NodeJS.ProcessEnv, variable: string): boolean {
  const raw = env[variable]?.trim().toLowerCase();
  if (!raw) return env.NODE_ENV !== 'production';
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`${variable} must be on or off, not "${env[variable]}".`);
}

export function developerTools(env: NodeJS.ProcessEnv = process.env): DeveloperTools {
  return { docs: toolSwitch(env, 'API_DOCS'), explorer: toolSwitch(env, 'API_EXPLORER') };
}
