import type { CombinedError } from 'urql';
import type { AgencyCode } from '../gql/graphql';

/** Codes the portal has a message for; anything else reads as INTERNAL_SERVER_ERROR. */
export const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SUBGRAPH_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
] as const;
export type KnownCode = (typeof KNOWN_CODES)[number];

const AGENCY_CODES: readonly string[] = ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR'];

export function codeOf(extensions: Record<string, unknown> | undefined): KnownCode {
  const code = extensions?.code;
  return (KNOWN_CODES as readonly unknown[]).includes(code) ? (code as KnownCode) : 'INTERNAL_SERVER_ERROR';
}

/** The ministries whose subgraph did not answer: their part of the data is missing, not zero. */
export function unavailableAgencies(error: CombinedError | undefined): AgencyCode[] {
  if (!error) return [];
  const agencies = error.graphQLErrors
    .filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')
    .map((e) => String(e.extensions?.agency ?? ''))
    .filter((agency): agency is AgencyCode => AGENCY_CODES.includes(agency));
  return [...new Set(agencies)];
}

/**
 * The error to show in place of the page, if any: a network failure, or a GraphQL error other
 * than an outage (an outage leaves the rest of the answer usable and shows as a banner instead).
 */
export function blockingError(error: CombinedError | undefined): { code: KnownCode; message: string } | null {
  if (!error) return null;
  if (error.networkError) return { code: 'NETWORK', message: error.networkError.message };
  const other = error.graphQLErrors.find((e) => e.extensions?.code !== 'SUBGRAPH_UNAVAILABLE');
  return other ? { code: codeOf(other.extensions), message: other.message } : null;
}
