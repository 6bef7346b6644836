import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { BoardDashboardDocument, type BoardDashboardQuery } from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PartialDataBanner } from '../../components/PartialDataBanner';
import { SelectField } from '../../components/SelectField';
import { StatusBadge } from '../../components/StatusBadge';
import { compareTr } from '../../i18n/collate';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { IndicatorChart } from '../action/IndicatorChart';
import { DownloadButtons } from '../meetings/DownloadButtons';
import { SinceLastMeeting } from './SinceLastMeeting';
import { StatusLegend, StatusMatrix } from './StatusMatrix';
import '../meetings/boards.css';

type Action = BoardDashboardQuery['actions'][number];

interface LateAction {
  action: Action;
  escalated: boolean;
  /** The responsible ministry's own words: the escalation's reason, else its latest report's narrative. */
  words: string | null;
}

function LateActions({ data }: { data: BoardDashboardQuery }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const escalations = new Map(data.escalations.map((e) => [e.actionCode, e]));
  const rows: LateAction[] = data.actions
    .filter((action) => action.overdue === true || escalations.has(action.code))
    .map((action) => {
      const escalation = escalations.get(action.code);
      return {
        action,
        escalated: Boolean(escalation),
        words: escalation?.reason ?? action.latestReport?.narrative ?? null,
      };
    })
    .sort(
      (a, b) => (b.action.daysOverdue ?? 0) - (a.action.daysOverdue ?? 0) || compareTr(a.action.code, b.action.code),
    );
  return (
    <DataTable<LateAction>
      caption={t('dashboard.late')}
      captionHidden
      rows={rows}
      rowKey={(row) => row.action.code}
      empty={t('pack.noOverdue')}
      columns={[
        {
          key: 'code',
          header: t('action.code'),
          rowHeader: true,
          cell: (row) => <Link to={`/actions/${encodeURIComponent(row.action.code)}`}>{row.action.code}</Link>,
        },
        {
          key: 'title',
          header: t('action.title'),
          wide: true,
          cell: (row) => localized(row.action.title, row.action.titleEn),
        },
        {
          key: 'agency',
          header: t('action.responsible'),
          cell: (row) => <AgencyName agency={row.action.responsibleAgency} short />,
        },
        { key: 'status', header: t('action.status'), cell: (row) => <StatusBadge status={row.action.status} /> },
        { key: 'due', header: t('action.dueDate'), cell: (row) => format.date(row.action.dueDate) },
        {
          key: 'days',
          header: t('pack.daysOverdue'),
          numeric: true,
          cell: (row) => (row.action.daysOverdue === null ? t('common.unknown') : row.action.daysOverdue),
        },
        {
          key: 'escalated',
          header: t('dashboard.escalated'),
          cell: (row) =>
            row.escalated ? (
              <strong className="escalated">
                <span aria-hidden="true">▲ </span>
                {t('dashboard.escalatedYes')}
              </strong>
            ) : (
              t('common.no')
            ),
        },
        { key: 'words', header: t('pack.ownWords'), wide: true, cell: (row) => row.words ?? t('pack.noWords') },
      ]}
    />
  );
}

