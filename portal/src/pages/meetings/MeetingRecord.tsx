import { DateField } from '../../components/DateField';
import { useEffect, useRef, useState } from 'react';
import { Button, Input, Label, TextArea, TextField } from 'react-aria-components';
import {
  CompleteFollowUpDocument,
  RecordDecisionDocument,
  RecordMinutesDocument,
  type AgencyCode,
  type DecisionFieldsFragment,
  type MeetingFieldsFragment,
} from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/SelectField';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { AGENCY_CODES } from '../plan/filters';
import { FollowUpState } from './FollowUpState';
import { useWrite } from './useWrite';
import { WriteError } from './WriteError';

/** One part of the meeting's record; `editable` while it is open and the caller is the secretariat. */
interface SectionProps {
  meeting: MeetingFieldsFragment;
  editable: boolean;
  onChanged(): void;
}

/** The minutes: a draft kept in the form until it is saved, even when the save is refused. */
export function Minutes({ meeting, editable, onChanged }: SectionProps) {
  const t = useT();
  const save = useWrite(RecordMinutesDocument);
  const [draft, setDraft] = useState(meeting.minutes ?? '');
  const [saved, setSaved] = useState(false);
  const recorded = meeting.minutes ?? '';
  // A reload after someone else saved shows their minutes only while this draft is untouched.
  const previous = useRef(recorded);
  useEffect(() => {
    setDraft((current) => (current === previous.current ? recorded : current));
    previous.current = recorded;
  }, [recorded]);
  return (
    <section aria-labelledby="minutes-heading" className="panel">
      <h2 id="minutes-heading">{t('minutes.title')}</h2>
      {editable ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            void save
              .run({ input: { meetingId: meeting.id, minutes: draft, expectedVersion: meeting.version } })
              .then((done) => {
                if (done) {
                  setSaved(true);
                  onChanged();
                }
              });
          }}
        >
          <TextField className="field field-wide" value={draft} onChange={setDraft} isRequired>
            <Label>{t('minutes.label')}</Label>
            <TextArea rows={6} />
          </TextField>
          <Button type="submit" className="button" isDisabled={save.fetching || draft.trim() === ''}>
            {t('minutes.save')}
          </Button>
          <p role="status" className="saved-note">
            {saved && draft === recorded ? t('minutes.saved') : ''}
          </p>
          <WriteError error={save.error} onReload={onChanged} />
        </form>
      ) : recorded ? (
        <p className="minutes">{recorded}</p>
      ) : (
        <p>{t('minutes.none')}</p>
      )}
    </section>
  );
}

function DecisionForm({ meeting, onDone }: { meeting: MeetingFieldsFragment; onDone(): void }) {
  const t = useT();
  const record = useWrite(RecordDecisionDocument);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  return (
    <form
      className="form decision-form"
      aria-labelledby="decision-add-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void record
          .run({
            input: {
              meetingId: meeting.id,
              text,
              ownerAgency: (AGENCY_CODES as readonly string[]).includes(owner) ? (owner as AgencyCode) : null,
              dueDate: dueDate || null,
            },
          })
          .then((done) => {
            if (done) {
              setText('');
              setOwner('');
              setDueDate('');
              onDone();
            }
          });
      }}
    >
      <h3 id="decision-add-heading">{t('decision.add')}</h3>
      <TextField className="field field-wide" value={text} onChange={setText} isRequired>
        <Label>{t('decision.text')}</Label>
        <TextArea rows={3} />
      </TextField>
      <div className="form-row">
        <SelectField
          label={t('decision.owner')}
          value={owner}
          onChange={setOwner}
          options={[
            { id: '', label: t('decision.pickOwner') },
            ...AGENCY_CODES.map((code) => ({ id: code, label: t(`agency.${code}`) })),
          ]}
        />
        <DateField label={t('decision.dueDate')} value={dueDate} onChange={setDueDate} />
      </div>
      <Button type="submit" className="button" isDisabled={record.fetching}>
        {t('decision.save')}
      </Button>
      <WriteError error={record.error} onReload={onDone} />
    </form>
  );
}

