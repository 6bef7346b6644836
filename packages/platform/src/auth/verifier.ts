import KeycloakConnect from 'keycloak-connect';
import { withVerifiedTokenCache } from './token-cache.js';
import { isAgencyCode } from '../agencies.js';
import { ROLES, type Caller, type Role } from './caller.js';
import type { AuthConfig } from './config.js';

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

export interface TokenVerifier {
  verify(rawToken: string): Promise<Caller>;
}

/** A verified token's caller and its `exp`, in seconds since the epoch. */
export interface VerifiedToken {
  caller: Caller;
  expiresAt: number;
}

export interface ExpiringTokenVerifier {
  verify(rawToken: string): Promise<VerifiedToken>;
}

interface AccessTokenContent {
  sub?: string;
  exp?: number;
  azp?: string;
  preferred_username?: string;
  agency?: unknown;
  realm_access?: { roles?: unknown };
}

interface ValidatedGrant {
  access_token: { header: { alg?: string }; content: AccessTokenContent };
}

// keycloak-connect's types lack the keys we rely on (see known pitfalls), so the config is typed here.
interface KeycloakAdapterConfig {
  realm: string;
  'auth-server-url': string;
  resource: string;
  'bearer-only': true;
  'verify-token-audience': true;
  'min-time-between-jwks-requests': number;
  'ssl-required': string;
  'confidential-port': number;
}

/** keycloak-connect words its failures as "... Reason: invalid token (expired)"; keep the part a person can act on. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /invalid token \(([^)]+)\)/.exec(message);
  if (match) return `token ${match[1]}`;
  if (/public key/.test(message)) return 'token signed with a key the realm does not publish';
  return 'token could not be validated';
}

/**
 * Header and payload must be base64url JSON objects. keycloak-connect turns an unparseable token
 * into one that "expired" at 0, which would tell a caller with a mangled token to sign in again.
 */
function isWellFormedJwt(rawToken: string): boolean {
  const parts = rawToken.split('.');
  if (parts.length !== 3) return false;
  try {
    return parts.slice(0, 2).every((part) => {
      const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    });
  } catch {
    return false;
  }
}

/**
 * Validates bearer tokens with keycloak-connect (signature against the realm's JWKS, expiry,
 * `typ: Bearer`, exact issuer, audience) and adds the checks it leaves out: it verifies
 * RSA-SHA256 whatever the header claims and treats a token without `exp` as never expiring.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  return withVerifiedTokenCache(keycloakVerifier(config));
}

function keycloakVerifier(config: AuthConfig): ExpiringTokenVerifier {
  const adapterConfig: KeycloakAdapterConfig = {
    realm: config.realm,
    'auth-server-url': config.keycloakUrl,
    resource: config.audience,
    'bearer-only': true,
    'verify-token-audience': true,
    'min-time-between-jwks-requests': config.minTimeBetweenJwksRequests,
    'ssl-required': 'external',
    'confidential-port': 0,
  };
  const keycloak = new KeycloakConnect({}, adapterConfig as unknown as KeycloakConnect.KeycloakConfig);

  return {
    async verify(rawToken) {
      if (!isWellFormedJwt(rawToken)) throw new AuthenticationError('token is malformed');
      let grant: ValidatedGrant;
      try {
        grant = (await keycloak.grantManager.createGrant({
          access_token: rawToken,
        } as never)) as unknown as ValidatedGrant;
      } catch (error) {
        throw new AuthenticationError(reasonOf(error));
      }
      const { header, content } = grant.access_token;
      if (header.alg !== 'RS256') throw new AuthenticationError('token is not signed with RS256');
      if (typeof content.exp !== 'number') throw new AuthenticationError('token has no expiry');
      if (!content.sub) throw new AuthenticationError('token has no subject');
      const roles = Array.isArray(content.realm_access?.roles) ? content.realm_access.roles : [];
      const caller: Caller = {
        subject: content.sub,
        username: content.preferred_username ?? content.sub,
        agency: typeof content.agency === 'string' && isAgencyCode(content.agency) ? content.agency : null,
        roles: roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)),
        clientId: content.azp ?? '',
        token: rawToken,
      };
      return { caller, expiresAt: content.exp };
    },
  };
}
