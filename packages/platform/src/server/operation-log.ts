import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Caller } from '../auth/caller.js';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { ANONYMOUS_OPERATION, NO_OPERATION, type ServiceMetrics } from '../metrics/registry.js';

/** Codes that say the caller asked for something wrong or not allowed: the service itself is fine. */
const CALLER_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

const callerOf = (context: BaseContext): Caller | undefined => (context as { caller?: Caller }).caller;

/**
 * One log line and one set of metrics per GraphQL operation, at the gateway and in every subgraph:
 * the operation's name and type, how long it took, its answer's status and error codes, and the
 * client that sent it (with tracing on, the line carries the trace id too). Info when it went well
 * or was the caller's mistake, warn when the service or one it depends on failed. The operation's
 * variables and answer are never logged: they are the agencies' data.
 */
export function operationObservability<C extends BaseContext>(
  logger: Logger,
  metrics: ServiceMetrics,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operation, operationName, request, contextValue }) {
          const ms = performance.now() - started;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)))];
          // The name of the operation that ran; before one was resolved, only the name the request claimed.
          const name = operation ? (operationName ?? ANONYMOUS_OPERATION) : NO_OPERATION;
          metrics.operation(name, operation?.operation ?? 'none', ms / 1000, codes);
          const failed = codes.some((c) => !CALLER_CODES.has(c));
          logger[failed ? 'warn' : 'info'](
            {
              operation: operation ? name : (request.operationName?.slice(0, 100) ?? null),
              type: operation?.operation ?? null,
              durationMs: Math.round(ms * 10) / 10,
              status: response.http.status ?? 200,
              errors: codes,
              clientId: callerOf(contextValue)?.clientId ?? null,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
