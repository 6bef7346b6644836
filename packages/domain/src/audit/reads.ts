import type { AgencyCode, Caller, Database } from '@cocuk-koruma/platform';
import { appendAudit } from './chain.js';

/**
 * Logs that `caller` read this agency's data, when the caller belongs to another agency (a caller
 * without an agency counts as another agency). A subgraph calls it once per GraphQL request, so it
 * costs one short transaction with one insert, and nothing at all for the agency's own staff.
 *
 * `entityTypes` are the GraphQL types the request touched; they are stored sorted and de-duplicated,
 * comma-separated, in `entity_type`. Returns whether an entry was written.
 */
export async function recordCrossAgencyRead<S extends Record<string, unknown>>(
  db: Database<S>,
  caller: Caller,
  ownerAgency: AgencyCode,
  operation: string,
  entityTypes: readonly string[],
): Promise<boolean> {
  if (caller.agency === ownerAgency) return false;
  await appendAudit(db, {
    kind: 'READ',
    caller,
    operation,
    entityType: [...new Set(entityTypes)].sort().join(','),
    entityIds: [],
  });
  return true;
}
