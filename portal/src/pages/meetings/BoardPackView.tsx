import type { CombinedError } from 'urql';
import type {
  AgencyCode,
  BoardPackActionFieldsFragment,
  BoardPackFieldsFragment,
  StatusCountFieldsFragment,
} from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { DataTable, type Column } from '../../components/DataTable';
import { PartialDataBanner } from '../../components/PartialDataBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { Suppressed, SuppressionNote } from '../../components/Suppressed';
import { Unknown } from '../../components/Unknown';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { DownloadButtons } from './DownloadButtons';
import { FollowUpState } from './FollowUpState';
import { unreadableAt } from './packErrors';

type Indicator = BoardPackFieldsFragment['indicators'][number];
type FollowUp = BoardPackFieldsFragment['followUps'][number];

const AGENCIES: readonly string[] = ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR'];

function CountsTable({
  caption,
  rows,
  byAgency,
}: {
  caption: string;
  rows: StatusCountFieldsFragment[];
  byAgency?: boolean;
}) {
  const t = useT();
  const count = (key: keyof StatusCountFieldsFragment, header: string): Column<StatusCountFieldsFragment> => ({
    key,
    header,
    numeric: true,
    cell: (row) => row[key],
  });
  return (
    <DataTable<StatusCountFieldsFragment>
      caption={caption}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        {
          key: 'label',
          header: byAgency ? t('action.party') : t('pack.row'),
          rowHeader: true,
          cell: (row) =>
            byAgency && AGENCIES.includes(row.key) ? (
              <AgencyName agency={row.key as AgencyCode} short />
            ) : (
              <>
                <span className="code">{row.key}</span> {row.label}
              </>
            ),
        },
        count('total', t('pack.total')),
        count('notStarted', t('status.NOT_STARTED')),
        count('inProgress', t('status.IN_PROGRESS')),
        count('atRisk', t('status.AT_RISK')),
        count('delayed', t('status.DELAYED')),
        count('completed', t('status.COMPLETED')),
        {
          key: 'unavailable',
          header: t('common.unknown'),
          numeric: true,
          cell: (row) => (row.unavailable > 0 ? <strong className="unknown">{row.unavailable}</strong> : 0),
        },
      ]}
    />
  );
}

function ActionsTable({
  caption,
  rows,
  total,
  empty,
}: {
  caption: string;
  rows: BoardPackActionFieldsFragment[];
  /** How many there are in all: the pack sends the most overdue, the downloads every one. */
  total: number;
  empty: string;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      {total > rows.length ? (
        <p className="note">{t('pack.firstOf', { shown: rows.length, total: format.number(total) })}</p>
      ) : null}
      <DataTable<BoardPackActionFieldsFragment>
        caption={caption}
        rows={rows}
        rowKey={(row) => row.actionCode}
        empty={empty}
        columns={[
          { key: 'code', header: t('action.code'), rowHeader: true, cell: (row) => row.actionCode },
          { key: 'title', header: t('action.title'), wide: true, cell: (row) => row.title },
          {
            key: 'agency',
            header: t('action.responsible'),
            cell: (row) => <AgencyName agency={row.responsibleAgency} short />,
          },
          { key: 'status', header: t('action.status'), cell: (row) => <StatusBadge status={row.status} /> },
          {
            key: 'due',
            header: t('action.dueDate'),
            cell: (row) =>
              row.dueDate === row.originalDueDate
                ? format.date(row.dueDate)
                : `${format.date(row.dueDate)} (${t('action.originalDueDate')}: ${format.date(row.originalDueDate)})`,
          },
          {
            key: 'days',
            header: t('pack.daysOverdue'),
            numeric: true,
            cell: (row) => row.daysOverdue,
          },
          { key: 'reason', header: t('pack.ownWords'), wide: true, cell: (row) => row.reason ?? t('pack.noWords') },
        ]}
      />
    </>
  );
}

