import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentLogContext } from './log-context.js';

export type { Logger };

/**
 * Where a token or a session could appear in something logged: request and response headers,
 * a caller (which holds the raw bearer token it was read from), any `token` field. pino replaces
 * them before the line is written, whatever the call site logged.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'token',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * The trace and span the line was written in (when tracing is on: see telemetry/), under
 * OpenTelemetry's field names so that a log backend links the line to its trace, and the client
 * of the request being answered.
 */
function correlation(): Record<string, string> {
  const fields: Record<string, string> = {};
  const span = trace.getActiveSpan()?.spanContext();
  if (span && isSpanContextValid(span)) {
    fields.trace_id = span.traceId;
    fields.span_id = span.spanId;
  }
  const context = currentLogContext();
  if (context) fields.clientId = context.clientId;
  return fields;
}

export interface LoggerOptions {
  /** Where lines go; stdout by default. */
  destination?: DestinationStream;
  /** Else LOG_LEVEL, else info (silent under vitest). */
  level?: string;
}

export function createLogger(service: string, { destination, level }: LoggerOptions = {}): Logger {
  const options = {
    name: service,
    level: level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    mixin: correlation,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
