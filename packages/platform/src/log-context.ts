import { context, createContextKey } from '@opentelemetry/api';

/** What every log line written while a request is answered says about who asked. */
export interface LogContext {
  /** The token's `azp`: which client (portal, an agency system) sent the request. */
  clientId: string;
}

const LOG_CONTEXT = createContextKey('cocuk-koruma.log-context');

/**
 * Runs `fn`, and everything it starts, with `log` in every log line (see logger.ts). It rides on
 * OpenTelemetry's context, which carries the active span too: with tracing on, that is one
 * AsyncLocalStorage for both; off, the API's no-op context costs nothing, and only the lines that
 * are handed the caller (the request log, see server/operation-log.ts) name its client.
 */
export function runWithLogContext<T>(log: LogContext, fn: () => T): T {
  return context.with(context.active().setValue(LOG_CONTEXT, log), fn);
}

export function currentLogContext(): LogContext | undefined {
  return context.active().getValue(LOG_CONTEXT) as LogContext | undefined;
}
