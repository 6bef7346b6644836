import { agencyByCode, ErrorCode, type AgencyCode } from '@cocuk-koruma/platform';
import { GraphQLError } from 'graphql';
import { gatewayUnreachable } from './graph-client.js';

/** Whose values a read-back is missing: one agency's, or (the gateway unreachable) everyone's. */
export type Missing = AgencyCode | 'GATEWAY';

/**
 * The error on a value the secretariat could not derive because another agency's subgraph could
 * not be read: it names that agency, never the family ministry that relays it, so a liaison
 * knows whom to call. `consequence` says what is missing, e.g. "the overall status of A1.H1.E2
 * cannot be derived without it".
 */
export function missingValue(missing: Missing, consequence: string): GraphQLError {
  if (missing === 'GATEWAY') return gatewayUnreachable(consequence);
  const agency = agencyByCode(missing);
  return new GraphQLError(`The ${agency.nameEn} service (${agency.slug} subgraph) could not be read; ${consequence}.`, {
    extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, agency: agency.code, serviceName: agency.slug },
  });
}
