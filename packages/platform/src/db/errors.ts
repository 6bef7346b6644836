/**
 * What a failed database call means for the caller. drizzle wraps the driver's error (its
 * message carries the SQL text and parameters, which never leave the service), so the cause
 * chain is read for PostgreSQL's SQLSTATE or the socket's error code.
 */
export type DatabaseProblem =
  /** The server is down, restarting or refusing connections: the same request may work in a moment. */
  | { kind: 'unavailable' }
  /** A value of the request itself cannot be stored or compared (a NUL character, say). */
  | { kind: 'input'; reason: string };

// Class 08 (connection exception), 57P01-57P03 (shut down, crash, starting up), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
// ENOENT: the server's Unix socket is gone while it is down.
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ENOENT',
]);
// node-postgres reports a lost or unobtainable connection without a code.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end/;

const INPUT_SQLSTATE: Record<string, string> = {
  '22021': 'it contains a character that cannot be stored (such as the NUL character \\u0000)',
  '22P05': 'it contains a character that cannot be stored (such as the NUL character \\u0000)',
  '22P02': 'a value is not in the form the field needs',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
};

function* causes(error: unknown): Generator<object> {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    yield current;
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
}

export function databaseProblem(error: unknown): DatabaseProblem | undefined {
  for (const cause of causes(error)) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)) return { kind: 'unavailable' };
      const reason = INPUT_SQLSTATE[code];
      if (reason) return { kind: 'input', reason };
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return { kind: 'unavailable' };
    if (cause instanceof AggregateError && cause.errors.some((e) => databaseProblem(e)?.kind === 'unavailable')) {
      return { kind: 'unavailable' };
    }
  }
  return undefined;
}
