/**
 * Obtains tokens the way a browser and an agency system would, for the token script and tests:
 * the authorization-code flow with PKCE (S256) driven through the HTML login form, and the
 * client-credentials grant. Works against the development provider and a real Keycloak alike.
 */
import crypto from 'node:crypto';

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

/** The provider did not answer at all (not running, wrong KEYCLOAK_URL). */
export class ProviderUnreachableError extends Error {
  override name = 'ProviderUnreachableError';
}

/** The provider answered but refused: wrong password, wrong secret, bad request. */
export class LoginError extends Error {
  override name = 'LoginError';
}

export function realmUrl(issuerBaseUrl: string, realm = 'cocuk-koruma'): string {
  return `${issuerBaseUrl.replace(/\/+$/, '')}/realms/${realm}`;
}

/** Remembers cookies by name; enough for one login on one host. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (!pair || i <= 0) continue;
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(header);
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function send(url: string, init: RequestInit, jar?: CookieJar): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar) {
    const cookie = jar.header();
    if (cookie) headers.set('cookie', cookie);
  }
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const origin = new URL(url).origin;
    throw new ProviderUnreachableError(`No identity provider answers at ${origin} (${describe(error)}).`);
  }
  jar?.store(response);
  return response;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).message;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The `action` of the login form (Keycloak's `kc-form-login`, or the first POST form). */
function loginFormAction(html: string, pageUrl: string): string | undefined {
  const forms = [...html.matchAll(/<form\b[^>]*>/gi)].map((m) => m[0]);
  const form = forms.find((f) => /id="kc-form-login"/i.test(f)) ?? forms.find((f) => /method="post"/i.test(f));
  const action = form?.match(/action="([^"]*)"/i)?.[1];
  return action === undefined ? undefined : new URL(decodeEntities(action), pageUrl).toString();
}

function loginErrorMessage(html: string): string {
  const match =
    html.match(/id="input-error"[^>]*>\s*([^<]+)</i) ??
    html.match(/class="[^"]*(?:alert-error|kc-feedback-text|error)[^"]*"[^>]*>\s*([^<]+)</i);
  return match?.[1] ? decodeEntities(match[1].trim()).replace(/\.$/, '') : 'login refused';
}

/** Follows redirects until a page answers, or until the redirect reaches the client's redirect URI. */
async function follow(
  url: string,
  jar: CookieJar,
  redirectUri: string,
  init: RequestInit = {},
): Promise<{ callback?: URL; page?: { url: string; status: number; html: string } }> {
  let current = url;
  let request = init;
  for (let hop = 0; hop < 10; hop++) {
    if (current.startsWith(redirectUri)) return { callback: new URL(current) };
    const response = await send(current, request, jar);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current).toString();
      request = {};
      continue;
    }
    return { page: { url: current, status: response.status, html: await response.text() } };
  }
  throw new LoginError('Too many redirects during login.');
}

async function tokenRequest(
  endpoint: string,
  body: URLSearchParams,
  headers: Record<string, string> = {},
): Promise<TokenResponse> {
  const response = await send(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body,
  });
  const payload = (await response.json().catch(() => ({}))) as Partial<TokenResponse> & {
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !payload.access_token) {
    const reason = payload.error
      ? `${payload.error}${payload.error_description ? `: ${payload.error_description}` : ''}`
      : `HTTP ${response.status}`;
    throw new LoginError(`Token request refused (${reason}).`);
  }
  return payload as TokenResponse;
}

export interface PasswordLoginOptions {
  /** `<KEYCLOAK_URL>/realms/cocuk-koruma` */
  realmUrl: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  scope?: string;
}

/** Step one and two of the code flow: the authorization code, or a LoginError when the form refuses. */
export async function authorizationCode(
  options: PasswordLoginOptions,
): Promise<{ code: string; codeVerifier: string }> {
  const jar = new CookieJar();
  const codeVerifier = crypto.randomBytes(32).toString('base64url');
  const codeChallenge = crypto.createHash('sha256').update(codeVerifier).digest('base64url');
  const state = crypto.randomBytes(16).toString('base64url');
  const authorize = new URL(`${options.realmUrl}/protocol/openid-connect/auth`);
  authorize.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile email',
    state,
    nonce: crypto.randomBytes(16).toString('base64url'),
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  }).toString();

  const first = await follow(authorize.toString(), jar, options.redirectUri);
  if (first.callback) return codeFrom(first.callback, state, codeVerifier);
  const page = first.page as { url: string; status: number; html: string };
  const action = loginFormAction(page.html, page.url);
  if (!action || page.status >= 400) {
    throw new LoginError(`The authorization endpoint answered HTTP ${page.status} without a login form.`);
  }

  const submitted = await follow(action, jar, options.redirectUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: options.username, password: options.password }),
  });
  if (!submitted.callback) {
    throw new LoginError(`Login refused for ${options.username}: ${loginErrorMessage(submitted.page?.html ?? '')}.`);
  }
  return codeFrom(submitted.callback, state, codeVerifier);
}

function codeFrom(callback: URL, state: string, codeVerifier: string): { code: string; codeVerifier: string } {
  const error = callback.searchParams.get('error');
  if (error) {
    const description = callback.searchParams.get('error_description');
    throw new LoginError(`Authorization refused (${error}${description ? `: ${description}` : ''}).`);
  }
  if (callback.searchParams.get('state') !== state) throw new LoginError('Authorization response state mismatch.');
  const code = callback.searchParams.get('code');
  if (!code) throw new LoginError('Authorization response carries no code.');
  return { code, codeVerifier };
}

/** The whole authorization-code + PKCE flow: login form, then code exchange at the token endpoint. */
export async function loginWithPassword(options: PasswordLoginOptions): Promise<TokenResponse> {
  const { code, codeVerifier } = await authorizationCode(options);
  return tokenRequest(
    `${options.realmUrl}/protocol/openid-connect/token`,
    new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: codeVerifier,
    }),
  );
}

export interface ClientCredentialsOptions {
  realmUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

/** The client-credentials grant, authenticating with HTTP Basic like keycloak-connect does. */
export async function clientCredentials(options: ClientCredentialsOptions): Promise<TokenResponse> {
  const basic = Buffer.from(
    `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
  ).toString('base64');
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (options.scope) body.set('scope', options.scope);
  return tokenRequest(`${options.realmUrl}/protocol/openid-connect/token`, body, { authorization: `Basic ${basic}` });
}

/** Payload of a JWT, unverified: for printing and tests. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
