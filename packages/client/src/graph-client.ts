import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pRetry from 'p-retry';
import { GraphQLRequestError, NetworkError, type GraphQLErrorEntry } from './errors.js';
import type { TokenSource } from './token.js';

/** Statuses of a gateway or proxy that did not get to the graph's answer: the same request may succeed. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);
/** What the graph says when a write with this key was run once already and this is its first answer. */
const REPLAYED_HEADER = 'idempotent-replayed';
const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface RetryOptions {
  /** Retries after the first attempt (so `retries + 1` attempts in all). */
  retries?: number;
  /** The first wait, doubled at each retry, up to `maxDelayMs`, each drawn between 1× and 2× (jitter). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://graph.example.gov.tr/graphql`. */
  url: string;
  tokens: TokenSource;
  retry?: RetryOptions;
  /** Each attempt gives up after this long (then counts as a network error and is retried). */
  timeoutMs?: number;
  /**
   * `text` (the default) sends each operation's text; `hash` sends only its SHA-256 from the
   * package's manifest, for an agency whose system the gateway holds to that manifest.
   */
  documents?: 'text' | 'hash';
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /**
   * The key of one logical write, sent as `Idempotency-Key` with every attempt: the graph runs the
   * write once and answers a retry with the first answer. A mutation gets a fresh key when none is given.
   */
  idempotencyKey?: string;
}

export interface GraphResult<TData> {
  data: TData;
  /** Errors on parts of the answer (a ministry that could not be read); the rest of `data` stands. */
  errors: readonly GraphQLErrorEntry[];
  /** True when the graph answered a retried write with its first answer and wrote nothing again. */
  replayed: boolean;
  /** The key the write was sent with; undefined for a query. */
  idempotencyKey: string | undefined;
  /** How many attempts it took. */
  attempts: number;
}

interface DocumentMeta {
  __meta__?: { hash?: string };
}

function isMutation(document: TypedDocumentNode<unknown, never>): boolean {
  return document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
}

/** The graph's answer body, or null when it is not a GraphQL answer. */
function graphqlBody(text: string): { data?: unknown; errors?: GraphQLErrorEntry[] } | null {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

/**
 * The coordination graph as an agency system calls it: typed documents, a bearer token from the
 * token source on every attempt, and retries only where a retry cannot do harm. A network error or
 * a 502/503/504 is retried with exponential backoff and jitter, a write under the same
 * Idempotency-Key each time so it is written at most once; a 4xx or an answer with GraphQL errors
 * and no data (a refusal, invalid input) is the caller's to fix and is thrown at once as a
 * GraphQLRequestError with its `extensions.code`. A 401 renews the token once.
 */
export class GraphClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: GraphClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  async request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: RequestOptions = {},
  ): Promise<GraphResult<TData>> {
    const mutation = isMutation(document as TypedDocumentNode<unknown, never>);
    const idempotencyKey = mutation ? (options.idempotencyKey ?? randomUUID()) : undefined;
    const body = this.body(document, variables);
    const retry = this.options.retry ?? {};
    let attempts = 0;
    let renewedToken = false;
    const attempt = async (): Promise<GraphResult<TData>> => {
      attempts += 1;
      const token = await this.options.tokens.getToken();
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      };
      if (idempotencyKey) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
      let response: Response;
      let text: string;
      try {
        response = await this.fetchImpl(this.options.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        text = await response.text();
      } catch (error) {
        throw new NetworkError(`The graph at ${this.options.url} could not be reached.`, { cause: error });
      }
      const answer = graphqlBody(text);
      if (TRANSIENT_STATUSES.has(response.status)) {
        throw new GraphQLRequestError(response.status, answer?.errors ?? []);
      }
      if (response.status === 401 && !renewedToken) {
        // A token revoked or expired early: one renewal, then the refusal stands.
        renewedToken = true;
        this.options.tokens.invalidate();
        throw new GraphQLRequestError(401, answer?.errors ?? []);
      }
      const errors = answer?.errors ?? [];
      const data = answer?.data;
      if (!response.ok || data === undefined || data === null || !answer) {
        throw new GraphQLRequestError(response.status, errors);
      }
      return {
        data: data as TData,
        errors,
        replayed: response.headers.get(REPLAYED_HEADER) === 'true',
        idempotencyKey,
        attempts,
      };
    };
    return pRetry(attempt, {
      retries: retry.retries ?? 4,
      factor: 2,
      minTimeout: retry.minDelayMs ?? 250,
      maxTimeout: retry.maxDelayMs ?? 8_000,
      randomize: true,
      // Only where the write cannot have been refused: a 4xx or GraphQL errors are the caller's to fix.
      shouldRetry: ({ error }) =>
        error instanceof NetworkError ||
        (error instanceof GraphQLRequestError &&
          (TRANSIENT_STATUSES.has(error.status) || (error.status === 401 && attempts === 1 && renewedToken))),
    });
  }

  private body(document: TypedDocumentNode<unknown, never>, variables: Record<string, unknown>): string {
    if (this.options.documents === 'hash') {
      const hash = (document as DocumentMeta).__meta__?.hash;
      if (!hash) throw new Error('This document has no hash in the manifest; send it as text.');
      return JSON.stringify({ documentId: hash, variables });
    }
    return JSON.stringify({ query: print(document), variables });
  }
}
