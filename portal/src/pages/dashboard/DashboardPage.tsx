import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import {
  ActionDetailDocument,
  BoardDashboardDocument,
  DashboardBodiesDocument,
  MeetingBoardPackDocument,
  type BoardDashboardQuery,
  type MeetingBoardPackQuery,
} from '../../gql/graphql';
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

type LateAction = BoardDashboardQuery['late'][number];

/** The most overdue actions the dashboard lists; the plan browser's overdue filter pages the rest. */
export const LATE_FIRST = 50;

function LateActions({ data }: { data: BoardDashboardQuery }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  return (
    <>
      {data.late.length === LATE_FIRST ? (
        <p className="note">
          {t('dashboard.lateFirst', { count: LATE_FIRST })} <Link to="/plan?overdue=1">{t('dashboard.lateAll')}</Link>
        </p>
      ) : null}
      <DataTable<LateAction>
        caption={t('dashboard.late')}
        captionHidden
        rows={data.late}
        rowKey={(row) => row.actionCode}
        empty={t('pack.noOverdue')}
        columns={[
          {
            key: 'code',
            header: t('action.code'),
            rowHeader: true,
            cell: (row) => <Link to={`/actions/${encodeURIComponent(row.actionCode)}`}>{row.actionCode}</Link>,
          },
          {
            key: 'title',
            header: t('action.title'),
            wide: true,
            cell: (row) => localized(row.title, row.action.titleEn),
          },
          {
            key: 'agency',
            header: t('action.responsible'),
            cell: (row) => <AgencyName agency={row.responsibleAgency} short />,
          },
          { key: 'status', header: t('action.status'), cell: (row) => <StatusBadge status={row.status} /> },
          { key: 'due', header: t('action.dueDate'), cell: (row) => format.date(row.dueDate) },
          { key: 'days', header: t('pack.daysOverdue'), numeric: true, cell: (row) => row.daysOverdue },
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
          { key: 'words', header: t('pack.ownWords'), wide: true, cell: (row) => row.reason ?? t('pack.noWords') },
        ]}
      />
    </>
  );
}

type PackIndicator = MeetingBoardPackQuery['boardPack']['indicators'][number];

/** One indicator's series against its target: its action's measurements, chart and table. */
function IndicatorSeries({ actionCode, indicatorCode }: { actionCode: string; indicatorCode: string }) {
  const t = useT();
  const [result] = useQuery({ query: ActionDetailDocument, variables: { code: actionCode } });
  const action = result.data?.action;
  const indicator = action?.indicators.find((i) => i.code === indicatorCode);
  if (result.fetching && !action) return <Loading />;
  if (!action || !indicator) return <ErrorMessage error={result.error} />;
  return action.measurements === null ? (
    <p className="unknown">
      {t('indicator.unreadable')} {t('common.unknown')}
    </p>
  ) : (
    <IndicatorChart indicator={indicator} measurements={action.measurements} />
  );
}

/**
 * Every indicator's latest national value against its target, from the chosen body's board pack
 * (live while its meeting is open), and the chosen indicator's whole series beside it.
 */
function IndicatorTrends({ meetingId, meetingTitle }: { meetingId: string; meetingTitle: string }) {
  const t = useT();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [result] = useQuery({ query: MeetingBoardPackDocument, variables: { meetingId } });
  const indicators = result.data?.boardPack.indicators ?? [];
  const chosenCode = params.get('indicator') ?? indicators.find((i) => i.latestValue !== null)?.indicatorCode ?? '';
  const chosen = indicators.find((i) => i.indicatorCode === chosenCode);
  if (result.fetching && !result.data) return <Loading />;
  return (
    <>
      <p className="note">{t('dashboard.trendsFrom', { meeting: meetingTitle })}</p>
      <PartialDataBanner error={result.error} />
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
        options={indicators.map((i) => ({ id: i.indicatorCode, label: `${i.indicatorCode} ${i.name}` }))}
      />
      {chosen ? <IndicatorSeries actionCode={chosen.actionCode} indicatorCode={chosen.indicatorCode} /> : null}
      <DataTable<PackIndicator>
        caption={t('dashboard.indicatorTable')}
        rows={indicators}
        rowKey={(row) => row.indicatorCode}
        columns={[
          { key: 'code', header: t('action.code'), rowHeader: true, cell: (row) => row.indicatorCode },
          {
            key: 'name',
            header: t('pack.indicator'),
            wide: true,
            cell: (row) => `${row.name} (${row.unit})`,
          },
          {
            key: 'latest',
            header: t('pack.national'),
            numeric: true,
            cell: (row) =>
              row.latestValue !== null
                ? `${format.number(row.latestValue)} (${row.latestPeriod ?? ''})`
                : t('pack.noValue'),
          },
          {
            key: 'target',
            header: t('indicator.target'),
            numeric: true,
            cell: (row) => format.number(row.target),
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
  const [result] = useQuery({ query: BoardDashboardDocument, variables: { lateFirst: LATE_FIRST } });
  const [bodiesResult] = useQuery({ query: DashboardBodiesDocument });
  const data = result.data;
  const bodies = useMemo(
    () =>
      [...(bodiesResult.data?.coordinationBodies ?? [])].sort(
        (a, b) =>
          (a.level === 'CENTRAL' ? 0 : 1) - (b.level === 'CENTRAL' ? 0 : 1) ||
          compareTr(a.province?.plateCode ?? '', b.province?.plateCode ?? '') ||
          compareTr(a.name, b.name),
      ),
    [bodiesResult.data],
  );
  const bodyId = params.get('body') ?? 'central';
  const body = bodies.find((b) => b.id === bodyId);
  const latestMeeting = body?.meetings.at(-1);
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <PartialDataBanner error={result.error} />
      <ErrorMessage error={result.error ?? bodiesResult.error} />
      {!data ? (
        result.fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <section aria-labelledby="matrix-heading" className="panel">
            <h2 id="matrix-heading">{t('dashboard.matrix')}</h2>
            <StatusLegend />
            <StatusMatrix cells={data.statusMatrix} />
          </section>
          <section aria-labelledby="late-heading" className="panel">
            <h2 id="late-heading">{t('dashboard.late')}</h2>
            <LateActions data={data} />
          </section>
          <section aria-labelledby="trends-heading" className="panel">
            <h2 id="trends-heading">{t('dashboard.trends')}</h2>
            {latestMeeting ? (
              <IndicatorTrends meetingId={latestMeeting.id} meetingTitle={latestMeeting.title} />
            ) : (
              <p className="note">{t('body.noMeetings')}</p>
            )}
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
