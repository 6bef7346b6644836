import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * How long a stop waits for requests already being answered before it cuts their connections:
 * with the database and Apollo still to close after it, a SIGTERMed service exits within 5 s.
 */
export const DRAIN_MS = 3000;

/** Stops accepting connections, lets the requests in flight finish (up to `drainMs`), then closes the rest. */
function drain(server: http.Server, drainMs: number): Promise<void> {
  return new Promise<void>((done) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      done();
    });
    // A keep-alive connection whose last response has gone is idle: it does not hold the stop.
    server.closeIdleConnections();
  });
}

/** Listens on `port` (0 picks a free one); closing drains the requests in flight first. */
export function listen(app: Express, port: number, host: string, path: string, drainMs = DRAIN_MS): Promise<Listening> {
  const server = http.createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        port: actual,
        url: `http://${host}:${actual}${path}`,
        close: () => drain(server, drainMs),
      });
    });
  });
}

/** The listeners one server opened, so that stopping it closes every one of them. */
export function listeners(app: Express, path: string) {
  const open: Listening[] = [];
  return {
    async listen(port: number, host = '127.0.0.1'): Promise<Listening> {
      const l = await listen(app, port, host, path);
      open.push(l);
      return l;
    },
    closeAll: async (): Promise<void> => {
      await Promise.all(open.map((l) => l.close()));
    },
  };
}
