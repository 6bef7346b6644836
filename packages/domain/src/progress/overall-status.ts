export type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'AT_RISK' | 'DELAYED' | 'COMPLETED';
export type Acceptance = 'PENDING' | 'ACCEPTED' | 'DECLINED';

export interface PartyState {
  acceptance: Acceptance;
  contributionStatus: Status;
}

/**
 * The overall status of a shared action, derived from every party (README: "The derived-status
 * rule"). In order, the first that holds:
 * 1. unknown (null) when the responsible agency's status, or any party's part, cannot be read;
 * 2. COMPLETED when the responsible agency reports COMPLETED, no party is still PENDING, and every
 *    party that accepted has completed its contribution (a declined party is not waited for);
 * 3. DELAYED when the responsible agency or any accepting party reports DELAYED;
 * 4. AT_RISK when the responsible agency or any accepting party reports AT_RISK, when a party
 *    declined its role, or when the responsible agency is done but a party is not;
 * 5. NOT_STARTED when neither the responsible agency nor any accepting party has started;
 * 6. IN_PROGRESS otherwise.
 */
export function deriveOverallStatus(responsible: Status | null, parties: (PartyState | null)[]): Status | null {
  if (responsible === null || parties.some((p) => p === null)) return null;
  const known = parties as PartyState[];
  const accepted = known.filter((p) => p.acceptance === 'ACCEPTED').map((p) => p.contributionStatus);
  const pending = known.some((p) => p.acceptance === 'PENDING');
  const declined = known.some((p) => p.acceptance === 'DECLINED');
  const all = [responsible, ...accepted];
  if (responsible === 'COMPLETED' && !pending && accepted.every((s) => s === 'COMPLETED')) return 'COMPLETED';
  if (all.includes('DELAYED')) return 'DELAYED';
  if (all.includes('AT_RISK') || declined || responsible === 'COMPLETED') return 'AT_RISK';
  if (all.every((s) => s === 'NOT_STARTED')) return 'NOT_STARTED';
  return 'IN_PROGRESS';
}
