import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AgencyCode, type Role, API_AUDIENCE, REALM, type AuthConfig } from '@cocuk-koruma/platform';

export interface TokenOptions {
  username: string;
  agency?: AgencyCode | null;
  roles: Role[];
  clientId?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Overrides or removes (undefined) any claim, for tokens that must be refused. */
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
}

export interface TestIssuer {
  authConfig: AuthConfig;
  issuer: string;
  kid: string;
  token(options: TokenOptions): string;
  /** Rotates the signing key: the JWKS then publishes only the new key. */
  rotate(): void;
  close(): Promise<void>;
}

const b64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function newKey(): { kid: string; privateKey: KeyObject; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

/**
 * A test key served from a local JWKS endpoint at Keycloak's path, and tokens with Keycloak's
 * claim shapes signed by it, so the services' real token validation runs in tests.
 */
export async function startTestIssuer(): Promise<TestIssuer> {
  let key = newKey();
  const foreign = newKey();
  const server = http.createServer((req, res) => {
    if (req.url === `/realms/${REALM}/protocol/openid-connect/certs`) {
      const jwk = { ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, alg: 'RS256', use: 'sig' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const keycloakUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${keycloakUrl}/realms/${REALM}`;

  return {
    authConfig: { keycloakUrl, realm: REALM, audience: API_AUDIENCE, minTimeBetweenJwksRequests: 1 },
    issuer,
    get kid() {
      return key.kid;
    },
    token(options) {
      const now = Math.floor(Date.now() / 1000);
      const signing = options.foreignKey ? foreign : key;
      const header = { alg: 'RS256', typ: 'JWT', kid: signing.kid, ...options.header };
      const payload: Record<string, unknown> = {
        exp: now + (options.expiresIn ?? 300),
        iat: now,
        jti: randomUUID(),
        iss: issuer,
        aud: [API_AUDIENCE, 'account'],
        sub: randomUUID(),
        typ: 'Bearer',
        azp: options.clientId ?? 'portal',
        scope: 'openid profile email',
        realm_access: { roles: options.roles },
        resource_access: {},
        preferred_username: options.username,
        ...(options.agency ? { agency: options.agency } : {}),
        ...options.claims,
      };
      // JSON.stringify drops claims set to undefined, which is how a test removes one.
      const signingInput = `${b64url(header)}.${b64url(payload)}`;
      const signature =
        header.alg === 'none'
          ? ''
          : sign('RSA-SHA256', Buffer.from(signingInput), signing.privateKey).toString('base64url');
      return `${signingInput}.${signature}`;
    },
    rotate() {
      key = newKey();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
