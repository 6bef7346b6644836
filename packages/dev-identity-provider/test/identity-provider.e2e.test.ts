import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizationCode,
  clientCredentials,
  decodeJwtPayload,
  LoginError,
  loginWithPassword,
} from '../src/login-flow.js';
import { keycloakConnectFor, PASSWORD, PORTAL_REDIRECT, startProvider, type Running } from './support.js';

const JUSTICE_SECRET = 'local-dev-only-justice-system-secret';

function audiences(claims: Record<string, unknown>): string[] {
  return Array.isArray(claims.aud) ? (claims.aud as string[]) : [claims.aud as string];
}

function header(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('development identity provider', () => {
  let running: Running;
  const login = (username: string, password = PASSWORD) =>
    loginWithPassword({
      realmUrl: running.realmUrl,
      clientId: 'portal',
      redirectUri: PORTAL_REDIRECT,
      username,
      password,
    });

  beforeAll(async () => {
    running = await startProvider();
  });
  afterAll(async () => {
    await running?.idp.close();
  });

  it('publishes a discovery document whose endpoints are the Keycloak realm paths', async () => {
    const response = await fetch(`${running.realmUrl}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, string>;
    const oidc = `${running.realmUrl}/protocol/openid-connect`;
    expect(discovery.issuer).toBe(running.realmUrl);
    expect(discovery.authorization_endpoint).toBe(`${oidc}/auth`);
    expect(discovery.token_endpoint).toBe(`${oidc}/token`);
    expect(discovery.jwks_uri).toBe(`${oidc}/certs`);
    expect(discovery.userinfo_endpoint).toBe(`${oidc}/userinfo`);
    expect(discovery.end_session_endpoint).toBe(`${oidc}/logout`);
  });

  it('serves on certs the RSA key whose kid the access tokens carry', async () => {
    const { access_token } = await clientCredentials({
      realmUrl: running.realmUrl,
      clientId: 'justice-system',
      clientSecret: JUSTICE_SECRET,
    });
    const certs = (await (await fetch(`${running.realmUrl}/protocol/openid-connect/certs`)).json()) as {
      keys: Record<string, unknown>[];
    };
    const { alg, kid } = header(access_token);
    expect(alg).toBe('RS256');
    const key = certs.keys.find((k) => k.kid === kid);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(key).not.toHaveProperty('d');
  });

  it('gives justice-system a client-credentials token shaped like a Keycloak service-account token', async () => {
    const { access_token, token_type } = await clientCredentials({
      realmUrl: running.realmUrl,
      clientId: 'justice-system',
      clientSecret: JUSTICE_SECRET,
    });
    expect(token_type).toBe('Bearer');
    const claims = decodeJwtPayload(access_token);
    expect(claims).toMatchObject({
      iss: running.realmUrl,
      azp: 'justice-system',
      typ: 'Bearer',
      agency: 'JUSTICE',
      preferred_username: 'service-account-justice-system',
      realm_access: { roles: ['agency-system'] },
      resource_access: {},
      scope: 'profile email',
    });
    expect(audiences(claims)).toContain('cocuk-koruma-api');
    expect(claims.sub).toEqual(expect.any(String));
    expect(claims.jti).toEqual(expect.any(String));
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
  });

  it('refuses client credentials with a wrong secret as invalid_client', async () => {
    const response = await fetch(`${running.realmUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('justice-system:wrong').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
    await expect(
      clientCredentials({ realmUrl: running.realmUrl, clientId: 'justice-system', clientSecret: 'wrong' }),
    ).rejects.toThrow(/invalid_client/);
  });

  it('accepts the client secret in the form body too, as Keycloak does', async () => {
    const response = await fetch(`${running.realmUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'health-system',
        client_secret: 'local-dev-only-health-system-secret',
      }),
    });
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    expect(decodeJwtPayload(access_token)).toMatchObject({ agency: 'HEALTH', azp: 'health-system' });
  });

  it('logs health.focal in through the form with PKCE and issues a token with agency HEALTH and role focal-point', async () => {
    const { access_token } = await login('health.focal');
    const claims = decodeJwtPayload(access_token);
    expect(claims).toMatchObject({
      iss: running.realmUrl,
      azp: 'portal',
      typ: 'Bearer',
      agency: 'HEALTH',
      preferred_username: 'health.focal',
      email: 'health.focal@example.org',
      realm_access: { roles: ['focal-point'] },
      scope: 'openid profile email',
    });
    expect(audiences(claims)).toContain('cocuk-koruma-api');
  });

  it('refreshes the portal token into a new access token with the same claims', async () => {
    const first = await login('education.board');
    expect(first.refresh_token).toEqual(expect.any(String));
    const response = await fetch(`${running.realmUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token ?? '',
        client_id: 'portal',
      }),
    });
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    expect(decodeJwtPayload(access_token)).toMatchObject({
      preferred_username: 'education.board',
      agency: 'EDUCATION',
      realm_access: { roles: ['board-member'] },
      typ: 'Bearer',
      aud: 'cocuk-koruma-api',
    });
  });

  it('answers userinfo for the access token with the user and agency', async () => {
    const { access_token } = await login('health.focal');
    const response = await fetch(`${running.realmUrl}/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      sub: decodeJwtPayload(access_token).sub,
      preferred_username: 'health.focal',
      agency: 'HEALTH',
    });
    const anonymous = await fetch(`${running.realmUrl}/protocol/openid-connect/userinfo`);
    expect(anonymous.status).toBe(401);
  });

  it('gives no authorization code for a wrong password and shows the form again with an error', async () => {
    await expect(
      authorizationCode({
        realmUrl: running.realmUrl,
        clientId: 'portal',
        redirectUri: PORTAL_REDIRECT,
        username: 'health.focal',
        password: 'not-the-password',
      }),
    ).rejects.toThrow(LoginError);
    await expect(login('health.focal', 'not-the-password')).rejects.toThrow(/Invalid username or password/);
  });

  it('refuses an authorization request without PKCE from the public portal client', async () => {
    const url = new URL(`${running.realmUrl}/protocol/openid-connect/auth`);
    url.search = new URLSearchParams({
      client_id: 'portal',
      redirect_uri: PORTAL_REDIRECT,
      response_type: 'code',
      scope: 'openid',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', url);
    expect(location.toString().startsWith(PORTAL_REDIRECT)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('issues noagency.liaison a token without an agency claim', async () => {
    const claims = decodeJwtPayload((await login('noagency.liaison')).access_token);
    expect(claims.preferred_username).toBe('noagency.liaison');
    expect(claims.realm_access).toEqual({ roles: ['liaison'] });
    expect(claims).not.toHaveProperty('agency');
  });

  it('issues tokens keycloak-connect accepts (bearer-only, audience verified)', async () => {
    const keycloak = keycloakConnectFor(running.listening.url);
    const service = await clientCredentials({
      realmUrl: running.realmUrl,
      clientId: 'justice-system',
      clientSecret: JUSTICE_SECRET,
    });
    const user = await login('justice.liaison');
    for (const { access_token } of [service, user]) {
      const grant = await keycloak.grantManager.createGrant({ access_token } as never);
      expect(grant.access_token).toBeDefined();
    }
    const tampered = `${user.access_token.slice(0, -4)}AAAA`;
    await expect(keycloak.grantManager.createGrant({ access_token: tampered } as never)).rejects.toThrow(/signature/);
  });
});
