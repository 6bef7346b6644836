import { describe, expect, it } from 'vitest';
import type { Caller } from '../src/auth/caller.js';
import { withVerifiedTokenCache } from '../src/auth/token-cache.js';
import { AuthenticationError, type ExpiringTokenVerifier } from '../src/auth/verifier.js';

const EXP = 1_000_300; // seconds since the epoch

/**
 * Stands in for the signature check, on the same clock as the cache: tokens named "bad…" are
 * refused, others are valid until EXP.
 */
function countingVerifier(clock: { ms: number }): ExpiringTokenVerifier & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async verify(rawToken) {
      calls.push(rawToken);
      if (rawToken.startsWith('bad'))
        throw new AuthenticationError('token signed with a key the realm does not publish');
      if (clock.ms >= EXP * 1000) throw new AuthenticationError('token expired');
      const caller: Caller = {
        subject: `sub-${rawToken}`,
        username: `user-${rawToken}`,
        agency: 'JUSTICE',
        roles: ['liaison'],
        clientId: 'portal',
        token: rawToken,
      };
      return { caller, expiresAt: EXP };
    },
  };
}

function setup() {
  const clock = { ms: (EXP - 300) * 1000 };
  const inner = countingVerifier(clock);
  return { clock, inner, verifier: withVerifiedTokenCache(inner, { now: () => clock.ms }) };
}

describe('verified-token cache', () => {
  it('checks a token once and answers again from memory', async () => {
    const { inner, verifier } = setup();
    expect((await verifier.verify('t1')).username).toBe('user-t1');
    expect((await verifier.verify('t1')).username).toBe('user-t1');
    expect(inner.calls).toEqual(['t1']);
  });

  it('refuses a remembered token once its exp has passed', async () => {
    const { clock, inner, verifier } = setup();
    await verifier.verify('t1');
    clock.ms = EXP * 1000;
    await expect(verifier.verify('t1')).rejects.toThrow('token expired');
    expect(inner.calls).toEqual(['t1', 't1']);
  });

  it('never remembers a refusal, and keeps callers apart', async () => {
    const { inner, verifier } = setup();
    await expect(verifier.verify('bad-1')).rejects.toThrow(AuthenticationError);
    await expect(verifier.verify('bad-1')).rejects.toThrow(AuthenticationError);
    expect((await verifier.verify('a')).subject).toBe('sub-a');
    expect((await verifier.verify('b')).subject).toBe('sub-b');
    expect((await verifier.verify('a')).subject).toBe('sub-a');
    expect(inner.calls).toEqual(['bad-1', 'bad-1', 'a', 'b']);
  });
});