function IndicatorTrends({ actions }: { actions: readonly Action[] }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const [params, setParams] = useSearchParams();
  const indicators = actions.flatMap((action) =>
    action.indicators.map((indicator) => {
      const national = (action.measurements ?? []).filter(
        (m) => m.indicatorCode === indicator.code && m.provincePlateCode === null,
      );
      const latest = [...national].sort((a, b) => compareTr(a.period, b.period)).at(-1);
      return { action, indicator, latest, measured: national.length > 0 };
    }),
  );
  const chosenCode = params.get('indicator') ?? indicators.find((i) => i.measured)?.indicator.code ?? '';
  const chosen = indicators.find((i) => i.indicator.code === chosenCode);
  return (
    <>
      <SelectField
        label={t('dashboard.chooseIndicator')}
        value={chosenCode}
        onChange={(code) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              next.set('indicator', code);
              return next;
            },
            { replace: true },
          )
        }
        options={indicators.map((i) => ({
          id: i.indicator.code,
          label: `${i.indicator.code} ${localized(i.indicator.name, i.indicator.nameEn)}`,
        }))}
      />
      {chosen ? (
        chosen.action.measurements === null ? (
          <p className="unknown">
            {t('indicator.unreadable')} {t('common.unknown')}
          </p>
        ) : (
          <IndicatorChart indicator={chosen.indicator} measurements={chosen.action.measurements} />
        )
      ) : null}
      <DataTable
        caption={t('dashboard.indicatorTable')}
        rows={indicators}
        rowKey={(row) => row.indicator.code}
        columns={[
          { key: 'code', header: t('action.code'), rowHeader: true, cell: (row) => row.indicator.code },
          {
            key: 'name',
            header: t('pack.indicator'),
            wide: true,
            cell: (row) => `${localized(row.indicator.name, row.indicator.nameEn)} (${row.indicator.unit})`,
          },
          {
            key: 'latest',
            header: t('pack.national'),
            numeric: true,
            cell: (row) =>
              row.action.measurements === null
                ? t('common.unknown')
                : row.latest?.suppressed
                  ? t('suppressed.value')
                  : row.latest && row.latest.value !== null
                    ? `${format.number(row.latest.value)} (${row.latest.period})`
                    : t('pack.noValue'),
          },
          {
            key: 'target',
            header: t('indicator.target'),
            numeric: true,
            cell: (row) => format.number(row.indicator.target),
          },
        ]}
      />
    </>
  );
}

/** The boards' dashboard: where the plan stands today, across every ministry, and what changed. */
export function DashboardPage() {
  const t = useT();
  const localized = useLocalized();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [result] = useQuery({ query: BoardDashboardDocument });
  const data = result.data;
  const bodies = useMemo(
    () =>
      [...(data?.coordinationBodies ?? [])].sort(
        (a, b) =>
          (a.level === 'CENTRAL' ? 0 : 1) - (b.level === 'CENTRAL' ? 0 : 1) ||
          compareTr(a.province?.plateCode ?? '', b.province?.plateCode ?? '') ||
          compareTr(a.name, b.name),
      ),
    [data],
  );
  const bodyId = params.get('body') ?? 'central';
  const body = bodies.find((b) => b.id === bodyId);
  const latestMeeting = body?.meetings.at(-1);
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <PartialDataBanner error={result.error} />
      <ErrorMessage error={result.error} />
      {!data ? (
        result.fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <section aria-labelledby="matrix-heading" className="panel">
            <h2 id="matrix-heading">{t('dashboard.matrix')}</h2>
            <StatusLegend />
            <StatusMatrix actions={data.actions} />
          </section>
          <section aria-labelledby="late-heading" className="panel">
            <h2 id="late-heading">{t('dashboard.late')}</h2>
            <LateActions data={data} />
          </section>
          <section aria-labelledby="trends-heading" className="panel">
            <h2 id="trends-heading">{t('dashboard.trends')}</h2>
            <IndicatorTrends actions={data.actions} />
          </section>
          <section aria-labelledby="since-heading" className="panel">
            <h2 id="since-heading">{t('since.title')}</h2>
            <SelectField
              label={t('dashboard.chooseBody')}
              value={body ? body.id : ''}
              onChange={(id) =>
                setParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.set('body', id);
                    return next;
                  },
                  { replace: true },
                )
              }
              options={bodies.map((b) => ({ id: b.id, label: localized(b.name, b.nameEn) }))}
            />
            {latestMeeting ? (
              <div className="latest-meeting">
                <p>
                  {t('dashboard.latestMeeting')}{' '}
                  <Link to={`/meetings/${encodeURIComponent(latestMeeting.id)}`}>{latestMeeting.title}</Link> (
                  {format.date(latestMeeting.date)}, {t(`meetingState.${latestMeeting.state}`)})
                </p>
                <DownloadButtons meetingId={latestMeeting.id} />
              </div>
            ) : (
              <p className="note">{t('body.noMeetings')}</p>
            )}
            {body ? <SinceLastMeeting bodyId={body.id} /> : null}
          </section>
        </>
      )}
    </>
  );
}
