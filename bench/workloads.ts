/**
 * The read workloads `npm run bench` and its soak send: what a liaison, a plan browser and a board
 * ask for. Each unit is the i-th request: the i-th token of the pool (so consecutive requests never
 * share a caller) and, where a workload has several variants, a variant that moves on once every
 * caller has had one (so no caller repeats the same request back to back).
 */
import { post, type Reply, type TokenPool } from './support.js';

export interface Operation {
  label: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface Outcome {
  ms: number;
  error?: string;
}

export interface Workload {
  name: string;
  /** What one unit is, and so what the latencies and the throughput count. */
  unit: 'request' | 'write cycle';
  /** The i-th unit through the gateway at `url`; undefined when the workload has no unit left. */
  run(url: string, i: number): Promise<Outcome | undefined>;
}

export class ReadWorkload implements Workload {
  readonly unit = 'request';

  constructor(
    readonly name: string,
    readonly operations: readonly Operation[],
    private readonly pool: TokenPool,
  ) {}

  operation(i: number): Operation {
    const callers = this.pool.tokens.length;
    return this.operations[Math.floor(i / callers) % this.operations.length] as Operation;
  }

  send(url: string, i: number): Promise<Reply> {
    const { query, variables } = this.operation(i);
    return post(url, this.pool.tokens[i % this.pool.tokens.length] as string, query, variables);
  }

  run(url: string, i: number): Promise<Outcome> {
    return this.send(url, i);
  }
}

const GOAL_PAGE = `query GoalPage { goal(code: "A1.H1") { code title actions {
  code title responsibleAgency status latestReport { period percentComplete } } } }`;

const ACTION_PAGE = `query ActionPage($first: Int!, $after: String, $filter: ActionFilter) {
  actionPage(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      code title responsibleAgency status latestReport { period percentComplete }
      parties { agency acceptance contributionStatus } overallStatus } } } }`;

const COUNTS = 'key label total notStarted inProgress atRisk delayed completed unavailable';
const PACK_ACTION = 'actionCode title responsibleAgency status dueDate originalDueDate daysOverdue escalated reason';
// As the portal's pack page asks: the 100 most overdue and the count (the downloads list every one).
const BOARD_PACK = `query BoardPack($meetingId: ID!) { boardPack(meetingId: $meetingId) {
  meetingId meetingTitle meetingDate bodyName basis generatedAt
  byArea { ${COUNTS} } byGoal { ${COUNTS} } byAgency { ${COUNTS} }
  overdue(first: 100) { ${PACK_ACTION} } overdueCount escalated(first: 100) { ${PACK_ACTION} } escalatedCount
  indicators { indicatorCode actionCode name unit baseline target direction latestPeriod latestValue source onTrack
    provincePlateCode provinceValue provincePeriod provinceSource provinceSuppressed }
  followUps { decisionId meetingId text ownerAgency dueDate status overdue } } }`;

export const goalPage = (pool: TokenPool) =>
  new ReadWorkload("a liaison's goal page", [{ label: 'A1.H1', query: GOAL_PAGE }], pool);

export const typename = (pool: TokenPool) =>
  new ReadWorkload('{ __typename }', [{ label: '__typename', query: '{ __typename }' }], pool);

async function ask(url: string, token: string, query: string, variables?: Record<string, unknown>) {
  const reply = await post(url, token, query, variables);
  if (reply.error || !reply.data) throw new Error(`bench setup: ${reply.error ?? 'no data'}\n${query}`);
  return reply.data;
}

const PAGE_FILTERS: { label: string; filter?: Record<string, unknown> }[] = [
  { label: 'all' },
  { label: 'justice', filter: { responsible: 'JUSTICE' } },
  { label: 'health', filter: { responsible: 'HEALTH' } },
  { label: 'in progress or delayed', filter: { status: ['IN_PROGRESS', 'DELAYED'] } },
  { label: 'overdue', filter: { overdue: true } },
  { label: 'area A2', filter: { areaCode: 'A2' } },
];

/**
 * Pages of 50 over a few filters, each filter's first page and, where there is one, its second
 * (after the first page's endCursor): on the plan's 33 actions every filter fits one page, on the
 * seeded 5,000 most have more.
 */
export async function actionPage(url: string, pool: TokenPool): Promise<ReadWorkload> {
  const operations: Operation[] = [];
  for (const { label, filter } of PAGE_FILTERS) {
    const variables = { first: 50, after: null, filter: filter ?? null };
    operations.push({ label: `${label}, page 1`, query: ACTION_PAGE, variables });
    const data = await ask(url, pool.tokens[0] as string, ACTION_PAGE, variables);
    const { pageInfo } = data.actionPage as { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    if (pageInfo.hasNextPage) {
      operations.push({
        label: `${label}, page 2`,
        query: ACTION_PAGE,
        variables: { ...variables, after: pageInfo.endCursor },
      });
    }
  }
  return new ReadWorkload('a page of 50 actions', operations, pool);
}

/** The central board's open meeting, scheduled here (as the secretariat) when it has none. */
async function openCentralMeeting(url: string, secretariatToken: string): Promise<string> {
  const data = await ask(url, secretariatToken, '{ meetings(bodyId: "central") { id number state } }');
  const meetings = data.meetings as { id: string; number: number | null; state: string }[];
  const open = meetings.find((m) => m.state === 'OPEN');
  if (open) return open.id;
  const number = Math.max(0, ...meetings.map((m) => m.number ?? 0)) + 1;
  const date = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const scheduled = await ask(
    url,
    secretariatToken,
    `mutation($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id } } }`,
    { input: { bodyId: 'central', date, number, title: `Benchmark meeting ${number} (example)` } },
  );
  return (scheduled.family as { scheduleMeeting: { id: string } }).scheduleMeeting.id;
}

/** The national (central) board's pack of an open meeting, so it is computed live, every section. */
export async function boardPack(url: string, pool: TokenPool, secretariatToken: string): Promise<ReadWorkload> {
  const meetingId = await openCentralMeeting(url, secretariatToken);
  return new ReadWorkload(
    'national board pack',
    [{ label: meetingId, query: BOARD_PACK, variables: { meetingId } }],
    pool,
  );
}
