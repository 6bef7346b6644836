import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../config.js';

export const READ_BACK_SECRET_VARIABLE = 'READ_BACK_SECRET';
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
 *
 * With READ_BACK_SECRET shared by the family subgraph and the gateway, the gateway can tell the
 * read-back too: it is the family's own operation for that caller, so a caller held to trusted
 * documents (the portal in production) still gets the views that span agencies.
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

/**
 * The marker's key: READ_BACK_SECRET (at least 32 characters) where the family subgraph and the
 * gateway must agree on it, else a key of this process alone.
 */
export function readBackKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const secret = env[READ_BACK_SECRET_VARIABLE];
  if (secret === undefined || secret === '') return randomBytes(32);
  if (secret.length < 32) {
    throw new ConfigError(
      `${READ_BACK_SECRET_VARIABLE} must be at least 32 characters long; generate one with \`openssl rand -base64 32\`.`,
    );
  }
  return Buffer.from(secret, 'utf8');
}
