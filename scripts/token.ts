/**
 * `npm run token -- <username>`: prints only an access token for a seeded user (for curl), from
 * the identity provider at KEYCLOAK_URL (default http://127.0.0.1:8080), by running the portal's
 * authorization-code + PKCE flow against the login form with the password from the realm export.
 * `npm run token -- --client justice-system`: the client-credentials grant with the client's secret.
 */
import { LoginError, ProviderUnreachableError } from '@cocuk-koruma/dev-identity-provider/login-flow';
import { RealmExportError } from '@cocuk-koruma/dev-identity-provider/realm';
import { devToken, DevTokenError, type DevTokenFor } from './dev-token.js';

const USAGE = 'Usage: npm run token -- <username> | npm run token -- --client <client-id>';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function whoFrom(args: string[]): DevTokenFor {
  if (args[0] === '--client') {
    const clientId = args[1];
    if (!clientId || args.length > 2) fail(USAGE);
    return { clientId };
  }
  const username = args[0];
  if (!username || args.length > 1 || username.startsWith('-')) fail(USAGE);
  return { username };
}

try {
  const token = await devToken(whoFrom(process.argv.slice(2)));
  process.stdout.write(`${token}\n`);
} catch (error) {
  if (error instanceof ProviderUnreachableError) {
    fail(`${error.message} Run \`npm start\` (or set KEYCLOAK_URL to a running Keycloak).`);
  }
  if (error instanceof LoginError || error instanceof RealmExportError || error instanceof DevTokenError) {
    fail(error.message);
  }
  throw error;
}
