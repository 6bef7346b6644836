import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import KeycloakConnect from 'keycloak-connect';
import { realmUrl } from '../src/login-flow.js';
import { createIdentityProvider, type IdentityProvider, type IdentityProviderListening } from '../src/server.js';

export const PASSWORD = 'example-password';
export const PORTAL_REDIRECT = 'http://localhost:5173/callback';

export interface Running {
  idp: IdentityProvider;
  listening: IdentityProviderListening;
  realmUrl: string;
  dataDir: string;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'idp-test-'));
}

export async function startProvider(dataDir = tempDataDir(), port = 0): Promise<Running> {
  const idp = createIdentityProvider({ dataDir });
  const listening = await idp.listen(port);
  return { idp, listening, realmUrl: realmUrl(listening.url), dataDir };
}

/** keycloak-connect configured as the API services configure it (bearer-only, audience checked). */
export function keycloakConnectFor(baseUrl: string): KeycloakConnect.Keycloak {
  const config = {
    realm: 'cocuk-koruma',
    'auth-server-url': baseUrl,
    resource: 'cocuk-koruma-api',
    'bearer-only': true,
    'verify-token-audience': true,
    'min-time-between-jwks-requests': 0,
  };
  return new KeycloakConnect({}, config as unknown as KeycloakConnect.KeycloakConfig);
}
