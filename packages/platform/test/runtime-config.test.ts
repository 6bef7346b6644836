import { describe, expect, it } from 'vitest';
import { pinnedClock, systemClock } from '../src/clock.js';
import {
  ConfigError,
  refusePinnedClockInProduction,
  runtimeConfig,
  smallNumberThreshold,
  timeouts,
} from '../src/config.js';
import { createSubgraphServer, type SubgraphDefinition, type CallerContext } from '../src/server/subgraph-server.js';

describe('the runtime a subgraph is started with', () => {
  it('follows the calendar and the local gateway unless TODAY or GATEWAY_URL say otherwise', () => {
    const plain = runtimeConfig({});
    expect(plain.clock).toBe(systemClock);
    expect(plain.gatewayUrl).toBe('http://127.0.0.1:4000/graphql');
    expect(runtimeConfig({ GATEWAY_PORT: '4900' }).gatewayUrl).toBe('http://127.0.0.1:4900/graphql');

    const pinned = runtimeConfig({ TODAY: '2020-06-30', GATEWAY_URL: 'http://gateway:4000/graphql' });
    expect(pinned.clock.today()).toBe('2020-06-30');
    expect(pinned.clock.pinned).toBe(true);
    expect(pinned.gatewayUrl).toBe('http://gateway:4000/graphql');
  });

  it('orders every timeout from SUBGRAPH_TIMEOUT_MS: the inner read-back gives up before the call that waits for it', () => {
    expect(timeouts({})).toEqual({ subgraphMs: 10_000, readBackBudgetMs: 5_000, readBackMs: 6_000 });
    for (const value of ['100', '1500', '10000', '60000']) {
      const t = timeouts({ SUBGRAPH_TIMEOUT_MS: value });
      expect(t.subgraphMs).toBe(Number(value));
      expect(t.readBackBudgetMs).toBeLessThan(t.readBackMs);
      expect(t.readBackMs).toBeLessThan(t.subgraphMs);
    }
    expect(runtimeConfig({ SUBGRAPH_TIMEOUT_MS: '2000' }).timeouts.readBackMs).toBe(1200);
    expect(() => timeouts({ SUBGRAPH_TIMEOUT_MS: 'soon' })).toThrow(
      new ConfigError('SUBGRAPH_TIMEOUT_MS="soon" must be a whole number of milliseconds, at least 100.'),
    );
  });

  it('reads the small-number threshold from SMALL_NUMBER_THRESHOLD, 5 by default, and refuses a malformed one', () => {
    expect(runtimeConfig({}).smallNumberThreshold).toBe(5);
    expect(runtimeConfig({ SMALL_NUMBER_THRESHOLD: '10' }).smallNumberThreshold).toBe(10);
    expect(() => smallNumberThreshold({ SMALL_NUMBER_THRESHOLD: 'five' })).toThrow(
      new ConfigError('SMALL_NUMBER_THRESHOLD must be a whole number of 1 or more, not "five".'),
    );
    expect(() => smallNumberThreshold({ SMALL_NUMBER_THRESHOLD: '0' })).toThrow(ConfigError);
  });

  it('refuses a malformed TODAY as a configuration error', () => {
    expect(() => runtimeConfig({ TODAY: '30.06.2020' })).toThrow(
      new ConfigError('TODAY must be a date such as 2026-06-30, not "30.06.2020".'),
    );
  });

  it('refuses a pinned clock in production, from TODAY or given to the server', async () => {
    expect(() => runtimeConfig({ NODE_ENV: 'production', TODAY: '2020-06-30' })).toThrow(ConfigError);
    expect(() => runtimeConfig({ NODE_ENV: 'production', TODAY: '2020-06-30' })).toThrow(
      /pinned to 2020-06-30 \(TODAY\).*unset TODAY when NODE_ENV=production/,
    );
    expect(runtimeConfig({ NODE_ENV: 'production' }).clock).toBe(systemClock);
    expect(() => refusePinnedClockInProduction(systemClock, { NODE_ENV: 'production' })).not.toThrow();
    expect(() => refusePinnedClockInProduction(pinnedClock('2020-06-30'), { NODE_ENV: 'test' })).not.toThrow();

    // Refused before anything is opened: this definition has neither a database nor a schema.
    const definition = { agency: { slug: 'justice' } } as unknown as SubgraphDefinition<
      Record<string, unknown>,
      CallerContext
    >;
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(
        createSubgraphServer(
          definition,
          { variable: 'JUSTICE_DATABASE_URL' },
          { keycloakUrl: 'http://127.0.0.1:9', realm: 'r', audience: 'a', minTimeBetweenJwksRequests: 1 },
          { clock: pinnedClock('2020-06-30') },
        ),
      ).rejects.toBeInstanceOf(ConfigError);
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  });
});
