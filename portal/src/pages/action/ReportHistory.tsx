import { useQuery } from 'urql';
import { ActionReportHistoryDocument, type ReportFieldsFragment } from '../../gql/graphql';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { Unknown } from '../../components/Unknown';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { Review } from '../../components/Review';

/** Every revision of one period's report the caller may see, with the focal point's review comments. */
export function ReportHistory({ actionCode, current }: { actionCode: string; current: ReportFieldsFragment }) {
  const period = current.period;
  const t = useT();
  const format = useFormat();
  const [result] = useQuery({ query: ActionReportHistoryDocument, variables: { code: actionCode, period } });
  if (result.fetching && !result.data) return <Loading />;
  const history = result.data?.action.reportHistory;
  // Where the graph cannot give the revisions, the period's current report still shows, and the
  // earlier revisions read "unknown" rather than "none".
  const rows = history ?? [current];
  return (
    <>
      <ErrorMessage error={result.error} />
      {history ? null : (
        <p className="note">
          {t('report.historyUnreadable')} <Unknown />
        </p>
      )}
      {
        <DataTable<ReportFieldsFragment>
          caption={t('report.history', { period })}
          rows={rows}
          rowKey={(report) => report.id}
          columns={[
            { key: 'revision', header: t('report.revision'), rowHeader: true, numeric: true, cell: (r) => r.revision },
            { key: 'state', header: t('report.state'), cell: (r) => t(`reportState.${r.state}`) },
            { key: 'status', header: t('action.status'), cell: (r) => <StatusBadge status={r.status} /> },
            {
              key: 'percent',
              header: t('report.percent'),
              numeric: true,
              cell: (r) => format.percent(r.percentComplete / 100),
            },
            { key: 'narrative', header: t('report.narrative'), cell: (r) => r.narrative },
            {
              key: 'review',
              header: t('report.review'),
              cell: (r) => <Review {...r} />,
            },
            { key: 'source', header: t('common.source'), cell: (r) => r.source },
          ]}
        />
      }
    </>
  );
}
