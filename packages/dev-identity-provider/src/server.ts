/**
 * A development identity provider that answers on Keycloak's realm endpoints, built on
 * oidc-provider (panva). Users, passwords, roles, clients and protocol mappers come from the realm
 * export Keycloak imports, so tokens have Keycloak's claim shapes and keycloak-connect accepts them.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import Provider, {
  type ClientMetadata,
  type Configuration,
  type KoaContextWithOIDC,
  type AccessToken,
  type ClientCredentials,
  type JWTStructured,
} from 'oidc-provider';
import { jwtVerify, importJWK } from 'jose';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { createLogger } from '@cocuk-koruma/platform/logger';
import { listen, type Listening } from '@cocuk-koruma/platform/server/http';
import { refuseProduction } from './guard.js';
import { loginPage } from './login-page.js';
import { memoryAdapterFactory } from './memory-adapter.js';
import {
  DEFAULT_REALM_EXPORT_PATH,
  REALM_NAME,
  effectiveRealmRoles,
  findClient,
  findServiceAccountUser,
  findUser,
  findUserById,
  loadRealmExport,
  mappedClaims,
  passwordOf,
  redirectUriMatches,
  type RealmClient,
  type RealmExport,
  type RealmUser,
  type TokenKind,
} from './realm.js';
import { loadOrCreateSigningKey, publicJwk, type SigningJwk } from './signing-key.js';

export { ProductionRefusedError } from './guard.js';

export const REALM_PATH = `/realms/${REALM_NAME}`;
const OIDC_PATH = '/protocol/openid-connect';
const LOGIN_PATH = `${REALM_PATH}/login-actions/authenticate`;
/** Resource indicator of the API; tokens name it by its Keycloak client id in `aud`. */
const API_RESOURCE = 'urn:cocuk-koruma:api';
/** Keycloak's default client scopes that every token of this realm carries. */
const DEFAULT_SCOPES = ['profile', 'email'];

export interface IdentityProviderOptions {
  /** Defaults to `infra/keycloak/realm-export.json`. */
  realmExportPath?: string;
  /** What KEYCLOAK_URL points at; tokens carry `<issuerBaseUrl>/realms/cocuk-koruma` as `iss`. Defaults to the listening address. */
  issuerBaseUrl?: string;
  /** Root of local data (`DATA_DIR`, else `.data`); the key lives in `identity-provider/signing-key.json` below it. */
  dataDir?: string;
}

export interface IdentityProviderListening extends Listening {
  /** `<base>/realms/cocuk-koruma` */
  issuer: string;
}

export interface IdentityProvider {
  realm: RealmExport;
  signingKey: SigningJwk;
  listen(port: number, host?: string): Promise<IdentityProviderListening>;
  close(): Promise<void>;
}

function userClaims(realm: RealmExport, client: RealmClient, user: RealmUser, kind: TokenKind) {
  const { claims, audiences } = mappedClaims(client, user, kind);
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  const profile: Record<string, unknown> = user.serviceAccountClientId
    ? { email_verified: false, preferred_username: user.username }
    : {
        email_verified: user.emailVerified,
        ...(name ? { name } : {}),
        preferred_username: user.username,
        ...(user.firstName ? { given_name: user.firstName } : {}),
        ...(user.lastName ? { family_name: user.lastName } : {}),
        ...(user.email ? { email: user.email } : {}),
      };
  return { profile, claims, audiences, roles: client.fullScopeAllowed ? effectiveRealmRoles(realm, user) : [] };
}

