/**
 * Closed coordination meetings over the generated actions, each with the snapshot the board pack
 * of a closed meeting is read from (the shape `closeMeeting` freezes, format 1). The snapshot
 * counts the generated actions only: the generator does not read the adopted plan's progress.
 */
import { AGENCIES, type AgencyCode } from '@cocuk-koruma/platform/agencies';
import { plan } from '@cocuk-koruma/plan';
import { countRow } from '../../subgraphs/family/src/board-pack.js';
import {
  GENERATED_PREFIX,
  GENERATED_SOURCE,
  provinceValue,
  quarterIndex,
  randomSeries,
  type GeneratedAction,
  type GeneratedIndicator,
  type GeneratedReport,
} from './generate.js';

type Status = GeneratedReport['status'];

export interface GeneratedMeeting {
  meeting: {
    id: string;
    bodyId: string;
    bodyConfirmed: boolean;
    number: number | null;
    date: string;
    title: string;
    summary: string;
    decisions: string[];
    source: string;
    state: 'CLOSED';
    minutes: string;
    closedAt: string;
    closedBy: string;
    version: number;
  };
  decisions: {
    id: string;
    meetingId: string;
    position: number;
    text: string;
    ownerAgency: AgencyCode;
    dueDate: string;
    status: 'OPEN' | 'DONE';
    doneNote: string | null;
    doneBy: string | null;
    doneAt: string | null;
    recordedBy: string;
    recordedAt: string;
    version: number;
  }[];
  agendaItems: {
    id: string;
    meetingId: string;
    position: number;
    kind: 'GOAL' | 'ACTION' | 'INDICATOR';
    refCode: string;
    note: string;
  }[];
  snapshot: { meetingId: string; takenAt: string; takenBy: string; content: unknown };
}

const SECRETARIAT = 'family.secretariat';
const LISTED = 25;

function groupCounts(
  actions: readonly GeneratedAction[],
  statusOf: (a: GeneratedAction) => Status,
  groups: readonly (readonly [string, string])[],
  keyOf: (a: GeneratedAction) => string,
) {
  return groups.map(([code, label]) => countRow(code, label, actions.filter((a) => keyOf(a) === code).map(statusOf)));
}

/** The approved report in force for each action at a quarter: the newest period, then revision. */
function statusesAt(reports: ReadonlyMap<string, readonly GeneratedReport[]>, quarter: number) {
  return (action: GeneratedAction): Status => {
    let best: GeneratedReport | undefined;
    for (const r of reports.get(action.code) ?? []) {
      if (r.state !== 'APPROVED' || quarterIndex(r.period) > quarter) continue;
      if (!best || r.period > best.period || (r.period === best.period && r.revision > best.revision)) best = r;
    }
    return best?.status ?? 'NOT_STARTED';
  };
}

