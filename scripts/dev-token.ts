import { clientCredentials, loginWithPassword, realmUrl } from '@cocuk-koruma/dev-identity-provider/login-flow';
import { findClient, findUser, loadRealmExport, passwordOf } from '@cocuk-koruma/dev-identity-provider/realm';

const PORTAL_CLIENT_ID = 'portal';

/** Who a development token is for: an example user, or an agency system's service account. */
export type DevTokenFor = { username: string } | { clientId: string };

/** A mistake in naming who the token is for (an unknown user or client). */
export class DevTokenError extends Error {}

/**
 * An access token from the identity provider at KEYCLOAK_URL (default http://127.0.0.1:8080) for
 * an example user (the portal's authorization-code + PKCE flow with the realm export's password)
 * or an agency system (client credentials with its secret from the realm export).
 */
export async function devToken(who: DevTokenFor): Promise<string> {
  const base = (process.env.KEYCLOAK_URL?.trim() || 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const realm = loadRealmExport();
  const url = realmUrl(base);
  if ('clientId' in who) {
    const client = findClient(realm, who.clientId);
    if (!client || !client.serviceAccountsEnabled || !client.secret) {
      const known = realm.clients.filter((c) => c.serviceAccountsEnabled).map((c) => c.clientId);
      throw new DevTokenError(`Unknown service-account client '${who.clientId}' (known: ${known.join(', ')}).`);
    }
    return (await clientCredentials({ realmUrl: url, clientId: who.clientId, clientSecret: client.secret }))
      .access_token;
  }
  const user = findUser(realm, who.username);
  const password = user && passwordOf(user);
  if (!user || !password)
    throw new DevTokenError(`Unknown user '${who.username}' in infra/keycloak/realm-export.json.`);
  const portal = findClient(realm, PORTAL_CLIENT_ID);
  const pattern = portal?.redirectUris[0];
  if (!pattern) throw new DevTokenError(`The realm export has no '${PORTAL_CLIENT_ID}' client with a redirect URI.`);
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
