import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ApprovalQueueDocument, type AgencyCode, type ApprovalQueueQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { useAgencyQuery } from '../reporting/useAgencyQuery';
import '../reporting/reporting.css';

type Pending = NonNullable<ApprovalQueueQuery['agency']>['pendingReview'][number];

export function reviewPath(reportId: string): string {
  return `/approvals/${encodeURIComponent(reportId)}`;
}

function Queue({ agency }: { agency: AgencyCode }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const { caller } = useAuth();
  const [result] = useAgencyQuery(ApprovalQueueDocument, agency, {});
  if (result.fetching && !result.data) return <Loading />;
  const queue = result.data?.agency;
  if (!queue) return <ErrorMessage error={result.error} />;
  const titles = new Map(queue.actions.map((a) => [a.code, localized(a.title, a.titleEn)]));
  return (
    <>
      <ErrorMessage error={result.error} />
      <DataTable<Pending>
        caption={t('approvals.queue', { count: queue.pendingReview.length })}
        rows={queue.pendingReview}
        rowKey={(r) => r.id}
        empty={t('approvals.none')}
        columns={[
          {
            key: 'action',
            header: t('reporting.action'),
            rowHeader: true,
            wide: true,
            cell: (r) => (
              <Link to={reviewPath(r.id)}>
                <span className="code">{r.actionCode}</span> {titles.get(r.actionCode) ?? ''}
              </Link>
            ),
          },
          { key: 'period', header: t('editor.period'), cell: (r) => r.period },
          { key: 'revision', header: t('report.revision'), numeric: true, cell: (r) => r.revision },
          {
            key: 'submitted',
            header: t('approvals.submitted'),
            cell: (r) => `${r.submittedBy ?? '–'}${r.submittedAt ? `, ${format.dateTime(r.submittedAt)}` : ''}`,
          },
          {
            key: 'yours',
            header: t('approvals.canReview'),
            cell: (r) => (r.authors.includes(caller.username) ? t('approvals.ownReport') : t('approvals.mayReview')),
          },
        ]}
      />
    </>
  );
}

/** The focal point's queue: the ministry's reports waiting for review, longest waiting first. */
export function ApprovalsPage() {
  const t = useT();
  const { caller } = useAuth();
  return (
    <>
      <PageTitle>{t('approvals.title')}</PageTitle>
      <p className="note">{t('approvals.explanation')}</p>
      {caller.agency ? <Queue agency={caller.agency} /> : <p>{t('reporting.noAgency')}</p>}
    </>
  );
}
