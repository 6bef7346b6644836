import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { AgencyName } from '../../components/AgencyName';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PartialDataBanner } from '../../components/PartialDataBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { OrUnknown } from '../../components/Unknown';
import { ReportingInboxDocument, type AgencyCode, type ReportingInboxQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { editorPath, partPath } from './paths';
import { currentQuarter } from './periods';
import { useAgencyQuery } from './useAgencyQuery';
import './reporting.css';

type Inbox = NonNullable<ReportingInboxQuery['agency']>;
type InboxAction = Inbox['actions'][number];
type InboxReport = Inbox['returnedReports'][number];
type InboxPart = Inbox['parts'][number];

/** Needs a report this quarter: no approved or submitted one yet, and the action is not completed. */
function dueThisQuarter(action: InboxAction): boolean {
  if (action.status === 'COMPLETED') return false;
  // The period's current revision is its last.
  const report = action.reportHistory?.at(-1);
  return !report || report.state === 'DRAFT' || report.state === 'RETURNED';
}

function ActionLink({ action, period }: { action: InboxAction; period: string }) {
  const localized = useLocalized();
  return (
    <Link to={editorPath(action.code, period)}>
      <span className="code">{action.code}</span> {localized(action.title, action.titleEn)}
    </Link>
  );
}

function Inbox({ agency }: { agency: AgencyCode }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const period = currentQuarter();
  const [result] = useAgencyQuery(ReportingInboxDocument, agency, { period });
  if (result.fetching && !result.data) return <Loading />;
  const inbox = result.data?.agency;
  if (!inbox) return <ErrorMessage error={result.error} />;
  const titles = new Map(inbox.actions.map((a) => [a.code, localized(a.title, a.titleEn)]));
  const due = inbox.actions.filter((a) => dueThisQuarter(a));
  const overdue = inbox.actions.filter((a) => a.overdue);
  const reportState = (a: InboxAction) => {
    const report = a.reportHistory?.at(-1);
    return report ? t(`reportState.${report.state}`) : t('reporting.noReport');
  };
  return (
    <>
      <PartialDataBanner error={result.error} />
      <ErrorMessage error={result.error} />
      <section aria-labelledby="due-heading" className="panel">
        <h2 id="due-heading">{t('reporting.due', { period })}</h2>
        <p className="note">{t('reporting.dueExplanation')}</p>
        <DataTable<InboxAction>
          caption={t('reporting.due', { period })}
          captionHidden
          rows={due}
          rowKey={(a) => a.code}
          empty={t('reporting.noneDue')}
          columns={[
            {
              key: 'action',
              header: t('reporting.action'),
              rowHeader: true,
              wide: true,
              cell: (a) => <ActionLink action={a} period={period} />,
            },
            { key: 'state', header: t('report.state'), cell: reportState },
            { key: 'status', header: t('action.status'), cell: (a) => <StatusBadge status={a.status} /> },
            { key: 'due', header: t('action.dueDate'), cell: (a) => format.date(a.dueDate) },
          ]}
        />
      </section>

      <section aria-labelledby="returned-heading" className="panel">
        <h2 id="returned-heading">{t('reporting.returned')}</h2>
        <DataTable<InboxReport>
          caption={t('reporting.returned')}
          captionHidden
          rows={inbox.returnedReports}
          rowKey={(r) => r.id}
          empty={t('reporting.noneReturned')}
          columns={[
            {
              key: 'action',
              header: t('reporting.action'),
              rowHeader: true,
              cell: (r) => (
                <Link to={editorPath(r.actionCode, r.period)}>
                  <span className="code">{r.actionCode}</span> {titles.get(r.actionCode) ?? ''} · {r.period}
                </Link>
              ),
            },
            { key: 'revision', header: t('report.revision'), numeric: true, cell: (r) => r.revision },
            {
              key: 'reviewer',
              header: t('report.review'),
              cell: (r) => `${r.reviewedBy ?? '–'}${r.reviewedAt ? `, ${format.dateTime(r.reviewedAt)}` : ''}`,
            },
            {
              key: 'comment',
              header: t('reporting.reviewComment'),
              wide: true,
              cell: (r) => <blockquote className="review-comment">{r.reviewComment ?? '–'}</blockquote>,
            },
          ]}
        />
      </section>

      <section aria-labelledby="overdue-heading" className="panel">
        <h2 id="overdue-heading">{t('reporting.overdue')}</h2>
        <DataTable<InboxAction>
          caption={t('reporting.overdue')}
          captionHidden
          rows={overdue}
          rowKey={(a) => a.code}
          empty={t('reporting.noneOverdue')}
          columns={[
            {
              key: 'action',
              header: t('reporting.action'),
              rowHeader: true,
              wide: true,
              cell: (a) => <ActionLink action={a} period={period} />,
            },
            { key: 'due', header: t('action.dueDate'), cell: (a) => format.date(a.dueDate) },
            {
              key: 'days',
              header: t('reporting.daysOverdue'),
              numeric: true,
              cell: (a) => <OrUnknown value={a.daysOverdue}>{(days) => format.number(days)}</OrUnknown>,
            },
            { key: 'status', header: t('action.status'), cell: (a) => <StatusBadge status={a.status} /> },
          ]}
        />
      </section>

      <section aria-labelledby="parts-heading" className="panel">
        <h2 id="parts-heading">{t('reporting.parts')}</h2>
        <p className="note">{t('reporting.partsExplanation')}</p>
        <DataTable<InboxPart>
          caption={t('reporting.parts')}
          captionHidden
          rows={inbox.parts}
          rowKey={(p) => p.actionCode}
          empty={t('reporting.noParts')}
          columns={[
            {
              key: 'action',
              header: t('reporting.action'),
              rowHeader: true,
              cell: (p) => (
                <Link to={partPath(p.actionCode)}>
                  <span className="code">{p.actionCode}</span>
                </Link>
              ),
            },
            {
              key: 'acceptance',
              header: t('action.acceptance'),
              cell: (p) => (p.acceptance ? t(`acceptance.${p.acceptance}`) : '–'),
            },
            {
              key: 'contribution',
              header: t('action.contribution'),
              cell: (p) => <StatusBadge status={p.contributionStatus} />,
            },
            { key: 'reason', header: t('action.reason'), wide: true, cell: (p) => p.reason ?? '–' },
          ]}
        />
      </section>

      <section aria-labelledby="all-heading" className="panel">
        <h2 id="all-heading">{t('reporting.all')}</h2>
        <DataTable<InboxAction>
          caption={t('reporting.all')}
          captionHidden
          rows={inbox.actions}
          rowKey={(a) => a.code}
          columns={[
            {
              key: 'action',
              header: t('reporting.action'),
              rowHeader: true,
              wide: true,
              cell: (a) => <ActionLink action={a} period={period} />,
            },
            { key: 'state', header: t('reporting.stateThisQuarter', { period }), cell: reportState },
            { key: 'status', header: t('action.status'), cell: (a) => <StatusBadge status={a.status} /> },
            { key: 'due', header: t('action.dueDate'), cell: (a) => format.date(a.dueDate) },
          ]}
        />
      </section>
    </>
  );
}

/** The reporting inbox of the signed-in person's ministry: what is due, returned and overdue. */
export function ReportingPage() {
  const t = useT();
  const { caller } = useAuth();
  return (
    <>
      <PageTitle>{t('reporting.title')}</PageTitle>
      {caller.agency ? (
        <>
          <p className="lead">
            <AgencyName agency={caller.agency} />
          </p>
          <p>
            <Link to="/reporting/import">{t('reporting.import')}</Link>
          </p>
          <Inbox agency={caller.agency} />
        </>
      ) : (
        <p>{t('reporting.noAgency')}</p>
      )}
    </>
  );
}