function IndicatorsTable({ pack, error }: { pack: BoardPackFieldsFragment; error: CombinedError | undefined }) {
  const t = useT();
  const format = useFormat();
  const provincial = pack.indicators.some((indicator) => indicator.provincePlateCode !== null);
  const plate = pack.indicators.find((indicator) => indicator.provincePlateCode)?.provincePlateCode ?? '';
  const national = (indicator: Indicator, index: number) => {
    if (indicator.latestValue !== null) {
      return `${format.number(indicator.latestValue)}${indicator.latestPeriod ? ` (${indicator.latestPeriod})` : ''}`;
    }
    return unreadableAt(error, ['boardPack', 'indicators', index]) ? <Unknown /> : t('pack.noValue');
  };
  const province = (indicator: Indicator) => {
    if (indicator.provinceSuppressed) return <Suppressed />;
    if (indicator.provinceValue === null) return t('pack.noValue');
    return `${format.number(indicator.provinceValue)}${indicator.provincePeriod ? ` (${indicator.provincePeriod})` : ''}`;
  };
  const columns: Column<Indicator & { index: number }>[] = [
    { key: 'code', header: t('action.code'), rowHeader: true, cell: (row) => row.indicatorCode },
    { key: 'name', header: t('pack.indicator'), wide: true, cell: (row) => `${row.name} (${row.unit})` },
    { key: 'national', header: t('pack.national'), numeric: true, cell: (row) => national(row, row.index) },
    ...(provincial
      ? [
          {
            key: 'province',
            header: t('pack.provinceValue', { plate }),
            numeric: true,
            cell: (row: Indicator) => province(row),
          },
        ]
      : []),
    { key: 'target', header: t('indicator.target'), numeric: true, cell: (row) => format.number(row.target) },
    {
      key: 'onTrack',
      header: t('pack.onTrack'),
      cell: (row) => (row.onTrack === null ? '–' : row.onTrack ? t('pack.reached') : t('pack.notReached')),
    },
    { key: 'source', header: t('common.source'), cell: (row) => row.provinceSource ?? row.source ?? '–' },
  ];
  return (
    <DataTable
      caption={provincial ? t('pack.indicatorsProvincial') : t('pack.indicators')}
      rows={pack.indicators.map((indicator, index) => ({ ...indicator, index }))}
      rowKey={(row) => row.indicatorCode}
      empty={t('indicator.noMeasurements')}
      footer={pack.indicators.some((row) => row.provinceSuppressed) ? <SuppressionNote /> : null}
      columns={columns}
    />
  );
}

/** A meeting's board pack: live while the meeting is open, the frozen snapshot once it closed. */
export function BoardPackView({ pack, error }: { pack: BoardPackFieldsFragment; error: CombinedError | undefined }) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="pack-heading" className="panel">
      <h2 id="pack-heading">{t('pack.title')}</h2>
      <p className={pack.basis === 'SNAPSHOT' ? 'pack-basis pack-snapshot' : 'pack-basis'}>
        {pack.basis === 'SNAPSHOT'
          ? t('pack.snapshot', { when: format.dateTime(pack.generatedAt) })
          : t('pack.live', { when: format.dateTime(pack.generatedAt) })}
      </p>
      <DownloadButtons meetingId={pack.meetingId} />
      <PartialDataBanner error={error} />
      <CountsTable caption={t('pack.byAgency')} rows={pack.byAgency} byAgency />
      <CountsTable caption={t('pack.byArea')} rows={pack.byArea} />
      <CountsTable caption={t('pack.byGoal')} rows={pack.byGoal} />
      <ActionsTable
        caption={t('pack.overdue')}
        rows={pack.overdue}
        total={pack.overdueCount}
        empty={t('pack.noOverdue')}
      />
      <ActionsTable
        caption={t('pack.escalated')}
        rows={pack.escalated}
        total={pack.escalatedCount}
        empty={t('pack.noEscalated')}
      />
      <IndicatorsTable pack={pack} error={error} />
      <DataTable<FollowUp>
        caption={t('pack.followUps')}
        rows={pack.followUps}
        rowKey={(row) => row.decisionId}
        empty={t('pack.noFollowUps')}
        columns={[
          { key: 'text', header: t('decision.text'), rowHeader: true, cell: (row) => row.text },
          { key: 'owner', header: t('decision.owner'), cell: (row) => <AgencyName agency={row.ownerAgency} short /> },
          { key: 'due', header: t('action.dueDate'), cell: (row) => format.date(row.dueDate) },
          {
            key: 'state',
            header: t('decision.state'),
            cell: (row) => <FollowUpState status={row.status} overdue={row.overdue} />,
          },
          { key: 'meeting', header: t('decision.meeting'), cell: (row) => row.meetingId },
        ]}
      />
    </section>
  );
}
