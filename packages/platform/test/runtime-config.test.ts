import { describe, expect, it } from 'vitest';
import { pinnedClock, systemClock } from '../src/clock.js';
import { ConfigError, refusePinnedClockInProduction, runtimeConfig } from '../src/config.js';
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
