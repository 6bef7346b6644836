/**
 * Writes the generated rows into the five agencies' databases, each agency only its own part, as
 * the subgraphs themselves store plan actions: the plan rows in the family database, each
 * responsible agency's commitments, reports and measurements in its own, each collaborating
 * agency's parts in its own.
 *
 * A bulk import, not a series of API writes: each batch (a table's rows in one database) appends
 * one WRITE audit entry through `audit_append`, in the batch's own transaction, so the chain still
 * verifies and says what was imported, by whom and how many rows.
 *
 * Idempotent by part (plan, progress, meetings of a database): a part whose generated rows are all
 * there is left as it is; a part with none is written in one transaction; a part holding another
 * number of generated rows (a run of another size) is refused, and nothing of it is written.
 */
import { appendAuditEntries, type AuditEntryInput } from '@cocuk-koruma/domain/audit/chain';
import type { AgencyCode, Caller, Database } from '@cocuk-koruma/platform';
import { plan } from '@cocuk-koruma/plan';
import { sql } from 'drizzle-orm';
import {
  GENERATED_PREFIX,
  GENERATED_SOURCE,
  generateParts,
  measurementPeriods,
  plateCodes,
  provinceValue,
  quarterEnd,
  quarterIndex,
  type GeneratedAction,
  type GeneratedIndicator,
  type GeneratedReport,
  type GeneratorOptions,
} from './generate.js';
import type { GeneratedMeeting } from './meetings.js';

type Db = Database<Record<string, unknown>>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** One row as JSON: jsonb columns take objects as they are, array columns take arrays. */
type Row = Record<string, unknown>;

/** Rows per statement: one jsonb parameter each, well under PostgreSQL's limits. */
const CHUNK = 20_000;
/** The quarter provinceValue counts from, so every run of every size gives a cell the same value. */
const MEASUREMENT_EPOCH = quarterIndex('2020-Q1');

export interface Progress {
  /** `rows` more rows written under `label`. */
  advance(label: string, rows: number): void;
  note(line: string): void;
}

export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

function seedCaller(agency: AgencyCode): Caller {
  return {
    subject: 'bench-seed',
    username: 'bench-seed',
    agency,
    roles: [],
    clientId: 'bench-seed',
    token: '',
  };
}

/**
 * `columns` are `name type` pairs as `jsonb_to_recordset` takes them; enum and date columns
 * convert from the JSON text as PostgreSQL's input functions do.
 */
