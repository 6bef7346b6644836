import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
/** A marker older than this is not honoured: it only ever travels family → gateway → family. */
const MARKER_LIFETIME_MS = 60_000;

export interface ReadBackMarker {
  /** The header value for a read-back made for the caller holding `token`. */
  sign(token: string, now?: number): string;
  /** Whether `value` is this process's marker for a read-back made for `token`, and fresh. */
  verify(value: string | undefined, token: string, now?: number): boolean;
}

/**
 * Marks the family subgraph's own read-back, so that when the gateway routes part of it back to
 * this subgraph, that part is not logged as a second READ of the family's data: the request the
 * read-back serves already logs one. The marker is an HMAC of the caller's token and a time under
 * a key only this process holds, so a client can neither forge one nor reuse another caller's.
 * A read-back that the gateway hands to another family replica (another key) is logged as before.
 */
export function readBackMarker(key: Buffer = randomBytes(32)): ReadBackMarker {
  const mac = (at: string, token: string) => createHmac('sha256', key).update(`${at}\n${token}`).digest('base64url');
  return {
    sign(token, now = Date.now()) {
      const at = String(now);
      return `${at}.${mac(at, token)}`;
    },
    verify(value, token, now = Date.now()) {
      if (!value) return false;
      const [at, signature] = value.split('.');
      if (!at || !signature || !/^\d+$/.test(at)) return false;
      const age = now - Number(at);
      if (age < 0 || age > MARKER_LIFETIME_MS) return false;
      const expected = Buffer.from(mac(at, token));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
