import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { SelectField } from '../../components/SelectField';
import { StatusBadge } from '../../components/StatusBadge';
import { ReportEditorDocument, type AgencyCode, type AgencyReportFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { MeasurementEntry } from './MeasurementEntry';
import { editorPath } from './paths';
import { reportingPeriods } from './periods';
import { ReportEditor } from './ReportForm';
import { useAgencyQuery } from './useAgencyQuery';
import './reporting.css';
import { Review } from '../../components/Review';

function Revisions({ period, history }: { period: string; history: readonly AgencyReportFragment[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable<AgencyReportFragment>
      caption={t('report.history', { period })}
      rows={history}
      rowKey={(r) => r.id}
      empty={t('editor.noRevisions')}
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
        { key: 'authors', header: t('editor.authors'), cell: (r) => r.authors.join(', ') || '–' },
        {
          key: 'review',
          header: t('report.review'),
          wide: true,
          cell: (r) => <Review {...r} />,
        },
      ]}
    />
  );
}

function Editor({ agency, code, period }: { agency: AgencyCode; code: string; period: string }) {
  const t = useT();
  const localized = useLocalized();
  const navigate = useNavigate();
  const [result, refetch] = useAgencyQuery(ReportEditorDocument, agency, { code, period });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (result.fetching && !result.data) return <Loading />;
  const action = result.data?.agency?.action;
  if (!action) {
    return (
      <>
        <PageTitle>{`${code} · ${period}`}</PageTitle>
        <ErrorMessage error={result.error} />
      </>
    );
  }
  const history = action.reportHistory ?? [];
  const current = history.at(-1);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/reporting">{t('nav.reporting')}</Link> / {action.code} / {period}
      </p>
      <PageTitle>
        {t('editor.title', { code: action.code, title: localized(action.title, action.titleEn), period })}
      </PageTitle>
      <ErrorMessage error={result.error} />
      <div className="filters">
        <SelectField
          label={t('editor.period')}
          value={period}
          onChange={(next) => navigate(editorPath(action.code, next))}
          options={reportingPeriods().map((p) => ({ id: p, label: p }))}
        />
        <p>
          <Link to={`/actions/${encodeURIComponent(action.code)}`}>{t('editor.actionPage')}</Link>
        </p>
      </div>
      <section aria-labelledby="editor-heading" className="panel">
        <h2 id="editor-heading">{t('editor.report', { period })}</h2>
        {action.reportHistory === null ? <p className="note">{t('report.historyUnreadable')}</p> : null}
        <ReportEditor actionCode={action.code} period={period} current={current} reload={reload} />
        <Revisions period={period} history={history} />
      </section>
      <section aria-labelledby="measure-heading" className="panel">
        <h2 id="measure-heading">{t('measure.title', { period })}</h2>
        <MeasurementEntry
          action={action}
          period={period}
          provinces={result.data?.provinces ?? []}
          defaultSource={agency.toLowerCase()}
          reload={reload}
        />
      </section>
    </>
  );
}

/** One action's report and indicator values for one quarter, as its ministry enters them. */
export function ReportEditorPage() {
  const t = useT();
  const { caller } = useAuth();
  const params = useParams();
  const code = params.code ?? '';
  const period = params.period ?? '';
  if (!caller.agency) {
    return (
      <>
        <PageTitle>{t('reporting.title')}</PageTitle>
        <p>{t('reporting.noAgency')}</p>
      </>
    );
  }
  // Keyed by action and period: another quarter is another report, with a form of its own.
  return <Editor key={`${code}/${period}`} agency={caller.agency} code={code} period={period} />;
}
