import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ActionDetailDocument, type ActionDetailQuery, type PartAcceptance } from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PartialDataBanner } from '../../components/PartialDataBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { OrUnknown, Unknown } from '../../components/Unknown';
import { compareTr } from '../../i18n/collate';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { IndicatorChart, ProvinceTable } from './IndicatorChart';
import { ReportHistory } from './ReportHistory';

type Action = ActionDetailQuery['action'];
type Party = Action['parties'][number];
type Institution = Action['collaborators'][number];

function Acceptance({ value }: { value: PartAcceptance | null }) {
  const t = useT();
  if (!value) return <Unknown />;
  return <span className={`acceptance acceptance-${value.toLowerCase()}`}>{t(`acceptance.${value}`)}</span>;
}

function Summary({ action }: { action: Action }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  return (
    <dl className="summary">
      <div>
        <dt>{t('action.area')}</dt>
        <dd>
          <Link to={`/plan?area=${encodeURIComponent(action.area.code)}`}>
            {action.area.code} {localized(action.area.name, action.area.nameEn)}
          </Link>
        </dd>
      </div>
      <div>
        <dt>{t('action.goal')}</dt>
        <dd>
          <Link to={`/plan?area=${encodeURIComponent(action.area.code)}&goal=${encodeURIComponent(action.goal.code)}`}>
            {action.goal.code} {localized(action.goal.title, action.goal.titleEn)}
          </Link>
        </dd>
      </div>
      <div>
        <dt>{t('action.responsible')}</dt>
        <dd>{localized(action.responsible.name, action.responsible.nameEn)}</dd>
      </div>
      <div>
        <dt>{t('action.status')}</dt>
        <dd>
          <StatusBadge status={action.status} />
        </dd>
      </div>
      <div>
        <dt>{t('action.overallStatus')}</dt>
        <dd>
          <StatusBadge status={action.overallStatus} />
        </dd>
      </div>
      <div>
        <dt>{t('action.startDate')}</dt>
        <dd>{format.date(action.startDate)}</dd>
      </div>
      <div>
        <dt>{t('action.dueDate')}</dt>
        <dd>
          {format.date(action.dueDate)}
          {action.dueDate !== action.originalDueDate
            ? ` (${t('action.originalDueDate')}: ${format.date(action.originalDueDate)})`
            : null}
        </dd>
      </div>
      <div>
        <dt>{t('action.overdue')}</dt>
        <dd>
          <OrUnknown value={action.overdue}>
            {(overdue) => (overdue ? t('action.daysOverdue', { days: action.daysOverdue ?? 0 }) : t('common.no'))}
          </OrUnknown>
        </dd>
      </div>
      <div>
        <dt>{t('common.source')}</dt>
        <dd>{action.source}</dd>
      </div>
    </dl>
  );
}

export function ActionPage() {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const code = useParams().code ?? '';
  const [result] = useQuery({ query: ActionDetailDocument, variables: { code } });
  if (result.fetching && !result.data) return <Loading />;
  const action = result.data?.action;
  if (!action) {
    return (
      <>
        <PageTitle>{code}</PageTitle>
        <ErrorMessage error={result.error} />
      </>
    );
  }
  const institutions: { role: string; institution: Institution }[] = [
    { role: t('action.responsibleRole'), institution: action.responsible },
    ...action.collaborators.map((institution) => ({ role: t('action.collaboratorRole'), institution })),
  ];
  const periods = [...(action.progressReports ?? [])].sort((a, b) => compareTr(b.period, a.period));
  const measurements = action.measurements ?? [];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/plan">{t('nav.plan')}</Link> / {action.code}
      </p>
      <PageTitle>{`${action.code} ${localized(action.title, action.titleEn)}`}</PageTitle>
      <PartialDataBanner error={result.error} />
      <ErrorMessage error={result.error} />
      <Summary action={action} />

      <section aria-labelledby="institutions-heading" className="panel">
        <h2 id="institutions-heading">{t('action.institutions')}</h2>
        <DataTable
          caption={t('action.institutions')}
          captionHidden
          rows={institutions}
          rowKey={(row) => row.institution.code}
          columns={[
            {
              key: 'name',
              header: t('action.institution'),
              rowHeader: true,
              cell: (row) => localized(row.institution.name, row.institution.nameEn),
            },
            { key: 'role', header: t('action.role'), cell: (row) => row.role },
          ]}
        />
        <h3>{t('action.parties')}</h3>
        <DataTable<Party>
          caption={t('action.parties')}
          captionHidden
          rows={action.parties}
          rowKey={(party) => party.agency}
          empty={t('action.noParties')}
          columns={[
            {
              key: 'agency',
              header: t('action.party'),
              rowHeader: true,
              cell: (p) => <AgencyName agency={p.agency} />,
            },
            { key: 'acceptance', header: t('action.acceptance'), cell: (p) => <Acceptance value={p.acceptance} /> },
            { key: 'reason', header: t('action.reason'), cell: (p) => p.reason ?? '–' },
            {
              key: 'contribution',
              header: t('action.contribution'),
              cell: (p) => <StatusBadge status={p.contributionStatus} />,
            },
            { key: 'evidence', header: t('action.evidence'), cell: (p) => p.evidence ?? '–' },
            {
              key: 'updated',
              header: t('action.updated'),
              cell: (p) => (p.updatedAt ? `${p.updatedBy ?? ''}, ${format.dateTime(p.updatedAt)}` : '–'),
            },
          ]}
        />
      </section>

      <section aria-labelledby="due-heading" className="panel">
        <h2 id="due-heading">{t('action.dueDateHistory')}</h2>
        <DataTable
          caption={t('action.dueDateHistory')}
          captionHidden
          rows={action.dueDateHistory}
          rowKey={(r) => String(r.revision)}
          empty={t('action.noRebaseline', { date: format.date(action.originalDueDate) })}
          columns={[
            { key: 'revision', header: t('report.revision'), rowHeader: true, numeric: true, cell: (r) => r.revision },
            { key: 'previous', header: t('action.previousDueDate'), cell: (r) => format.date(r.previousDueDate) },
            { key: 'due', header: t('action.newDueDate'), cell: (r) => format.date(r.dueDate) },
            { key: 'reason', header: t('action.reason'), cell: (r) => r.reason },
            {
              key: 'changed',
              header: t('action.updated'),
              cell: (r) => `${r.changedBy}, ${format.dateTime(r.changedAt)}`,
            },
          ]}
        />
      </section>

      <section aria-labelledby="reports-heading" className="panel">
        <h2 id="reports-heading">{t('report.title')}</h2>
        {action.progressReports === null ? (
          <p>
            <Unknown />
          </p>
        ) : periods.length === 0 ? (
          <p>{t('report.none')}</p>
        ) : (
          periods.map((report) => (
            <div key={report.period} className="report-period">
              <h3>{t('report.period', { period: report.period })}</h3>
              <ReportHistory actionCode={action.code} current={report} />
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="indicators-heading" className="panel">
        <h2 id="indicators-heading">{t('indicator.title')}</h2>
        {action.indicators.length === 0 ? <p>{t('indicator.none')}</p> : null}
        {action.measurements === null && action.indicators.length > 0 ? (
          <p>
            {t('indicator.unreadable')} <Unknown />
          </p>
        ) : null}
        {action.indicators.map((indicator) => (
          <div key={indicator.code} className="indicator">
            <IndicatorChart indicator={indicator} measurements={measurements} />
            <ProvinceTable indicator={indicator} measurements={measurements} provinces={result.data?.provinces ?? []} />
          </div>
        ))}
      </section>
    </>
  );
}
