import { useState } from 'react';
import { Button, FieldError, Label, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { AgencyName } from '../../components/AgencyName';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { SelectField } from '../../components/SelectField';
import {
  PartDetailDocument,
  RecordContributionDocument,
  RespondToPartDocument,
  type ActionStatus,
  type AgencyCode,
  type AgencyPartFragment,
  type PartAcceptance,
} from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { STATUSES } from '../plan/filters';
import { useAgencyMutation } from './useAgencyMutation';
import { useAgencyQuery } from './useAgencyQuery';
import { outcome, WriteFeedback, type WriteState } from './WriteFeedback';
import './reporting.css';

function Response({ part, reload }: { part: AgencyPartFragment; reload(): void }) {
  const t = useT();
  const [acceptance, setAcceptance] = useState<PartAcceptance>(
    part.acceptance === 'DECLINED' ? 'DECLINED' : 'ACCEPTED',
  );
  const [reason, setReason] = useState(part.reason ?? '');
  const [tried, setTried] = useState(false);
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  const [{ fetching }, respond] = useAgencyMutation(RespondToPartDocument);
  const reasonMissing = acceptance === 'DECLINED' && reason.trim() === '';
  return (
    <form
      className="report-form"
      aria-labelledby="response-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setTried(true);
        if (reasonMissing) return;
        const result = await respond({
          input: {
            actionCode: part.actionCode,
            acceptance,
            ...(reason.trim() ? { reason } : {}),
            expectedVersion: part.version ?? 0,
          },
        });
        setWrite(outcome(result.error, t('part.responded')));
        if (!result.error) reload();
      }}
    >
      <RadioGroup
        className="field radio-group"
        value={acceptance}
        onChange={(value) => setAcceptance(value === 'DECLINED' ? 'DECLINED' : 'ACCEPTED')}
      >
        <Label>{t('part.answer')}</Label>
        <Radio value="ACCEPTED" className="radio">
          {t('acceptance.ACCEPTED')}
        </Radio>
        <Radio value="DECLINED" className="radio">
          {t('acceptance.DECLINED')}
        </Radio>
      </RadioGroup>
      <TextField
        className="field text-field"
        isRequired={acceptance === 'DECLINED'}
        validationBehavior="aria"
        value={reason}
        onChange={setReason}
        isInvalid={tried && reasonMissing}
      >
        <Label>{acceptance === 'DECLINED' ? t('part.reasonRequired') : t('part.note')}</Label>
        <TextArea rows={3} />
        <FieldError>{t('part.reasonMissing')}</FieldError>
      </TextField>
      <WriteFeedback state={write} onReload={reload} />
      <Button type="submit" className="button" isDisabled={fetching}>
        {t('part.respond')}
      </Button>
    </form>
  );
}

function Contribution({ part, reload }: { part: AgencyPartFragment; reload(): void }) {
  const t = useT();
  const [status, setStatus] = useState<ActionStatus>(part.contributionStatus ?? 'IN_PROGRESS');
  const [evidence, setEvidence] = useState(part.evidence ?? '');
  const [write, setWrite] = useState<WriteState>({ kind: 'idle' });
  const [{ fetching }, recordContribution] = useAgencyMutation(RecordContributionDocument);
  if (part.acceptance !== 'ACCEPTED') return <p className="note">{t('part.acceptFirst')}</p>;
  return (
    <form
      className="report-form"
      aria-labelledby="contribution-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await recordContribution({
          input: {
            actionCode: part.actionCode,
            contributionStatus: status,
            evidence,
            expectedVersion: part.version ?? 0,
          },
        });
        setWrite(outcome(result.error, t('part.contributionRecorded')));
        if (!result.error) reload();
      }}
    >
      <SelectField
        label={t('action.contribution')}
        value={status}
        onChange={(next) => setStatus(STATUSES.find((s) => s === next) ?? status)}
        options={STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))}
      />
      <TextField
        className="field text-field"
        isRequired
        validationBehavior="aria"
        value={evidence}
        onChange={setEvidence}
      >
        <Label>{t('action.evidence')}</Label>
        <TextArea rows={3} />
      </TextField>
      <WriteFeedback state={write} onReload={reload} />
      <Button type="submit" className="button" isDisabled={fetching || evidence.trim() === ''}>
        {t('part.recordContribution')}
      </Button>
    </form>
  );
}

function Part({ agency, code }: { agency: AgencyCode; code: string }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const [result, refetch] = useAgencyQuery(PartDetailDocument, agency, { code });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (result.fetching && !result.data) return <Loading />;
  const part = result.data?.agency?.part;
  const action = result.data?.action;
  if (!part || !action) {
    return (
      <>
        <PageTitle>{code}</PageTitle>
        <ErrorMessage error={result.error} />
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to="/reporting">{t('nav.reporting')}</Link> / {code}
      </p>
      <PageTitle>{t('part.title', { code, title: localized(action.title, action.titleEn) })}</PageTitle>
      <p>
        {t('part.responsible')} <AgencyName agency={action.responsibleAgency} /> ·{' '}
        <Link to={`/actions/${encodeURIComponent(code)}`}>{t('editor.actionPage')}</Link>
      </p>
      <p className="note">
        {part.updatedAt
          ? t('part.lastChange', { who: part.updatedBy ?? '–', date: format.dateTime(part.updatedAt) })
          : t('part.noAnswer')}
      </p>
      <section aria-labelledby="response-heading" className="panel">
        <h2 id="response-heading">{t('part.responseHeading')}</h2>
        <Response part={part} reload={reload} />
      </section>
      <section aria-labelledby="contribution-heading" className="panel">
        <h2 id="contribution-heading">{t('part.contributionHeading')}</h2>
        <Contribution key={`contribution-${part.acceptance ?? ''}`} part={part} reload={reload} />
      </section>
    </>
  );
}

/** The ministry's part in another agency's action: accept or decline it, then record its contribution. */
export function PartPage() {
  const t = useT();
  const { caller } = useAuth();
  const code = useParams().code ?? '';
  if (!caller.agency) {
    return (
      <>
        <PageTitle>{t('reporting.title')}</PageTitle>
        <p>{t('reporting.noAgency')}</p>
      </>
    );
  }
  return <Part agency={caller.agency} code={code} />;
}
