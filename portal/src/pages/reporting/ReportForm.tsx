import { useState } from 'react';
import { Button, FieldError, Input, Label, NumberField, TextArea, TextField } from 'react-aria-components';
import { SelectField } from '../../components/SelectField';
import {
  CorrectReportDocument,
  SaveReportDocument,
  SubmitReportDocument,
  WithdrawReportDocument,
  type ActionStatus,
  type AgencyReportFragment,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { STATUSES } from '../plan/filters';
import { useAgencyMutation, type WriteResult } from './useAgencyMutation';
import { outcome, WriteFeedback, type WriteState } from './WriteFeedback';

interface Draft {
  status: ActionStatus;
  percentComplete: number;
  narrative: string;
}

function draftOf(report: AgencyReportFragment | undefined): Draft {
  return {
    status: report?.status ?? 'IN_PROGRESS',
    percentComplete: report?.percentComplete ?? 0,
    narrative: report?.narrative ?? '',
  };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.status === b.status && a.percentComplete === b.percentComplete && a.narrative === b.narrative;
}

interface EditorProps {
  actionCode: string;
  period: string;
  /** The period's newest revision, if any. */
  current: AgencyReportFragment | undefined;
  /** Loads the period again from the graph (after a write, or to resolve a conflict). */
  reload(): void;
}

/**
 * The report of one action and period as its ministry works on it: an editable draft (new, draft
 * or returned), or a locked report saying why (under review: withdraw; approved: open a correction).
 */
export function ReportEditor(props: EditorProps) {
  const { current } = props;
  if (current?.state === 'SUBMITTED') return <UnderReview {...props} report={current} />;
  if (current?.state === 'APPROVED') return <Approved {...props} report={current} />;
  // Keyed by revision (a new report becomes revision 1), not version: the confirmation of a first
  // save stays, and a reload after a conflict keeps the text being typed.
  return <DraftForm key={current?.revision ?? 1} {...props} />;
}

interface LockedProps {
  report: AgencyReportFragment;
  reload(): void;
  /** Why the period cannot be edited, with its mark. */
  banner: { className: string; mark: string; text: string };
  /** The one way forward from here: withdraw it, or open a correction. */
  action: { label: string; explanation: string; done: string; run(): Promise<WriteResult<unknown>> };
  busy: boolean;
}

function Locked({ report, reload, banner, action, busy }: LockedProps) {
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  return (
    <div className="locked">
      <p className={`banner ${banner.className}`}>
        <span aria-hidden="true">{banner.mark} </span>
        {banner.text}
      </p>
      <ReportSummary report={report} />
      <WriteFeedback state={write} onReload={reload} />
      <Button
        className="button button-plain"
        isDisabled={busy}
        onPress={async () => {
          const result = await action.run();
          setWrite(outcome(result.error, action.done));
          if (!result.error) reload();
        }}
      >
        {action.label}
      </Button>
      <p className="note">{action.explanation}</p>
    </div>
  );
}

function UnderReview({ report, reload }: EditorProps & { report: AgencyReportFragment }) {
  const t = useT();
  const format = useFormat();
  const [{ fetching }, withdraw] = useAgencyMutation(WithdrawReportDocument);
  const when = { who: report.submittedBy ?? '–', date: report.submittedAt ? format.dateTime(report.submittedAt) : '–' };
  return (
    <Locked
      report={report}
      reload={reload}
      busy={fetching}
      banner={{ className: 'banner-info', mark: '◐', text: t('editor.underReview', when) }}
      action={{
        label: t('editor.withdraw'),
        explanation: t('editor.withdrawExplanation'),
        done: t('editor.withdrawn'),
        run: () => withdraw({ input: { id: report.id, expectedVersion: report.version } }),
      }}
    />
  );
}

function Approved({ actionCode, period, report, reload }: EditorProps & { report: AgencyReportFragment }) {
  const t = useT();
  const format = useFormat();
  const [{ fetching }, correct] = useAgencyMutation(CorrectReportDocument);
  const when = { who: report.reviewedBy ?? '–', date: report.reviewedAt ? format.dateTime(report.reviewedAt) : '–' };
  return (
    <Locked
      report={report}
      reload={reload}
      busy={fetching}
      banner={{ className: 'banner-success', mark: '✓', text: t('editor.approved', when) }}
      action={{
        label: t('editor.openCorrection'),
        explanation: t('editor.correctionExplanation'),
        done: t('editor.correctionOpened'),
        run: () => correct({ input: { actionCode, period, expectedVersion: report.version } }),
      }}
    />
  );
}

export function ReportSummary({ report }: { report: AgencyReportFragment }) {
  const t = useT();
  const format = useFormat();
  return (
    <dl className="summary">
      <div>
        <dt>{t('report.revision')}</dt>
        <dd>{report.revision}</dd>
      </div>
      <div>
        <dt>{t('action.status')}</dt>
        <dd>{t(`status.${report.status}`)}</dd>
      </div>
      <div>
        <dt>{t('report.percent')}</dt>
        <dd>{format.percent(report.percentComplete / 100)}</dd>
      </div>
      <div className="summary-wide">
        <dt>{t('report.narrative')}</dt>
        <dd className="narrative">{report.narrative}</dd>
      </div>
    </dl>
  );
}

function DraftForm({ actionCode, period, current, reload }: EditorProps) {
  const t = useT();
  const format = useFormat();
  const saved = draftOf(current);
  const [draft, setDraft] = useState<Draft>(saved);
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  const [{ fetching: saving }, save] = useAgencyMutation(SaveReportDocument);
  const [{ fetching: submitting }, submit] = useAgencyMutation(SubmitReportDocument);
  const dirty = !current || !sameDraft(draft, saved);
  const narrativeMissing = draft.narrative.trim() === '';
  const busy = saving || submitting;

  const onSave = async () => {
    const result = await save({
      input: {
        actionCode,
        period,
        status: draft.status,
        percentComplete: draft.percentComplete,
        narrative: draft.narrative,
        ...(current ? { expectedVersion: current.version } : {}),
      },
    });
    setWrite(outcome(result.error, t('editor.saved')));
    if (!result.error) reload();
  };
  const onSubmit = async () => {
    if (!current) return;
    const result = await submit({ input: { id: current.id, expectedVersion: current.version } });
    setWrite(outcome(result.error, t('editor.submitted')));
    if (!result.error) reload();
  };

  return (
    <form
      className="report-form"
      aria-labelledby="editor-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!narrativeMissing) void onSave();
      }}
    >
      {current?.state === 'RETURNED' ? (
        <div className="banner banner-warning" role="note">
          <p className="banner-title">
            {t('editor.returned', {
              who: current.reviewedBy ?? '–',
              date: current.reviewedAt ? format.dateTime(current.reviewedAt) : '–',
            })}
          </p>
          <blockquote className="review-comment">{current.reviewComment}</blockquote>
        </div>
      ) : null}
      <p className="note">
        {current
          ? t('editor.draftState', {
              state: t(`reportState.${current.state}`),
              revision: current.revision,
              who: current.reportedBy,
              date: format.dateTime(current.reportedAt),
            })
          : t('editor.newReport')}
      </p>
      <div className="form-row">
        <SelectField
          label={t('action.status')}
          value={draft.status}
          onChange={(status) => {
            const next = STATUSES.find((s) => s === status);
            if (next) setDraft({ ...draft, status: next });
          }}
          options={STATUSES.map((status) => ({ id: status, label: t(`status.${status}`) }))}
        />
        <NumberField
          className="field number-field"
          minValue={0}
          maxValue={100}
          step={1}
          value={draft.percentComplete}
          onChange={(value) => setDraft({ ...draft, percentComplete: Number.isNaN(value) ? 0 : Math.round(value) })}
        >
          <Label>{t('editor.percent')}</Label>
          <Input />
        </NumberField>
      </div>
      <TextField
        className="field text-field"
        isRequired
        validationBehavior="aria"
        value={draft.narrative}
        onChange={(narrative) => setDraft({ ...draft, narrative })}
        isInvalid={narrativeMissing && write.kind !== 'idle'}
      >
        <Label>{t('report.narrative')}</Label>
        <TextArea rows={6} />
        <FieldError>{t('editor.narrativeRequired')}</FieldError>
      </TextField>
      <WriteFeedback state={write} onReload={reload} />
      <div className="form-actions">
        <Button type="submit" className="button" isDisabled={busy || narrativeMissing}>
          {t('editor.save')}
        </Button>
        <Button className="button button-plain" isDisabled={busy || dirty} onPress={() => void onSubmit()}>
          {t('editor.submit')}
        </Button>
      </div>
      <p className="note">{dirty ? t('editor.saveBeforeSubmit') : t('editor.submitExplanation')}</p>
    </form>
  );
}
