/**
 * The write path as a ministry walks it: a liaison saves a progress report as a draft and submits
 * it, a focal point of the same agency approves it (the four-eyes rule forbids the liaison). One
 * unit is the whole cycle. Every cycle writes a report of its own (action, period), so no two
 * cycles touch the same row and none is refused for a stale version; writes are never shared
 * between callers by either gateway. When every free (action, period) has been used (a long soak
 * on the plan's 33 actions), a cycle corrects an approved report instead: correct, save, submit,
 * approve, the next revision of a report an earlier cycle approved.
 */
import { firstPlanQuarter } from '@cocuk-koruma/plan';
import { AGENCIES, quarterOf, systemClock, type AgencySlug } from '@cocuk-koruma/platform';
import { post, type TokenPool } from './support.js';
import type { Outcome, Workload } from './workloads.js';

export interface Slot {
  agency: AgencySlug;
  actionCode: string;
  period: string;
  /** Set once a cycle approved it: the approved report's version, which a correction names. */
  approvedVersion?: number;
}

/** Each agency's liaison writes and submits, its focal point approves. */
export const WRITERS = AGENCIES.flatMap((a) => [`${a.slug}.liaison`, `${a.slug}.focal`]);

/** Every quarter from the plan's first to the one before the current, oldest first. */
function quarters(): string[] {
  const last = quarterOf(systemClock.today());
  const result: string[] = [];
  for (let year = Number(firstPlanQuarter.slice(0, 4)); ; year += 1) {
    for (let q = 1; q <= 4; q += 1) {
      const period = `${year}-Q${q}`;
      if (period >= last) return result;
      if (period >= firstPlanQuarter) result.push(period);
    }
  }
}

const REPORTED = `query Reported($after: String, $filter: ActionFilter) {
  actionPage(first: 100, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor } edges { node { code progressReports { period } } } } }`;

/**
 * The (action, period) pairs without any report, drafts included (read as the agency's own
 * liaison, who sees them), alternating between agencies so consecutive cycles do too.
 */
export async function freeSlots(url: string, pool: TokenPool, limit = 20_000): Promise<Slot[]> {
  const periods = quarters();
  const byAgency: Slot[][] = [];
  for (const agency of AGENCIES) {
    const slots: Slot[] = [];
    let after: string | null = null;
    do {
      const reply = await post(url, pool.of(`${agency.slug}.liaison`), REPORTED, {
        after,
        filter: { responsible: agency.code },
      });
      if (reply.error || !reply.data) throw new Error(`bench setup: ${reply.error ?? 'no data'}`);
      const page = reply.data.actionPage as {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { code: string; progressReports: { period: string }[] | null } }[];
      };
      for (const { node } of page.edges) {
        const taken = new Set((node.progressReports ?? []).map((r) => r.period));
        for (const period of periods)
          if (!taken.has(period)) slots.push({ agency: agency.slug, actionCode: node.code, period });
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && slots.length < limit / AGENCIES.length);
    byAgency.push(slots);
  }
  const interleaved: Slot[] = [];
  for (let i = 0; interleaved.length < limit && byAgency.some((s) => i < s.length); i += 1) {
    for (const slots of byAgency) if (slots[i]) interleaved.push(slots[i] as Slot);
  }
  return interleaved.slice(0, limit);
}

const mutation = (agency: AgencySlug, field: string, input: string) =>
  `mutation($input: ${input}!) { ${agency} { ${field}(input: $input) { id version } } }`;

/** One mutation of the cycle; its report's id and version, or the error. */
async function write(
  url: string,
  token: string,
  agency: AgencySlug,
  field: string,
  input: string,
  variables: Record<string, unknown>,
): Promise<{ id: string; version: number } | { error: string }> {
  const reply = await post(url, token, mutation(agency, field, input), { input: variables });
  const result = (reply.data?.[agency] as Record<string, { id: string; version: number } | null> | undefined)?.[field];
  if (reply.error || !result) return { error: `${field}: ${reply.error ?? 'null'}` };
  return result;
}

/** Save (or correct and save), submit, approve; the approved version, or the first error. */
export async function cycle(url: string, pool: TokenPool, slot: Slot, n: number): Promise<Outcome> {
  const started = performance.now();
  const writer = pool.of(`${slot.agency}.liaison`);
  const reviewer = pool.of(`${slot.agency}.focal`);
  const { agency, actionCode, period } = slot;
  const done = (error?: string): Outcome => ({ ms: performance.now() - started, error });
  let expectedVersion: number | undefined;
  if (slot.approvedVersion !== undefined) {
    const opened = await write(url, writer, agency, 'correctProgressReport', 'CorrectionInput', {
      actionCode,
      period,
      expectedVersion: slot.approvedVersion,
    });
    if ('error' in opened) return done(opened.error);
    expectedVersion = opened.version;
  }
  const saved = await write(url, writer, agency, 'saveProgressReport', 'ProgressReportInput', {
    actionCode,
    period,
    status: 'IN_PROGRESS',
    percentComplete: n % 100,
    narrative: `Benchmark report ${n} (example)`,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });
  if ('error' in saved) return done(saved.error);
  const submitted = await write(url, writer, agency, 'submitProgressReport', 'ReportTransitionInput', {
    id: saved.id,
    expectedVersion: saved.version,
  });
  if ('error' in submitted) return done(submitted.error);
  const approved = await write(url, reviewer, agency, 'approveProgressReport', 'ReportTransitionInput', {
    id: submitted.id,
    expectedVersion: submitted.version,
  });
  if ('error' in approved) return done(approved.error);
  slot.approvedVersion = approved.version;
  return done();
}

/**
 * Write cycles over the slots it is given: `use` hands it a round's share of free slots (the
 * side-by-side rounds, which end when the share does), or `recycle` lets it go on to corrections
 * of the reports it approved once the free ones are used up (the soak).
 */
export class WriteWorkload implements Workload {
  readonly name = 'write path: save, submit, approve';
  readonly unit = 'write cycle';
  private slots: Slot[] = [];
  private readonly approved: Slot[] = [];
  private recycle = false;
  corrections = 0;

  constructor(private readonly pool: TokenPool) {}

  use(slots: Slot[], recycle = false): void {
    this.slots = slots;
    this.recycle = recycle;
  }

  async run(url: string, i: number): Promise<Outcome | undefined> {
    const slot = this.slots.shift() ?? (this.recycle ? this.approved.shift() : undefined);
    if (!slot) return undefined;
    if (slot.approvedVersion !== undefined) this.corrections += 1;
    const outcome = await cycle(url, this.pool, slot, i);
    if (!outcome.error) this.approved.push(slot);
    return outcome;
  }
}
