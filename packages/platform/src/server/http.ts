import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Listens on `port` (0 picks a free one) and closes keep-alive sockets on shutdown. */
export function listen(app: Express, port: number, host: string, path: string): Promise<Listening> {
  const server = http.createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        port: actual,
        url: `http://${host}:${actual}${path}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
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
