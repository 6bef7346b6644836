import type { BoardPack, BoardPackAction, StatusCounts } from './board-pack-query.js';

export type Cell = string | number | boolean | null;

export interface Column {
  /** Stable machine name: the CSV header and the row's property. */
  key: string;
  /** What a person reads at the top of the column. */
  header: string;
}

export interface Section {
  /** Stable machine name, the CSV's `section` column. */
  id: string;
  title: string;
  /** Always starts with `key` and `label`, so every line item has an identifier and a name. */
  columns: Column[];
  rows: Record<string, Cell>[];
}

const COUNT_COLUMNS: Column[] = [
  { key: 'total', header: 'Total' },
  { key: 'notStarted', header: 'Not started' },
  { key: 'inProgress', header: 'In progress' },
  { key: 'atRisk', header: 'At risk' },
  { key: 'delayed', header: 'Delayed' },
  { key: 'completed', header: 'Completed' },
  { key: 'unavailable', header: 'Unavailable' },
];

const ACTION_COLUMNS: Column[] = [
  { key: 'key', header: 'Action' },
  { key: 'label', header: 'Title' },
  { key: 'responsibleAgency', header: 'Responsible' },
  { key: 'status', header: 'Status' },
  { key: 'dueDate', header: 'Due' },
  { key: 'originalDueDate', header: 'Originally due' },
  { key: 'daysOverdue', header: 'Days overdue' },
  { key: 'escalated', header: 'Escalated' },
  { key: 'reason', header: 'Reason' },
];

function countsSection(id: string, title: string, keyHeader: string, items: StatusCounts[]): Section {
  return {
    id,
    title,
    columns: [{ key: 'key', header: keyHeader }, { key: 'label', header: 'Name' }, ...COUNT_COLUMNS],
    rows: items.map(({ key, label, ...counts }) => ({ key, label, ...counts })),
  };
}

function actionsSection(id: string, title: string, items: BoardPackAction[]): Section {
  return {
    id,
    title,
    columns: ACTION_COLUMNS,
    rows: items.map(({ actionCode, title: label, ...rest }) => ({ key: actionCode, label, ...rest })),
  };
}

/**
 * The board pack as tables, one per section, in the order a board reads it. CSV and XLSX both
 * render from this, so a figure cannot appear in one download and be missing from the other.
 */
export function boardPackSections(pack: BoardPack): Section[] {
  return [
    {
      id: 'meeting',
      title: 'Meeting',
      columns: [
        { key: 'key', header: 'Field' },
        { key: 'label', header: 'Value' },
      ],
      rows: [
        { key: 'meetingId', label: pack.meetingId },
        { key: 'meetingTitle', label: pack.meetingTitle },
        { key: 'meetingDate', label: pack.meetingDate },
        { key: 'bodyName', label: pack.bodyName },
        { key: 'basis', label: pack.basis },
        { key: 'generatedAt', label: pack.generatedAt },
      ],
    },
    countsSection('byArea', 'By area', 'Area', pack.byArea),
    countsSection('byGoal', 'By goal', 'Goal', pack.byGoal),
    countsSection('byAgency', 'By agency', 'Agency', pack.byAgency),
    actionsSection('overdue', 'Overdue actions', pack.overdue),
    actionsSection('escalated', 'Escalated actions', pack.escalated),
    {
      id: 'indicators',
      title: 'Indicators',
      columns: [
        { key: 'key', header: 'Indicator' },
        { key: 'label', header: 'Name' },
        { key: 'actionCode', header: 'Action' },
        { key: 'unit', header: 'Unit' },
        { key: 'baseline', header: 'Baseline' },
        { key: 'target', header: 'Target' },
        { key: 'direction', header: 'Direction' },
        { key: 'latestPeriod', header: 'Latest period' },
        { key: 'latestValue', header: 'Latest value' },
        { key: 'onTrack', header: 'On track' },
        { key: 'source', header: 'Source' },
      ],
      rows: pack.indicators.map(({ indicatorCode, name, ...rest }) => ({ key: indicatorCode, label: name, ...rest })),
    },
    {
      id: 'followUps',
      title: 'Follow-ups',
      columns: [
        { key: 'key', header: 'Decision' },
        { key: 'label', header: 'Decision text' },
        { key: 'meetingId', header: 'Meeting' },
        { key: 'ownerAgency', header: 'Owner' },
        { key: 'dueDate', header: 'Due' },
        { key: 'status', header: 'Status' },
        { key: 'overdue', header: 'Overdue' },
      ],
      rows: pack.followUps.map(({ decisionId, text, ...rest }) => ({ key: decisionId, label: text, ...rest })),
    },
  ];
}
