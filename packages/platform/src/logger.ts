import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(service: string): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  return pino({ name: service, level });
}
