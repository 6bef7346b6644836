import { GraphQLError } from 'graphql';
import { agencyByCode, type AgencyCode } from '../agencies.js';
import { ErrorCode } from '../errors.js';
import { hasRole, type Caller, type Role } from './caller.js';

/**
 * The authorisation rules, enforced in the subgraph that owns the data (the gateway cannot be
 * trusted to: a subgraph may be called directly). Each denial names the rule it applies.
 */
export function forbidden(rule: string): GraphQLError {
  return new GraphQLError(`Not allowed: ${rule}`, { extensions: { code: ErrorCode.FORBIDDEN, rule } });
}

/** Roles that may change an agency's own progress data. */
export const AGENCY_WRITER_ROLES: readonly Role[] = ['liaison', 'focal-point', 'agency-system'];

/** Writes to an agency's data: a writer role, and the caller's agency is the owner. */
export function assertCanWriteAgencyData(
  caller: Caller,
  owner: AgencyCode,
  roles: readonly Role[] = AGENCY_WRITER_ROLES,
): void {
  const ownerName = agencyByCode(owner).nameEn;
  if (!caller.agency) {
    throw forbidden(
      `your account carries no agency, so it cannot change any agency's data. Ask the realm administrators to set your agency.`,
    );
  }
  if (caller.agency !== owner) {
    const who = hasRole(caller, 'agency-system') ? `the agency system "${caller.clientId}" acts` : 'you act';
    throw forbidden(`${who} for the ${agencyByCode(caller.agency).nameEn}; only the ${ownerName} may change its data.`);
  }
  if (!hasRole(caller, ...roles)) {
    throw forbidden(`changing the data of the ${ownerName} needs one of the roles ${roles.join(', ')}.`);
  }
}

/** The plan, meetings and decisions belong to the family ministry's coordination secretariat. */
export function assertSecretariat(caller: Caller): void {
  if (!hasRole(caller, 'secretariat') || caller.agency !== 'FAMILY') {
    throw forbidden(
      'only the coordination secretariat (role secretariat, Ministry of Family and Social Services) may change the plan, meetings and decisions.',
    );
  }
}
