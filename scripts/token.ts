/**
 * `npm run token -- <username>`: prints only an access token for a seeded user (for curl), from
 * the identity provider at KEYCLOAK_URL (default http://127.0.0.1:8080), by running the portal's
 * authorization-code + PKCE flow against the login form with the password from the realm export.
 * `npm run token -- --client justice-system`: the client-credentials grant with the client's secret.
 */
import {
  clientCredentials,
  LoginError,
  loginWithPassword,
  ProviderUnreachableError,
  realmUrl,
} from '@cocuk-koruma/dev-identity-provider/login-flow';
import {
  findClient,
  findUser,
  loadRealmExport,
  passwordOf,
  RealmExportError,
} from '@cocuk-koruma/dev-identity-provider/realm';

const USAGE = 'Usage: npm run token -- <username> | npm run token -- --client <client-id>';
const PORTAL_CLIENT_ID = 'portal';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(args: string[]): Promise<string> {
  const base = (process.env.KEYCLOAK_URL?.trim() || 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const realm = loadRealmExport();
  const url = realmUrl(base);

  if (args[0] === '--client') {
    const clientId = args[1];
    if (!clientId || args.length > 2) fail(USAGE);
    const client = findClient(realm, clientId);
    if (!client || !client.serviceAccountsEnabled || !client.secret) {
      const known = realm.clients.filter((c) => c.serviceAccountsEnabled).map((c) => c.clientId);
      fail(`Unknown service-account client '${clientId}' (known: ${known.join(', ')}).`);
    }
    return (await clientCredentials({ realmUrl: url, clientId, clientSecret: client.secret })).access_token;
  }

  const username = args[0];
  if (!username || args.length > 1 || username.startsWith('-')) fail(USAGE);
  const user = findUser(realm, username);
  const password = user && passwordOf(user);
  if (!user || !password) fail(`Unknown user '${username}' in infra/keycloak/realm-export.json.`);
  const portal = findClient(realm, PORTAL_CLIENT_ID);
  const pattern = portal?.redirectUris[0];
  if (!pattern) fail(`The realm export has no '${PORTAL_CLIENT_ID}' client with a redirect URI.`);
  const redirectUri = pattern.endsWith('*') ? `${pattern.slice(0, -1)}token-script` : pattern;
  const tokens = await loginWithPassword({
    realmUrl: url,
    clientId: PORTAL_CLIENT_ID,
    redirectUri,
    username: user.username,
    password,
  });
  return tokens.access_token;
}

try {
  const token = await main(process.argv.slice(2));
  process.stdout.write(`${token}\n`);
} catch (error) {
  if (error instanceof ProviderUnreachableError) {
    fail(`${error.message} Run \`npm start\` (or set KEYCLOAK_URL to a running Keycloak).`);
  }
  if (error instanceof LoginError || error instanceof RealmExportError) fail(error.message);
  throw error;
}
