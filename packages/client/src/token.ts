import { TokenRequestError } from './errors.js';

export interface ClientCredentialsOptions {
  /** The realm's base URL, e.g. `https://sso.example.gov.tr/realms/cocuk-koruma`. */
  realmUrl: string;
  /** The agency system's client, e.g. `justice-system`. */
  clientId: string;
  clientSecret: string;
  /** Renew this long before the token expires, so no request leaves with a token about to lapse. */
  refreshSkewMs?: number;
  /** Gives up on the token endpoint after this long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** For tests: the clock expiry is judged by. */
  now?: () => number;
}

/** Something that hands out a bearer token for each request. */
export interface TokenSource {
  /** A token valid for at least the skew; fetched when none is, once however many ask at the same time. */
  getToken(): Promise<string>;
  /** Forgets the cached token (after the graph answered 401), so the next call fetches a new one. */
  invalidate(): void;
}

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is renewed. */
  renewAt: number;
}

const DEFAULT_SKEW_MS = 30_000;

/**
 * OAuth 2.0 client credentials against Keycloak's token endpoint
 * (`<realm>/protocol/openid-connect/token`), the client authenticated with HTTP Basic. The token is
 * cached until `expires_in` less the skew (at most half its life, for short-lived tokens); callers
 * that ask while it is being renewed share the one request in flight.
 */
export function clientCredentialsTokenSource(options: ClientCredentialsOptions): TokenSource {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const skew = options.refreshSkewMs ?? DEFAULT_SKEW_MS;
  const endpoint = `${options.realmUrl.replace(/\/+$/, '')}/protocol/openid-connect/token`;
  const basic = Buffer.from(
    `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
  ).toString('base64');
  let cached: CachedToken | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new TokenRequestError(`The token endpoint ${endpoint} could not be reached.`, { cause: error });
    }
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: reported below with the status.
    }
    if (!response.ok || typeof body.access_token !== 'string') {
      const reason = typeof body.error_description === 'string' ? body.error_description : body.error;
      throw new TokenRequestError(
        `The token endpoint refused client "${options.clientId}" (HTTP ${response.status}${reason ? `: ${String(reason)}` : ''}).`,
        { status: response.status },
      );
    }
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 60) * 1000;
    const issuedAt = now();
    cached = { value: body.access_token, renewAt: issuedAt + Math.max(lifetimeMs - skew, lifetimeMs / 2) };
    return body.access_token;
  }

  return {
    getToken() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.value);
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate() {
      cached = null;
    },
  };
}
