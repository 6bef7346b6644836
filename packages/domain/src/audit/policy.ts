import { GraphQLError } from 'graphql';
import { agencyByCode, type AgencyCode, hasRole, type Caller, ErrorCode } from '@cocuk-koruma/platform';

/** Who may read an agency's audit log: auditors of any agency, and focal points of the owning agency. */
export function canReadAudit(caller: Caller, ownerAgency: AgencyCode): boolean {
  if (hasRole(caller, 'auditor')) return true;
  return hasRole(caller, 'focal-point') && caller.agency === ownerAgency;
}

/** Throws FORBIDDEN, naming the rule, unless `caller` may read `ownerAgency`'s audit log. */
export function assertCanReadAudit(caller: Caller, ownerAgency: AgencyCode): void {
  if (canReadAudit(caller, ownerAgency)) return;
  const owner = agencyByCode(ownerAgency);
  throw new GraphQLError(`Only auditors, or focal points of the ${owner.nameEn}, may read its audit log.`, {
    extensions: { code: ErrorCode.FORBIDDEN, ownerAgency },
  });
}
