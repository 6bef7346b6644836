import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../src/auth/caller.js';
import { callerOf, requireBearerToken } from '../src/auth/http.js';
import { createLogger } from '../src/logger.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqdXN0aWNlLXN5c3RlbSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
const SESSION = 'session=5f2b8c1e-secret-cookie';

/** A logger writing into memory at every level, and the lines it wrote so far. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('test', { destination, level: 'debug' }), lines };
}

const caller: Caller = {
  subject: 'sub-1',
  username: 'service-account-justice-system',
  agency: 'JUSTICE',
  roles: ['agency-system'],
  clientId: 'justice-system',
  token: TOKEN,
};

describe('the log', () => {
  it('never holds a bearer token or a cookie, however a request is logged', async () => {
    const { logger, lines } = capturedLogger();
    const app = express();
    // The real middleware, with a verifier standing in for the signature check.
    app.use(requireBearerToken({ verify: async (raw) => ({ ...caller, token: raw }) }, 'cocuk-koruma'));
    app.get('/', (req, res) => {
      logger.info({ req: { method: req.method, url: req.url, headers: req.headers } }, 'request');
      logger.info({ headers: req.headers }, 'headers');
      logger.warn({ caller: callerOf(res) }, 'caller');
      logger.error(
        { err: Object.assign(new Error('refused'), { headers: { authorization: req.get('authorization') } }) },
        'error',
      );
      logger.debug({ authorization: req.get('authorization'), token: callerOf(res).token }, 'fields');
      res.json({ ok: true });
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { authorization: `Bearer ${TOKEN}`, cookie: SESSION },
      });
      expect(response.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }

    expect(lines).toHaveLength(5);
    const log = lines.join('\n');
    for (const secret of [TOKEN, TOKEN.split('.')[2] ?? TOKEN, SESSION]) expect(log).not.toContain(secret);
    // What is not secret is still there to read.
    const [request, , logged] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(request).toMatchObject({
      msg: 'request',
      req: { method: 'GET', url: '/', headers: { authorization: '[redacted]' } },
    });
    expect(logged).toMatchObject({ caller: { clientId: 'justice-system', token: '[redacted]' } });
  });
});
