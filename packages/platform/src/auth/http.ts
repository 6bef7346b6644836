import type { RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors.js';
import { runWithLogContext } from '../log-context.js';
import type { Caller } from './caller.js';
import { AuthenticationError, type TokenVerifier } from './verifier.js';

function refuse(res: Response, realm: string, reason: string): void {
  // 401, not keycloak-connect's 403: the caller is unknown, not forbidden.
  res
    .status(401)
    .set('WWW-Authenticate', `Bearer realm="${realm}", error="invalid_token", error_description="${reason}"`)
    .json({
      errors: [
        {
          message: `Sign-in required: ${reason}. Send an access token of the ${realm} realm as "Authorization: Bearer <token>".`,
          extensions: { code: ErrorCode.UNAUTHENTICATED, reason },
        },
      ],
    });
}

/** Express middleware: a valid bearer token or 401. The caller lands in `res.locals.caller`. */
export function requireBearerToken(verifier: TokenVerifier, realm: string): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+([^\s]+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return refuse(res, realm, 'no bearer token');
    try {
      const caller = await verifier.verify(match[1]);
      res.locals.caller = caller;
      // Everything logged while this request is answered names the client that sent it.
      runWithLogContext({ clientId: caller.clientId }, next);
    } catch (error) {
      if (error instanceof AuthenticationError) return refuse(res, realm, error.message);
      next(error);
    }
  };
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}
