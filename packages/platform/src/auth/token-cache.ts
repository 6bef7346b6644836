import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Caller } from './caller.js';
import type { ExpiringTokenVerifier, TokenVerifier } from './verifier.js';

/** Enough for every user of a large ministry signed in at once; each entry is a few hundred bytes. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

interface CachedCaller {
  caller: Caller;
  expiresAtMs: number;
}

/**
 * Remembers tokens already verified until their `exp`, so the gateway and each subgraph check a
 * token's RS256 signature once, not on every request: a cross-agency query is verified by six
 * services. Keys are the token's SHA-256, never the token; only successes are kept, so a bad
 * token is re-examined (and refused) every time. A key the realm withdraws stops new tokens at
 * once; tokens already seen stay valid to their `exp`, at most the realm's five-minute lifetime.
 */
export function withVerifiedTokenCache(
  verifier: ExpiringTokenVerifier,
  options: { max?: number; now?: () => number } = {},
): TokenVerifier {
  const now = options.now ?? Date.now;
  const cache = new LRUCache<string, CachedCaller>({ max: options.max ?? VERIFIED_TOKEN_CACHE_SIZE });
  return {
    async verify(rawToken) {
      const key = createHash('sha256').update(rawToken).digest('base64url');
      const hit = cache.get(key);
      if (hit && now() < hit.expiresAtMs) return hit.caller;
      if (hit) cache.delete(key);
      const { caller, expiresAt } = await verifier.verify(rawToken);
      const expiresAtMs = expiresAt * 1000;
      if (now() < expiresAtMs) cache.set(key, { caller, expiresAtMs });
      return caller;
    },
  };
}