async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: Iterable<Row>,
  onChunk: (rows: number) => void,
): Promise<number> {
  const names = columns.map((c) => c.split(' ')[0]).join(', ');
  const definition = columns.join(', ');
  let batch: Row[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await tx.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${sql.raw(definition)})`,
    );
    written += batch.length;
    onChunk(batch.length);
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= CHUNK) await flush();
  }
  await flush();
  return written;
}

async function generatedCount(tx: Tx, table: string, key: string): Promise<number> {
  const result = (await tx.execute(
    sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(key)} like ${`${GENERATED_PREFIX}%`}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}

export type PartOutcome = 'written' | 'present';

/**
 * One part of one database: skipped when its `expected` generated rows are there, refused when
 * another number is, else written with one audit entry per table, all in one transaction.
 */
async function writePart(
  db: Db,
  agency: AgencyCode,
  part: { name: string; table: string; key: string; expected: number },
  tables: { entityType: string; write: (tx: Tx) => Promise<number> }[],
): Promise<PartOutcome> {
  return db.transaction(async (tx) => {
    const found = await generatedCount(tx, part.table, part.key);
    if (found === part.expected) return 'present';
    if (found > 0) {
      throw new SeedRefusedError(
        `${agency.toLowerCase()}: ${part.table} already holds ${found} generated rows, not the ${part.expected} this run generates (a run of another size). Seed a fresh database (another DATA_DIR or <AGENCY>_DATABASE_URL), or run with the size used before.`,
      );
    }
    const entries: AuditEntryInput[] = [];
    for (const t of tables) {
      const rows = await t.write(tx);
      entries.push({
        kind: 'WRITE',
        caller: seedCaller(agency),
        operation: 'benchSeed',
        entityType: t.entityType,
        entityIds: [`${GENERATED_PREFIX}*`],
        detail: { bulkImport: true, rows, source: GENERATED_SOURCE, part: part.name },
      });
    }
    await appendAuditEntries(tx, entries);
    return 'written';
  });
}

/** The adopted plan's rows for the generated actions, in the family database. */
export function writePlan(
  db: Db,
  actions: readonly GeneratedAction[],
  indicators: readonly GeneratedIndicator[],
  progress: Progress,
): Promise<PartOutcome> {
  const advance = (rows: number) => progress.advance('family: plan', rows);
  return writePart(db, 'FAMILY', { name: 'plan', table: 'actions', key: 'code', expected: actions.length }, [
    {
      entityType: 'Action',
      write: (tx) =>
        insertRows(
          tx,
          'actions',
          [
            'code text',
            'goal_code text',
            'position int',
            'plan_version text',
            'title text',
            'title_en text',
            'responsible_agency agency_code',
            'start_date date',
            'due_date date',
            'source text',
          ],
          actions.map((a) => ({
            code: a.code,
            goal_code: a.goalCode,
            position: a.position,
            plan_version: plan.planVersion,
            title: a.title,
            title_en: a.titleEn,
            responsible_agency: a.responsible,
            start_date: a.startDate,
            due_date: a.dueDate,
            source: GENERATED_SOURCE,
          })),
          advance,
        ),
    },
    {
      entityType: 'ActionCollaborator',
      write: (tx) =>
        insertRows(
          tx,
          'action_collaborators',
          ['action_code text', 'institution_code text', 'position int'],
          actions.flatMap((a) =>
            a.collaborators.map((institution, position) => ({
              action_code: a.code,
              institution_code: institution,
              position,
            })),
          ),
          advance,
        ),
    },
    {
      entityType: 'Indicator',
      write: (tx) =>
        insertRows(
          tx,
          'indicators',
          [
            'code text',
            'action_code text',
            'position int',
            'name text',
            'name_en text',
            'unit text',
            'baseline double precision',
            'target double precision',
            'direction indicator_direction',
            'period_type period_type',
            'source text',
          ],
          indicators.map((g) => ({
            code: g.code,
            action_code: g.actionCode,
            position: 0,
            name: g.name,
            name_en: g.nameEn,
            unit: g.unit,
            baseline: g.baseline,
            target: g.target,
            direction: g.direction,
            period_type: 'QUARTER',
            source: GENERATED_SOURCE,
          })),
          advance,
        ),
    },
  ]);
}

/** Every province's count and the national total, for each indicator and quarter. */
function* measurementRows(indicators: readonly GeneratedIndicator[], options: GeneratorOptions): Generator<Row> {
  const plates = plateCodes(options.provinces);
  for (const g of indicators) {
    for (const period of measurementPeriods(options.measurementQuarters)) {
      const q = quarterIndex(period) - MEASUREMENT_EPOCH;
      const base = {
        action_code: g.actionCode,
        indicator_code: g.code,
        period,
        as_of: quarterEnd(period),
        source: GENERATED_SOURCE,
      };
      let total = 0;
      for (let p = 0; p < plates.length; p += 1) {
        const value = provinceValue(g, q, p + 1);
        total += value;
        yield { ...base, province_plate_code: plates[p] as string, value };
      }
      yield { ...base, province_plate_code: null, value: total };
    }
  }
}

export function measurementCount(indicators: number, options: GeneratorOptions): number {
  return indicators * options.measurementQuarters * (Math.min(81, options.provinces) + 1);
}

/** An agency's commitments, reports and measurements for the actions it is responsible for, and its parts in others'. */
export function writeProgress(
  db: Db,
  agency: AgencyCode,
  actions: readonly GeneratedAction[],
  indicators: readonly GeneratedIndicator[],
  reports: ReadonlyMap<string, readonly GeneratedReport[]>,
  options: GeneratorOptions,
  progress: Progress,
): Promise<PartOutcome> {
  const own = actions.filter((a) => a.responsible === agency);
  const ownIndicators = indicators.filter((g) => g.responsible === agency);
  const label = `${agency.toLowerCase()}: progress`;
  const advance = (rows: number) => progress.advance(label, rows);
  return writePart(db, agency, { name: 'progress', table: 'commitments', key: 'code', expected: own.length }, [
    {
      entityType: 'Commitment',
      write: (tx) =>
        insertRows(
          tx,
          'commitments',
          ['code text', 'plan_version text', 'title text', 'due_date date'],
          own.map((a) => ({ code: a.code, plan_version: plan.planVersion, title: a.title, due_date: a.dueDate })),
          advance,
        ),
    },
    {
      entityType: 'ProgressReport',
      write: (tx) =>
        insertRows(
          tx,
          'progress_reports',
          [
            'action_code text',
            'period text',
            'status action_status',
            'percent_complete int',
            'narrative text',
            'source text',
            'reported_at timestamptz',
            'reported_by text',
            'version int',
            'state report_state',
            'revision int',
            'submitted_by text',
            'submitted_at timestamptz',
            'reviewed_by text',
            'reviewed_at timestamptz',
            'review_comment text',
            'authors text[]',
          ],
          own.flatMap((a) =>
            (reports.get(a.code) ?? []).map((r) => ({
              action_code: r.actionCode,
              period: r.period,
              status: r.status,
              percent_complete: r.percentComplete,
              narrative: r.narrative,
              source: GENERATED_SOURCE,
              reported_at: r.reportedAt,
              reported_by: r.reportedBy,
              version: r.version,
              state: r.state,
              revision: r.revision,
              submitted_by: r.submittedBy,
              submitted_at: r.submittedAt,
              reviewed_by: r.reviewedBy,
              reviewed_at: r.reviewedAt,
              review_comment: r.reviewComment,
              // The four-eyes rule judges a reviewer against everyone who wrote or submitted.
              authors: [...new Set([r.reportedBy, r.submittedBy].filter((who) => who !== null))],
            })),
          ),
          advance,
        ),
    },
    {
      entityType: 'ActionPart',
      write: (tx) =>
        insertRows(
          tx,
          'action_parts',
          [
            'action_code text',
            'responsible_agency text',
            'acceptance part_acceptance',
            'reason text',
            'contribution_status action_status',
            'evidence text',
            'version int',
            'updated_by text',
          ],
          generateParts(actions, agency).map((p) => ({
            action_code: p.actionCode,
            responsible_agency: p.responsibleAgency,
            acceptance: p.acceptance,
            reason: p.reason,
            contribution_status: p.contributionStatus,
            evidence: p.evidence,
            version: p.version,
            updated_by: p.updatedBy,
          })),
          advance,
        ),
    },
    {
      entityType: 'IndicatorMeasurement',
      write: (tx) =>
        insertRows(
          tx,
          'indicator_measurements',
          [
            'action_code text',
            'indicator_code text',
            'period text',
            'as_of date',
            'province_plate_code text',
            'value double precision',
            'source text',
          ],
          measurementRows(ownIndicators, options),
          advance,
        ),
    },
  ]);
}

/** The closed meetings, their decisions, agendas and snapshots, in the family database. */
export function writeMeetings(db: Db, meetings: readonly GeneratedMeeting[], progress: Progress): Promise<PartOutcome> {
  const advance = (rows: number) => progress.advance('family: meetings', rows);
  const rows = <T extends object>(pick: (m: GeneratedMeeting) => T[]) =>
    meetings
      .flatMap(pick)
      .map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])),
      );
  return writePart(db, 'FAMILY', { name: 'meetings', table: 'meetings', key: 'id', expected: meetings.length }, [
    {
      entityType: 'Meeting',
      write: (tx) =>
        insertRows(
          tx,
          'meetings',
          [
            'id text',
            'body_id text',
            'body_confirmed boolean',
            'number int',
            'date date',
            'title text',
            'summary text',
            'decisions text[]',
            'source text',
            'state meeting_state',
            'minutes text',
            'closed_at timestamptz',
            'closed_by text',
            'version int',
          ],
          rows((m) => [m.meeting]),
          advance,
        ),
    },
    {
      entityType: 'Decision',
      write: (tx) =>
        insertRows(
          tx,
          'decisions',
          [
            'id text',
            'meeting_id text',
            'position int',
            'text text',
            'owner_agency agency_code',
            'due_date date',
            'status follow_up_status',
            'done_note text',
            'done_by text',
            'done_at timestamptz',
            'recorded_by text',
            'recorded_at timestamptz',
            'version int',
          ],
          rows((m) => m.decisions),
          advance,
        ),
    },
    {
      entityType: 'AgendaItem',
      write: (tx) =>
        insertRows(
          tx,
          'agenda_items',
          ['id text', 'meeting_id text', 'position int', 'kind agenda_item_kind', 'ref_code text', 'note text'],
          rows((m) => m.agendaItems),
          advance,
        ),
    },
    {
      entityType: 'MeetingSnapshot',
      write: (tx) =>
        insertRows(
          tx,
          'meeting_snapshots',
          ['meeting_id text', 'taken_at timestamptz', 'taken_by text', 'content jsonb'],
          rows((m) => [m.snapshot]),
          advance,
        ),
    },
  ]);
}
