import { useState, type ReactNode } from 'react';
import { Button, FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import {
  ApprovalQueueDocument,
  ApproveReportDocument,
  ReturnReportDocument,
  type AgencyCode,
  type AgencyReportFragment,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { editorPath } from '../reporting/paths';
import { useAgencyMutation, type WriteResult } from '../reporting/useAgencyMutation';
import { useAgencyQuery } from '../reporting/useAgencyQuery';
import { outcome, WriteFeedback, type WriteState } from '../reporting/WriteFeedback';
import '../reporting/reporting.css';

interface Comparison {
  key: string;
  field: string;
  before: ReactNode;
  after: ReactNode;
  changed: boolean;
}

/** The submitted revision field by field beside the approved one it would replace or follow. */
function Compare({ report, previous }: { report: AgencyReportFragment; previous: AgencyReportFragment | null }) {
  const t = useT();
  const format = useFormat();
  const field = (key: string, label: string, show: (r: AgencyReportFragment) => string): Comparison => {
    const after = show(report);
    const before = previous ? show(previous) : null;
    return { key, field: label, before: before ?? '–', after, changed: before !== after };
  };
  const rows = [
    field('period', t('editor.period'), (r) => `${r.period} (${t('report.revision')} ${r.revision})`),
    field('status', t('action.status'), (r) => t(`status.${r.status}`)),
    field('percent', t('report.percent'), (r) => format.percent(r.percentComplete / 100)),
    field('narrative', t('report.narrative'), (r) => r.narrative),
  ];
  return (
    <DataTable<Comparison>
      caption={t('review.compareCaption')}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { key: 'field', header: t('review.field'), rowHeader: true, cell: (row) => row.field },
        {
          key: 'before',
          header: previous
            ? t('review.previous', { period: previous.period, revision: previous.revision })
            : t('review.noPrevious'),
          wide: true,
          cell: (row) => <span className="narrative">{row.before}</span>,
        },
        {
          key: 'after',
          header: t('review.submitted'),
          wide: true,
          cell: (row) => (
            <span className={row.changed ? 'changed narrative' : 'narrative'}>
              {row.changed ? <strong className="changed-mark">{t('review.changed')} </strong> : null}
              {row.after}
            </span>
          ),
        },
      ]}
    />
  );
}

function Decision({ report, onDecided }: { report: AgencyReportFragment; onDecided(message: string): void }) {
  const t = useT();
  const { caller } = useAuth();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  const [{ fetching: approving }, approve] = useAgencyMutation(ApproveReportDocument);
  const [{ fetching: returning }, sendBack] = useAgencyMutation(ReturnReportDocument);
  const busy = approving || returning;
  const own = report.authors.includes(caller.username);
  const commentMissing = comment.trim() === '';
  const settle = (error: WriteResult<unknown>['error'], message: string) =>
    error ? setWrite(outcome(error, message)) : onDecided(message);
  return (
    <>
      {own ? (
        <p className="banner banner-info" role="note">
          {t('review.ownReport')}
        </p>
      ) : null}
      <WriteFeedback state={write} />
      {own ? null : (
        <div className="decision">
          <div className="report-form">
            <h3>{t('review.approveHeading')}</h3>
            <p className="note">{t('review.approveExplanation')}</p>
            <Button
              className="button"
              isDisabled={busy}
              onPress={async () => {
                const result = await approve({ input: { id: report.id, expectedVersion: report.version } });
                settle(result.error, t('review.approved'));
              }}
            >
              {t('review.approve')}
            </Button>
          </div>
          <form
            className="report-form"
            aria-labelledby="return-heading"
            onSubmit={async (event) => {
              event.preventDefault();
              setTried(true);
              if (commentMissing) return;
              const result = await sendBack({ input: { id: report.id, expectedVersion: report.version, comment } });
              settle(result.error, t('review.returned'));
            }}
          >
            <h3 id="return-heading">{t('review.returnHeading')}</h3>
            <TextField
              className="field text-field"
              isRequired
              validationBehavior="aria"
              value={comment}
              onChange={setComment}
              isInvalid={tried && commentMissing}
            >
              <Label>{t('review.comment')}</Label>
              <TextArea rows={4} />
              <FieldError>{t('review.commentRequired')}</FieldError>
            </TextField>
            <Button type="submit" className="button button-plain" isDisabled={busy}>
              {t('review.return')}
            </Button>
          </form>
        </div>
      )}
    </>
  );
}

function Review({ agency, id }: { agency: AgencyCode; id: string }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const [result] = useAgencyQuery(ApprovalQueueDocument, agency, {});
  // Once decided, the report leaves the queue (which reloads): the confirmation stays on its own.
  const [decided, setDecided] = useState<{ report: AgencyReportFragment; message: string } | null>(null);
  if (decided) {
    return (
      <>
        <PageTitle>{t('review.title')}</PageTitle>
        <WriteFeedback state={{ kind: 'done', message: decided.message }} />
        <p>
          <Link to="/approvals">{t('review.backToQueue')}</Link> ·{' '}
          <Link to={`/actions/${encodeURIComponent(decided.report.actionCode)}`}>{t('editor.actionPage')}</Link>
        </p>
      </>
    );
  }
  if (result.fetching && !result.data) return <Loading />;
  const queue = result.data?.agency;
  if (!queue) return <ErrorMessage error={result.error} />;
  const report = queue.pendingReview.find((r) => r.id === id);
  if (!report) {
    return (
      <>
        <PageTitle>{t('review.title')}</PageTitle>
        <p>{t('review.notPending')}</p>
        <p>
          <Link to="/approvals">{t('review.backToQueue')}</Link>
        </p>
      </>
    );
  }
  const action = queue.actions.find((a) => a.code === report.actionCode);
  const previous = report.previousApproved ?? null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/approvals">{t('nav.approvals')}</Link> / {report.actionCode} / {report.period}
      </p>
      <PageTitle>
        {t('editor.title', {
          code: report.actionCode,
          title: action ? localized(action.title, action.titleEn) : '',
          period: report.period,
        })}
      </PageTitle>
      <p className="note">
        {t('review.submittedBy', {
          who: report.submittedBy ?? '–',
          date: report.submittedAt ? format.dateTime(report.submittedAt) : '–',
          authors: report.authors.join(', '),
        })}{' '}
        <Link to={editorPath(report.actionCode, report.period)}>{t('review.openEditor')}</Link>
      </p>
      <section aria-labelledby="compare-heading" className="panel">
        <h2 id="compare-heading">{t('review.compareHeading')}</h2>
        <Compare report={report} previous={previous} />
      </section>
      <section aria-labelledby="decision-heading" className="panel">
        <h2 id="decision-heading">{t('review.decisionHeading')}</h2>
        <Decision report={report} onDecided={(message) => setDecided({ report, message })} />
      </section>
    </>
  );
}

/** One submitted report beside the approved one, with the focal point's approve or return. */
export function ReviewPage() {
  const t = useT();
  const { caller } = useAuth();
  const id = useParams().id ?? '';
  if (!caller.agency) {
    return (
      <>
        <PageTitle>{t('review.title')}</PageTitle>
        <p>{t('reporting.noAgency')}</p>
      </>
    );
  }
  return <Review agency={caller.agency} id={id} />;
}
