import { z } from 'zod';
import { ConfigError } from '../config.js';

export interface AuthConfig {
  /** Base URL of Keycloak (or the embedded provider); must be the URL tokens were issued under. */
  keycloakUrl: string;
  realm: string;
  /** The client id tokens must name in `aud` (put there by the realm's audience mapper). */
  audience: string;
  /** keycloak-connect refetches the realm's keys for an unknown `kid` at most this often. */
  minTimeBetweenJwksRequests: number;
}

export const DEFAULT_KEYCLOAK_URL = 'http://127.0.0.1:8080';
export const REALM = 'cocuk-koruma';
export const API_AUDIENCE = 'cocuk-koruma-api';

export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const url = env.KEYCLOAK_URL?.trim() || DEFAULT_KEYCLOAK_URL;
  if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
    throw new ConfigError(`KEYCLOAK_URL="${url}" is not an http(s) URL.`);
  }
  const interval = Number(env.KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS ?? 10);
  if (!Number.isInteger(interval) || interval < 1) {
    throw new ConfigError(
      `KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS="${env.KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS}" must be a whole number of seconds, at least 1.`,
    );
  }
  return {
    keycloakUrl: url.replace(/\/+$/, ''),
    realm: env.KEYCLOAK_REALM?.trim() || REALM,
    audience: env.KEYCLOAK_AUDIENCE?.trim() || API_AUDIENCE,
    minTimeBetweenJwksRequests: interval,
  };
}

/** keycloak-connect compares `iss` with exactly this string. */
export function issuerOf(config: AuthConfig): string {
  return `${config.keycloakUrl}/realms/${config.realm}`;
}
