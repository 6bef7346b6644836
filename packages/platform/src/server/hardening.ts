import { randomUUID } from 'node:crypto';
import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

export const isProduction = (): boolean => process.env.NODE_ENV === 'production';

/** Largest GraphQL request body accepted; a board-pack query is a few kilobytes. */
export const BODY_LIMIT = '1mb';

/** Codes whose messages are written for the caller; anything else may leak internals. */
const EXPOSED_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.SUBGRAPH_UNAVAILABLE,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Production hardening shared by the gateway and the subgraphs: no introspection, no landing
 * page, and internal errors masked to an id the operators find in the log with the details.
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
  return {
    // Apollo Server's own SIGINT/SIGTERM handler stops the server and re-sends the signal, which
    // our one stop path (shutdown.ts) then ignores while its own second stop() waits forever: a
    // SIGTERMed service hung until its launcher SIGKILLed it. The process owns its signals.
    stopOnTerminationSignals: false,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
    formatError: (formatted, error) => {
      const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      if (!production || EXPOSED_CODES.has(code)) return formatted;
      const errorId = randomUUID();
      logger.error({ errorId, err: error, path: formatted.path }, 'internal error (masked in the response)');
      return {
        message: `Internal server error. Quote error id ${errorId} to the operators.`,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
      };
    },
  };
}

/** Body-parser failures (too large, malformed JSON) as GraphQL-shaped JSON instead of an HTML page. */
export const bodyErrorHandler: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  if (res.headersSent || !error.type) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  res.status(error.status ?? 400).json({
    errors: [
      {
        message: tooLarge
          ? `The request body is larger than the ${BODY_LIMIT} limit.`
          : 'The request body is not valid JSON.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
};
