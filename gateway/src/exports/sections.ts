import type { BoardPack, BoardPackAction, StatusCounts } from './board-pack-query.js';
import { LABELS, type Labels, type Lang } from './i18n.js';

export type Cell = string | number | boolean | null;

export interface Column {
  /** Stable machine name: the row's property, the same in every language. */
  key: string;
  /** What a person reads at the top of the column, in the reader's language. */
  header: string;
}

export interface Section {
  /** Stable machine name, whatever the language. */
  id: string;
  /** The section's name in the reader's language: the worksheet's name, the CSV's `section` cell. */
  title: string;
  /** Always starts with `key` and `label`, so every line item has an identifier and a name. */
  columns: Column[];
  rows: Record<string, Cell>[];
}

const COUNT_KEYS = ['total', 'notStarted', 'inProgress', 'atRisk', 'delayed', 'completed', 'unavailable'];
const ACTION_KEYS = ['responsibleAgency', 'status', 'dueDate', 'originalDueDate', 'daysOverdue', 'escalated', 'reason'];
const INDICATOR_KEYS = [
  'actionCode',
  'unit',
  'baseline',
  'target',
  'direction',
  'latestPeriod',
  'latestValue',
  'onTrack',
  'source',
  'provinceValue',
  'provincePeriod',
  'provinceSuppressed',
];
const FOLLOW_UP_KEYS = ['meetingId', 'ownerAgency', 'dueDate', 'status', 'overdue'];

function columnsOf(labels: Labels, keyHeader: string, labelHeader: string, keys: string[]): Column[] {
  return [
    { key: 'key', header: keyHeader },
    { key: 'label', header: labelHeader },
    ...keys.map((key) => ({ key, header: labels.columns[key] ?? key })),
  ];
}

function countsSection(labels: Labels, id: 'byArea' | 'byGoal' | 'byAgency', keyHeader: string, items: StatusCounts[]) {
  return {
    id,
    title: labels.sections[id],
    columns: columnsOf(labels, keyHeader, labels.columns.label ?? 'label', COUNT_KEYS),
    rows: items.map(({ key, label, ...counts }) => ({ key, label, ...counts })),
  };
}

function actionsSection(labels: Labels, id: 'overdue' | 'escalated', items: BoardPackAction[]): Section {
  return {
    id,
    title: labels.sections[id],
    columns: columnsOf(labels, labels.keyHeaders.action, labels.columns.label ?? 'label', ACTION_KEYS),
    rows: items.map(({ actionCode, title: label, responsibleAgency, status, ...rest }) => ({
      key: actionCode,
      label,
      responsibleAgency: labels.agency(responsibleAgency),
      status: status ? labels.status[status] : null,
      ...rest,
    })),
  };
}

/**
 * The board pack as tables, one per section, in the order a board reads it, with headings and
 * enum values in the reader's language. CSV and XLSX both render from this, so a figure cannot
 * appear in one download and be missing from the other. Dates stay ISO and numbers stay numbers.
 */
export function boardPackSections(pack: BoardPack, lang: Lang = 'tr'): Section[] {
  const labels = LABELS[lang];
  return [
    {
      id: 'meeting',
      title: labels.sections.meeting,
      columns: [
        { key: 'key', header: labels.keyHeaders.meeting },
        { key: 'label', header: lang === 'tr' ? 'Değer' : 'Value' },
      ],
      rows: [
        { key: labels.fields.meetingId, label: pack.meetingId },
        { key: labels.fields.meetingTitle, label: pack.meetingTitle },
        { key: labels.fields.meetingDate, label: pack.meetingDate },
        { key: labels.fields.bodyName, label: pack.bodyName },
        { key: labels.fields.basis, label: labels.basis[pack.basis] },
        { key: labels.fields.generatedAt, label: pack.generatedAt },
      ],
    },
    countsSection(labels, 'byArea', labels.keyHeaders.area, pack.byArea),
    countsSection(labels, 'byGoal', labels.keyHeaders.goal, pack.byGoal),
    countsSection(labels, 'byAgency', labels.keyHeaders.agency, pack.byAgency),
    actionsSection(labels, 'overdue', pack.overdue),
    actionsSection(labels, 'escalated', pack.escalated),
    {
      id: 'indicators',
      title: labels.sections.indicators,
      columns: columnsOf(labels, labels.keyHeaders.indicator, labels.columns.label ?? 'label', INDICATOR_KEYS),
      rows: pack.indicators.map(({ indicatorCode, name, direction, provincePlateCode: _plate, ...rest }) => ({
        key: indicatorCode,
        label: name,
        direction: labels.direction[direction],
        ...rest,
      })),
    },
    {
      id: 'followUps',
      title: labels.sections.followUps,
      columns: columnsOf(
        labels,
        labels.keyHeaders.decision,
        lang === 'tr' ? 'Karar metni' : 'Decision text',
        FOLLOW_UP_KEYS,
      ),
      rows: pack.followUps.map(({ decisionId, text, ownerAgency, status, ...rest }) => ({
        key: decisionId,
        label: text,
        ownerAgency: labels.agency(ownerAgency),
        status: labels.followUp[status],
        ...rest,
      })),
    },
  ];
}