const daysBetween = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function generateMeetings(
  count: number,
  actions: readonly GeneratedAction[],
  indicators: readonly GeneratedIndicator[],
  reports: ReadonlyMap<string, readonly GeneratedReport[]>,
  provinces: number,
): GeneratedMeeting[] {
  const random = randomSeries(20);
  const earlier: GeneratedMeeting['decisions'] = [];
  return Array.from({ length: count }, (_, i) => {
    // Every fourth meeting is the Central Coordination's, the others provincial boards'.
    const central = i % 4 === 0;
    const plate = String(1 + ((i * 17) % 81)).padStart(2, '0');
    const bodyId = central ? 'central' : `provincial-${plate}`;
    const id = `${GENERATED_PREFIX}meeting-${String(i + 1).padStart(2, '0')}`;
    // Quarterly from 2021, so the later meetings see the generated reports.
    const quarter = quarterIndex('2021-Q1') + i;
    const year = Math.floor(quarter / 4);
    const month = (quarter % 4) * 3 + 2;
    const date = `${year}-${String(month).padStart(2, '0')}-15`;
    const closedAt = `${date}T16:00:00.000Z`;
    const statusOf = statusesAt(reports, quarter);
    const title = `Örnek (üretilmiş) toplantı ${i + 1} (generated example meeting)`;

    const decisions: GeneratedMeeting['decisions'] = [1, 2].map((position) => {
      const owner = AGENCIES[Math.floor(random() * AGENCIES.length)]?.code as AgencyCode;
      const done = random() < 0.6;
      return {
        id: `${id}-d${position}`,
        meetingId: id,
        position,
        text: `Örnek (üretilmiş) karar ${position}: geciken eylemler için eylem planı sunulması. (Generated example decision.)`,
        ownerAgency: owner,
        dueDate: `${year + 1}-${String(month).padStart(2, '0')}-15`,
        status: done ? 'DONE' : 'OPEN',
        doneNote: done ? 'Örnek (üretilmiş) kapanış notu. (Generated example note.)' : null,
        doneBy: done ? SECRETARIAT : null,
        doneAt: done ? `${year + 1}-01-10T10:00:00.000Z` : null,
        recordedBy: SECRETARIAT,
        recordedAt: closedAt,
        version: done ? 2 : 1,
      };
    });
    const action = actions[Math.floor(random() * actions.length)] as GeneratedAction;
    const indicator = indicators[Math.floor(random() * indicators.length)];
    const agendaItems: GeneratedMeeting['agendaItems'] = [
      {
        id: `${id}-a1`,
        meetingId: id,
        position: 1,
        kind: 'GOAL',
        refCode: action.goalCode,
        note: 'Örnek (üretilmiş) gündem maddesi',
      },
      {
        id: `${id}-a2`,
        meetingId: id,
        position: 2,
        kind: 'ACTION',
        refCode: action.code,
        note: 'Örnek (üretilmiş) gündem maddesi',
      },
    ];
    if (indicator) {
      agendaItems.push({
        id: `${id}-a3`,
        meetingId: id,
        position: 3,
        kind: 'INDICATOR',
        refCode: indicator.code,
        note: 'Örnek (üretilmiş) gündem maddesi',
      });
    }
    const m = quarter - quarterIndex('2020-Q1');
    const nationalAt = (g: GeneratedIndicator) =>
      Array.from({ length: provinces }, (_, p) => provinceValue(g, m, p + 1)).reduce((a, b) => a + b, 0);

    const overdue = actions
      .filter((a) => a.dueDate < date && statusOf(a) !== 'COMPLETED')
      .map((a) => ({
        actionCode: a.code,
        title: a.title,
        responsibleAgency: a.responsible,
        status: statusOf(a),
        dueDate: a.dueDate,
        originalDueDate: a.dueDate,
        daysOverdue: daysBetween(a.dueDate, date),
        escalated: daysBetween(a.dueDate, date) > 90,
        reason: null,
      }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.actionCode.localeCompare(b.actionCode));
    const agenda: Record<string, { status: Status | null; value: number | null }> = {
      [`${id}-a1`]: { status: null, value: null },
      [`${id}-a2`]: { status: statusOf(action), value: null },
    };
    if (indicator) agenda[`${id}-a3`] = { status: null, value: m >= 0 ? nationalAt(indicator) : null };

    const boardPack = {
      meetingId: id,
      meetingTitle: title,
      meetingDate: date,
      bodyName: central
        ? 'Merkezi Koordinasyon (Çocuk Koruma Hizmetleri)'
        : `İl Çocuk Koruma Koordinasyon Kurulu ${plate}`,
      basis: 'SNAPSHOT',
      generatedAt: closedAt,
      byArea: groupCounts(
        actions,
        statusOf,
        plan.areas.map((x) => [x.code, x.nameTr] as const),
        (a) => a.areaCode,
      ),
      byGoal: groupCounts(
        actions,
        statusOf,
        plan.goals.map((x) => [x.code, x.titleTr] as const),
        (a) => a.goalCode,
      ),
      byAgency: groupCounts(
        actions,
        statusOf,
        AGENCIES.map((x) => [x.code, x.nameTr] as const),
        (a) => a.responsible,
      ),
      overdue: overdue.slice(0, LISTED),
      escalated: overdue.filter((o) => o.escalated).slice(0, LISTED),
      indicators: indicators.slice(0, LISTED).map((g) => {
        const value = m >= 0 ? nationalAt(g) : null;
        return {
          indicatorCode: g.code,
          actionCode: g.actionCode,
          name: g.name,
          unit: g.unit,
          baseline: g.baseline,
          target: g.target,
          direction: g.direction,
          latestPeriod: m >= 0 ? `${year}-Q${(quarter % 4) + 1}` : null,
          latestValue: value,
          source: value === null ? null : GENERATED_SOURCE,
          onTrack: value === null ? null : g.direction === 'INCREASE' ? value >= g.baseline : value <= g.baseline,
        };
      }),
      followUps: earlier
        .filter((d) => d.meetingId.startsWith(GENERATED_PREFIX))
        .slice(-LISTED)
        .map((d) => ({
          decisionId: d.id,
          meetingId: d.meetingId,
          text: d.text,
          ownerAgency: d.ownerAgency,
          dueDate: d.dueDate,
          status: d.status,
          overdue: d.status === 'OPEN' && d.dueDate < date,
        })),
    };
    earlier.push(...decisions);
    return {
      meeting: {
        id,
        bodyId,
        bodyConfirmed: true,
        number: null,
        date,
        title,
        summary: 'Örnek (üretilmiş) toplantı özeti: gecikmeler ve göstergeler görüşüldü. (Generated example summary.)',
        decisions: decisions.map((d) => d.text),
        source: GENERATED_SOURCE,
        state: 'CLOSED',
        minutes: 'Örnek (üretilmiş) tutanak. (Generated example minutes.)',
        closedAt,
        closedBy: SECRETARIAT,
        version: 2 + decisions.length + agendaItems.length,
      },
      decisions,
      agendaItems,
      snapshot: { meetingId: id, takenAt: closedAt, takenBy: SECRETARIAT, content: { format: 1, boardPack, agenda } },
    };
  });
}