function clientMetadata(client: RealmClient): ClientMetadata | undefined {
  if (!client.enabled || client.bearerOnly) return undefined;
  const code = client.standardFlowEnabled;
  const grants = [
    ...(code ? ['authorization_code', 'refresh_token'] : []),
    ...(client.serviceAccountsEnabled && !client.publicClient ? ['client_credentials'] : []),
  ];
  if (grants.length === 0) return undefined;
  return {
    client_id: client.clientId,
    ...(client.publicClient
      ? { token_endpoint_auth_method: 'none' }
      : { client_secret: client.secret ?? '', token_endpoint_auth_method: 'client_secret_basic' }),
    grant_types: grants,
    response_types: code ? ['code'] : [],
    // Keycloak allows trailing `*` wildcards; oidc-provider stores the patterns and matching is overridden below.
    redirect_uris: code ? client.redirectUris : [],
    post_logout_redirect_uris: code ? client.redirectUris : [],
  };
}

export function createIdentityProvider(options: IdentityProviderOptions = {}): IdentityProvider {
  refuseProduction();
  const realm = loadRealmExport(options.realmExportPath ?? DEFAULT_REALM_EXPORT_PATH);
  const dataDir =
    options.dataDir ?? (process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(REPO_ROOT, '.data'));
  const signingKey = loadOrCreateSigningKey(dataDir);
  const logger = createLogger('identity-provider');
  const lifespan = realm.accessTokenLifespan;

  let provider: Provider | undefined;
  let handler: ReturnType<Provider['callback']> | undefined;
  let listening: IdentityProviderListening | undefined;

  function buildProvider(issuer: string): Provider {
    const configuration: Configuration = {
      adapter: memoryAdapterFactory(),
      clients: realm.clients.map(clientMetadata).filter((c): c is ClientMetadata => c !== undefined),
      jwks: { keys: [signingKey as unknown as Record<string, unknown>] } as Configuration['jwks'],
      cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
      routes: {
        authorization: `${OIDC_PATH}/auth`,
        token: `${OIDC_PATH}/token`,
        jwks: `${OIDC_PATH}/certs`,
        userinfo: `${OIDC_PATH}/userinfo`,
        end_session: `${OIDC_PATH}/logout`,
      },
      scopes: ['openid', 'offline_access', 'profile', 'email'],
      claims: {
        openid: ['sub'],
        profile: ['name', 'given_name', 'family_name', 'preferred_username', 'agency'],
        email: ['email', 'email_verified'],
      },
      conformIdTokenClaims: false,
      ttl: {
        AccessToken: lifespan,
        ClientCredentials: lifespan,
        IdToken: lifespan,
        AuthorizationCode: 60,
        Interaction: 1800,
        Session: 36000,
        Grant: 36000,
        RefreshToken: 1800,
      },
      pkce: {
        required: (_ctx, client) => {
          const declared = findClient(realm, client.clientId)?.attributes['pkce.code.challenge.method'];
          return declared === 'S256' || client.tokenEndpointAuthMethod === 'none';
        },
      },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        userinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          // Keycloak ends the session at once when the client names it (id_token_hint), as the
          // portal does; oidc-provider would first ask "sign me out?". The form is sent as if
          // confirmed; without a hint, or without JavaScript, the question stays.
          logoutSource: (ctx, form) => {
            const hinted = Boolean(ctx.oidc.params?.id_token_hint);
            const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
            ctx.type = 'html';
            ctx.body = `<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>Oturum kapatılıyor / Signing out</title></head><body>${confirmed}<p>Oturumu kapatmak istiyor musunuz? / Sign out?</p><button type="submit" form="op.logoutForm">Evet / Yes</button>${hinted ? '<script>document.forms[0].submit()</script>' : ''}</body></html>`;
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => API_RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: ['openid', ...DEFAULT_SCOPES].join(' '),
            audience: 'cocuk-koruma-api',
            accessTokenTTL: lifespan,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256', kid: signingKey.kid } },
          }),
        },
      },
      issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      interactions: { url: (_ctx, interaction) => `${LOGIN_PATH}/${interaction.uid}` },
      // Keycloak with consent off: the realm's own clients get what they ask for once the user signed in.
      loadExistingGrant: async (ctx) => {
        const { client, session } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
        const scopes = [...ctx.oidc.requestParamScopes].join(' ');
        grant.addOIDCScope(scopes);
        grant.addOIDCClaims(['agency']);
        grant.addResourceScope(API_RESOURCE, scopes);
        await grant.save();
        return grant;
      },
      findAccount: (ctx, id) => {
        const user = findUserById(realm, id);
        if (!user || !user.enabled) return undefined;
        return {
          accountId: id,
          claims: () => {
            const client = ctx.oidc.client && findClient(realm, ctx.oidc.client.clientId);
            const mapped = client ? userClaims(realm, client, user, 'id') : undefined;
            return { sub: id, ...mapped?.profile, ...mapped?.claims };
          },
        };
      },
      formats: {
        customizers: {
          jwt: (ctx: KoaContextWithOIDC, token: AccessToken | ClientCredentials, jwt: JWTStructured) =>
            keycloakAccessToken(ctx, token, jwt),
        },
      },
      renderError: (ctx, out) => {
        ctx.type = 'html';
        const text = Object.entries(out)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('\n');
        ctx.body = `<!doctype html><title>Error</title><pre>${text.replace(/[&<>]/g, '')}</pre>`;
      },
    };

    function keycloakAccessToken(
      _ctx: KoaContextWithOIDC,
      token: AccessToken | ClientCredentials,
      jwt: JWTStructured,
    ): void {
      const client = token.clientId ? findClient(realm, token.clientId) : undefined;
      if (!client) throw new Error(`unknown client ${String(token.clientId)}`);
      const serviceAccount = token.kind === 'ClientCredentials';
      const user = serviceAccount
        ? findServiceAccountUser(realm, client.clientId)
        : findUserById(realm, (token as AccessToken).accountId ?? '');
      const fallback: RealmUser = {
        id: crypto.createHash('sha256').update(client.clientId).digest('hex').slice(0, 32),
        username: `service-account-${client.clientId}`,
        enabled: true,
        emailVerified: false,
        attributes: {},
        credentials: [],
        realmRoles: [],
        clientRoles: {},
        serviceAccountClientId: client.clientId,
      };
      const subject = user ?? fallback;
      const { profile, claims, audiences, roles } = userClaims(realm, client, subject, 'access');
      const requested = new Set((token.scope ?? '').split(' ').filter(Boolean));
      const scope = [...(requested.has('openid') ? ['openid'] : []), ...DEFAULT_SCOPES].join(' ');
      const resourceAccess = Object.fromEntries(
        Object.entries(subject.clientRoles)
          .filter(([, r]) => r.length > 0)
          .map(([id, r]) => [id, { roles: r }]),
      );
      const { exp, iat, jti, iss } = jwt.payload;
      jwt.header = { typ: 'JWT' };
      jwt.payload = {
        exp,
        iat,
        jti,
        iss,
        aud: audiences.length === 1 ? audiences[0] : audiences.length > 0 ? audiences : client.clientId,
        sub: subject.id,
        typ: 'Bearer',
        azp: client.clientId,
        realm_access: { roles },
        resource_access: resourceAccess,
        scope,
        ...(serviceAccount ? { client_id: client.clientId } : {}),
        ...profile,
        ...claims,
      };
    }

    const oidc = new Provider(issuer, configuration);
    // Keycloak's redirect URIs may end in `*`.
    const patterns = new Map(realm.clients.map((c) => [c.clientId, c.redirectUris]));
    oidc.Client.prototype.redirectUriAllowed = function (this: { clientId: string }, uri: string) {
      return redirectUriMatches(patterns.get(this.clientId) ?? [], uri);
    };
    oidc.Client.prototype.postLogoutRedirectUriAllowed = function (this: { clientId: string }, uri: string) {
      return redirectUriMatches(patterns.get(this.clientId) ?? [], uri);
    };
    oidc.on('server_error', (_ctx, error) => logger.error({ err: error }, 'identity provider error'));
    return oidc;
  }

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: provider ? 'UP' : 'STARTING' });
  });

  const ready = (res: Response): Provider | undefined => {
    if (!provider) res.status(503).json({ error: 'temporarily_unavailable' });
    return provider;
  };

  const renderLogin = async (req: Request, res: Response, oidc: Provider, error?: string, username?: string) => {
    const details = await oidc.interactionDetails(req, res);
    res
      .status(error ? 401 : 200)
      .type('html')
      .send(
        loginPage({
          action: `${LOGIN_PATH}/${details.uid}`,
          clientId: String(details.params.client_id),
          error,
          username,
        }),
      );
  };

  app.get(`${LOGIN_PATH}/:uid`, async (req, res, next) => {
    const oidc = ready(res);
    if (!oidc) return;
    try {
      const details = await oidc.interactionDetails(req, res);
      if (details.prompt.name === 'login') return await renderLogin(req, res, oidc);
      // Consent is implicit (see loadExistingGrant); finishing lets the provider re-check.
      await oidc.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    } catch (error) {
      next(error);
    }
  });

  app.post(`${LOGIN_PATH}/:uid`, express.urlencoded({ extended: false }), async (req, res, next) => {
    const oidc = ready(res);
    if (!oidc) return;
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username.trim() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const user =
        findUser(realm, username) ?? realm.users.find((u) => !u.serviceAccountClientId && u.email === username);
      const expected = user && passwordOf(user);
      const valid =
        user?.enabled &&
        expected !== undefined &&
        expected.length === password.length &&
        crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(password));
      if (!user || !valid) return await renderLogin(req, res, oidc, 'Invalid username or password.', username);
      await oidc.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });

  // Keycloak's userinfo accepts the (JWT) access token the API also accepts; oidc-provider's own
  // userinfo only takes tokens minted for it, so this route answers first.
  app.all(`${REALM_PATH}${OIDC_PATH}/userinfo`, async (req, res) => {
    const oidc = ready(res);
    if (!oidc || !listening) return;
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const unauthorized = (description: string) =>
      res
        .status(401)
        .set(
          'WWW-Authenticate',
          `Bearer realm="${REALM_NAME}", error="invalid_token", error_description="${description}"`,
        )
        .json({ error: 'invalid_token', error_description: description });
    if (!match?.[1]) return unauthorized('Missing bearer token');
    try {
      const key = await importJWK(publicJwk(signingKey), 'RS256');
      const { payload } = await jwtVerify(match[1], key, { issuer: listening.issuer, algorithms: ['RS256'] });
      const client = typeof payload.azp === 'string' ? findClient(realm, payload.azp) : undefined;
      const user = typeof payload.sub === 'string' ? findUserById(realm, payload.sub) : undefined;
      if (payload.typ !== 'Bearer' || !client || !user || !user.enabled)
        return unauthorized('Token verification failed');
      const { profile, claims } = userClaims(realm, client, user, 'userinfo');
      res.json({ sub: user.id, ...profile, ...claims });
    } catch {
      unauthorized('Token verification failed');
    }
  });

  app.use(REALM_PATH, (req, res, next) => {
    if (handler) void handler(req, res);
    else if (ready(res)) next();
  });

  return {
    realm,
    signingKey,
    async listen(port: number, host = '127.0.0.1') {
      if (listening) throw new Error('The identity provider is already listening.');
      const server = await listen(app, port, host, '');
      const base = (options.issuerBaseUrl ?? server.url).replace(/\/+$/, '');
      const issuer = `${base}${REALM_PATH}`;
      provider = buildProvider(issuer);
      handler = provider.callback();
      listening = {
        ...server,
        issuer,
        close: async () => {
          await server.close();
          provider = undefined;
          handler = undefined;
          listening = undefined;
        },
      };
      return listening;
    },
    async close() {
      await listening?.close();
    },
  };
}
