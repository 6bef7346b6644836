import { randomUUID } from 'node:crypto';
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { ErrorRequestHandler } from 'express';
import { databaseProblem } from '../db/errors.js';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { BODY_LIMIT } from './limits.js';

export const isProduction = (): boolean => process.env.NODE_ENV === 'production';

/**
 * SHOW_ERROR_DETAILS=true, outside production only: error responses keep their stack traces and
 * the messages of internal errors, for a developer at their own machine. Otherwise those go to
 * the log only, under the error id the response quotes.
 */
export const showsErrorDetails = (): boolean => process.env.SHOW_ERROR_DETAILS === 'true' && !isProduction();

/** Codes whose messages are written for the caller; anything else may leak internals. */
const EXPOSED_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.SUBGRAPH_UNAVAILABLE,
  ErrorCode.DATABASE_UNAVAILABLE,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The HTTP status of a response whose errors are all the caller's own doing, by code. */
const CLIENT_STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
};

const codeOf = (error: GraphQLFormattedError): string => String(error.extensions?.code ?? '');

/**
 * A document without the operation the request names (several operations and no operationName,
 * or an unknown one) is the caller's mistake. graphql-js reports it at execution, but the gateway
 * throws it from its query planner, which Apollo answers with a 500.
 */
function operationResolution<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, request, document }) {
          if (operation) return;
          const named = request.operationName ?? operationName;
          const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
          throw new GraphQLError(
            named
              ? `The document has no operation named "${named}".`
              : operations > 1
                ? 'The document holds several operations: name the one to run in operationName.'
                : 'The document holds no operation to run.',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        },
      };
    },
  };
}

/**
 * The status follows the errors: a database that is down is a 503 the caller may retry (the
 * gateway then names the agency whose service failed), and a response that Apollo would send as
 * a 500 although every error is the caller's own (thrown in a plugin hook, say) is a 4xx.
 */
function statusFromErrors<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.length === 0) return;
          if (errors.some((e) => codeOf(e) === ErrorCode.DATABASE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
            return;
          }
          const statuses = errors.map((e) => CLIENT_STATUS[codeOf(e)]);
          if ((response.http.status ?? 200) >= 500 && statuses.every((s) => s !== undefined)) {
            response.http.status = Math.max(...statuses);
          }
        },
      };
    },
  };
}

/**
 * Hardening shared by the gateway and the subgraphs: no introspection and no landing page in
 * production, and, in every mode unless SHOW_ERROR_DETAILS is set, no stack trace, SQL text or
 * internal URL in a response: an internal error is logged with an id, and the caller gets the id.
 */
export function hardenedServerOptions<C extends BaseContext>(
  logger: Logger,
): Pick<
  ApolloServerOptions<C>,
  'introspection' | 'formatError' | 'includeStacktraceInErrorResponses' | 'stopOnTerminationSignals'
> & {
  plugins: NonNullable<ApolloServerOptions<C>['plugins']>;
} {
  const production = isProduction();
  const details = showsErrorDetails();
  return {
    // Apollo Server's own SIGINT/SIGTERM handler stops the server and re-sends the signal, which
    // our one stop path (shutdown.ts) then ignores while its own second stop() waits forever: a
    // SIGTERMed service hung until its launcher SIGKILLed it. The process owns its signals.
    stopOnTerminationSignals: false,
    introspection: !production,
    includeStacktraceInErrorResponses: details,
    plugins: [
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      operationResolution<C>(),
      statusFromErrors<C>(),
    ],
    formatError: (formatted, error) => {
      const code = codeOf(formatted) || ErrorCode.INTERNAL_SERVER_ERROR;
      // Our scalar refusing a literal (a date that does not exist) says why as BAD_USER_INPUT, which
      // graphql-js's validation wraps as GRAPHQL_VALIDATION_FAILED: the value is wrong, not the query.
      const cause = error instanceof GraphQLError ? error.originalError : undefined;
      if (code === 'GRAPHQL_VALIDATION_FAILED' && cause instanceof GraphQLError && cause.extensions.scalar) {
        return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
      }
      if (EXPOSED_CODES.has(code)) return formatted;
      // Apollo's own refusals of a request (a persisted query whose hash does not match) carry a
      // 4xx status but no code: they are the caller's mistake, said in Apollo's words.
      const http =
        error instanceof GraphQLError ? (error.extensions.http as { status?: unknown } | undefined) : undefined;
      if (typeof http?.status === 'number' && http.status >= 400 && http.status < 500) {
        return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
      }
      const errorId = randomUUID();
      const problem = databaseProblem(error);
      if (problem?.kind === 'input') {
        return {
          message: `The request cannot be processed: ${problem.reason}. Correct it and send it again.`,
          path: formatted.path,
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        };
      }
      if (problem?.kind === 'unavailable') {
        logger.warn({ errorId, err: error, path: formatted.path }, 'database unavailable');
        return {
          message: `The service's database is not answering right now. Try again in a minute; if it goes on, quote error id ${errorId} to the operators.`,
          path: formatted.path,
          extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, errorId },
        };
      }
      logger.error({ errorId, err: error, path: formatted.path }, 'internal error (masked in the response)');
      if (details) return { ...formatted, extensions: { ...formatted.extensions, errorId } };
      return {
        message: `Internal server error. Quote error id ${errorId} to the operators.`,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
      };
    },
  };
}

const BODY_REFUSALS: Record<string, { status: number; message: string }> = {
  'entity.too.large': { status: 413, message: `The request body is larger than the ${BODY_LIMIT} limit.` },
  'entity.parse.failed': { status: 400, message: 'The request body is not valid JSON.' },
  'encoding.unsupported': {
    status: 415,
    message: 'The request body’s content-encoding is not supported; send it plain, gzip or deflate.',
  },
  'charset.unsupported': { status: 415, message: 'The request body’s charset is not supported; send UTF-8.' },
};

/**
 * Errors of the HTTP layer (the body parser's, or any that escaped a route) as GraphQL-shaped
 * JSON, never Express's HTML page with its stack trace. A 4xx is the request's fault and says
 * why; anything else is logged with an id.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: unknown; type?: unknown }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' ? error.status : 500;
    const known = typeof error.type === 'string' ? BODY_REFUSALS[error.type] : undefined;
    if (known || (status >= 400 && status < 500)) {
      res.status(known?.status ?? status).json({
        errors: [
          {
            // A gzip or deflate body that does not inflate, or one cut short, lands here.
            message: known?.message ?? 'The request body could not be read: check its encoding and length.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    const errorId = randomUUID();
    logger.error({ errorId, err: error }, 'HTTP request failed');
    res.status(500).json({
      errors: [
        {
          message: `Internal server error. Quote error id ${errorId} to the operators.`,
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
        },
      ],
    });
  };
}
