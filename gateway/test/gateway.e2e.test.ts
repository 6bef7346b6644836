import net from 'node:net';
import { postGraphQL } from '@cocuk-koruma/testing/graphql';
import { startTestIssuer, type TestIssuer } from '@cocuk-koruma/testing/issuer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../src/gateway.js';

// A subgraph that accepts connections and never answers: the worst kind of outage.
let silent: net.Server;
let issuer: TestIssuer;
let gateway: Gateway;
let url: string;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  silent = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as net.AddressInfo).port;
  issuer = await startTestIssuer();
  gateway = await createGateway({
    subgraphUrls: { justice: `http://127.0.0.1:${port}/graphql` },
    subgraphTimeoutMs: 300,
    auth: issuer.authConfig,
  });
  url = (await gateway.listen(0)).url;
});

afterAll(async () => {
  await gateway?.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await issuer?.close();
});

describe('the gateway', () => {
  it('gives up on a subgraph that does not answer in time and says which ministry is missing', async () => {
    const started = Date.now();
    const result = await postGraphQL(url, '{ justice { code } }', undefined, {
      authorization: `Bearer ${issuer.token({ username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] })}`,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'JUSTICE' });
    expect(result.errors?.[0]?.message).toBe(
      'The Ministry of Justice service (justice subgraph) did not answer in time; its data is missing from this response.',
    );
  });

  it('refuses a request without a token before planning anything', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ justice { code } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="cocuk-koruma"/);
  });
});