export function Decisions({ meeting, editable, onChanged }: SectionProps) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="decisions-heading" className="panel">
      <h2 id="decisions-heading">{t('decision.title')}</h2>
      {meeting.recordedDecisions.length > 0 ? (
        <>
          <h3>{t('decision.recorded')}</h3>
          <ul>
            {meeting.recordedDecisions.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      <DataTable<DecisionFieldsFragment>
        caption={t('decision.title')}
        captionHidden
        rows={meeting.decisions}
        rowKey={(d) => d.id}
        empty={t('decision.none')}
        columns={[
          { key: 'text', header: t('decision.text'), rowHeader: true, cell: (d) => d.text },
          { key: 'owner', header: t('decision.owner'), cell: (d) => <AgencyName agency={d.ownerAgency} /> },
          { key: 'due', header: t('decision.dueDate'), cell: (d) => format.date(d.dueDate) },
          {
            key: 'state',
            header: t('decision.state'),
            cell: (d) => <FollowUpState status={d.status} overdue={d.overdue} />,
          },
          {
            key: 'by',
            header: t('decision.recordedBy'),
            cell: (d) => `${d.recordedBy}, ${format.dateTime(d.recordedAt)}`,
          },
        ]}
      />
      {editable ? <DecisionForm meeting={meeting} onDone={onChanged} /> : null}
    </section>
  );
}

function CompleteForm({ decision, onDone }: { decision: DecisionFieldsFragment; onDone(): void }) {
  const t = useT();
  const complete = useWrite(CompleteFollowUpDocument);
  const [note, setNote] = useState('');
  return (
    <form
      className="form form-inline"
      onSubmit={(event) => {
        event.preventDefault();
        void complete
          .run({ input: { decisionId: decision.id, note, expectedVersion: decision.version } })
          .then((done) => {
            if (done) {
              setNote('');
              onDone();
            }
          });
      }}
    >
      <TextField className="field" value={note} onChange={setNote} isRequired>
        <Label>{t('followUp.doneNote')}</Label>
        <Input />
      </TextField>
      <Button type="submit" className="button" isDisabled={complete.fetching || note.trim() === ''}>
        {t('followUp.complete')}
      </Button>
      <WriteError error={complete.error} onReload={onDone} />
    </form>
  );
}

/** Earlier meetings' decisions carried onto this agenda: done, late or still open. */
export function FollowUps({ meeting, editable, onChanged }: SectionProps) {
  const t = useT();
  const format = useFormat();
  const carried = meeting.agenda.flatMap((item) => (item.carriedFrom ? [item.carriedFrom] : []));
  return (
    <section aria-labelledby="followups-heading" className="panel">
      <h2 id="followups-heading">{t('followUp.title')}</h2>
      <DataTable<DecisionFieldsFragment>
        caption={t('followUp.title')}
        captionHidden
        rows={carried}
        rowKey={(d) => d.id}
        empty={t('followUp.none')}
        columns={[
          { key: 'text', header: t('decision.text'), rowHeader: true, cell: (d) => d.text },
          {
            key: 'meeting',
            header: t('decision.meeting'),
            cell: (d) => `${d.meeting.title} (${format.date(d.meeting.date)})`,
          },
          { key: 'owner', header: t('decision.owner'), cell: (d) => <AgencyName agency={d.ownerAgency} short /> },
          { key: 'due', header: t('decision.dueDate'), cell: (d) => format.date(d.dueDate) },
          {
            key: 'state',
            header: t('decision.state'),
            cell: (d) => (
              <>
                <FollowUpState status={d.status} overdue={d.overdue} />
                {d.doneNote ? <p className="note">{d.doneNote}</p> : null}
                {editable && d.status === 'OPEN' ? <CompleteForm decision={d} onDone={onChanged} /> : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
