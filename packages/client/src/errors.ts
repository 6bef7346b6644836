/** One error of a GraphQL answer, as the graph sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

/** Base class of everything this client throws, so a caller can catch them all at once. */
export class CocukKorumaClientError extends Error {
  override name = 'CocukKorumaClientError';
}

/** The realm did not hand out a token: a wrong secret, a disabled client, the endpoint down. */
export class TokenRequestError extends CocukKorumaClientError {
  override name = 'TokenRequestError';
  /** The token endpoint's HTTP status; undefined when it could not be reached. */
  readonly status: number | undefined;
  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = options.status;
  }
}

/**
 * The graph answered with errors and no usable result: refused (UNAUTHENTICATED, FORBIDDEN,
 * BAD_USER_INPUT, CONFLICT, NOT_FOUND, PERSISTED_QUERY_NOT_FOUND, …) or unavailable after the last
 * retry. `code` is the first error's `extensions.code`, the stable value to branch on.
 */
export class GraphQLRequestError extends CocukKorumaClientError {
  override name = 'GraphQLRequestError';
  readonly code: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  readonly errors: readonly GraphQLErrorEntry[];
  constructor(status: number, errors: readonly GraphQLErrorEntry[]) {
    const first = errors[0];
    super(first?.message ?? `The graph answered HTTP ${status} without a result.`);
    this.status = status;
    this.errors = errors;
    this.code = first?.extensions?.code ?? (status >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_REQUEST');
  }

  /** Whether any of the errors carries `code`. */
  has(code: string): boolean {
    return this.errors.some((e) => e.extensions?.code === code);
  }
}

/** The graph could not be reached at all (refused, reset, timed out), after the last retry. */
export class NetworkError extends CocukKorumaClientError {
  override name = 'NetworkError';
}
