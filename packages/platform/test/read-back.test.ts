import { describe, expect, it } from 'vitest';
import { readBackMarker } from '../src/auth/read-back.js';

describe('the read-back marker', () => {
  const marker = readBackMarker();

  it('is honoured for the token it was made for, while fresh', () => {
    const value = marker.sign('token-a', 1_000_000);
    expect(marker.verify(value, 'token-a', 1_030_000)).toBe(true);
  });

  it('is refused for another caller’s token, another process’s key, when stale, or malformed', () => {
    const value = marker.sign('token-a', 1_000_000);
    expect(marker.verify(value, 'token-b', 1_000_001)).toBe(false);
    expect(readBackMarker().verify(value, 'token-a', 1_000_001)).toBe(false);
    expect(marker.verify(value, 'token-a', 1_060_001)).toBe(false);
    expect(marker.verify(value, 'token-a', 999_999)).toBe(false);
    for (const bad of [undefined, '', 'x', '123', '123.', 'abc.def', `${value}x`]) {
      expect(marker.verify(bad, 'token-a', 1_000_001)).toBe(false);
    }
  });
});
