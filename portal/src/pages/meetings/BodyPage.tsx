import { DateField } from '../../components/DateField';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useQuery } from 'urql';
import { CoordinationBodyMeetingsDocument, ScheduleMeetingDocument, type BodyFieldsFragment } from '../../gql/graphql';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/claims';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { useWrite } from './useWrite';
import { WriteError } from './WriteError';
import './boards.css';

function ScheduleForm({ body, onScheduled }: { body: BodyFieldsFragment; onScheduled(id: string): void }) {
  const t = useT();
  const schedule = useWrite(ScheduleMeetingDocument);
  const [date, setDate] = useState('');
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const numbered = body.level === 'CENTRAL';
  return (
    <section aria-labelledby="schedule-heading" className="panel">
      <h2 id="schedule-heading">{t('schedule.title')}</h2>
      <p className="note">{t('schedule.explanation')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = Number.parseInt(number, 10);
          void schedule
            .run({
              input: { bodyId: body.id, date, title, number: Number.isFinite(parsed) ? parsed : null },
            })
            .then((done) => {
              const id = done?.family?.scheduleMeeting?.id;
              if (id) onScheduled(id);
            });
        }}
      >
        <div className="form-row">
          <DateField label={t('meeting.date')} value={date} onChange={setDate} isRequired />
          <TextField className="field" value={number} onChange={setNumber} inputMode="numeric" isRequired={numbered}>
            <Label>{numbered ? t('meeting.number') : t('schedule.numberOptional')}</Label>
            <Input />
          </TextField>
        </div>
        <TextField className="field field-wide" value={title} onChange={setTitle} isRequired>
          <Label>{t('schedule.meetingTitle')}</Label>
          <Input />
        </TextField>
        <Button type="submit" className="button" isDisabled={schedule.fetching}>
          {t('schedule.save')}
        </Button>
        <WriteError error={schedule.error} />
      </form>
    </section>
  );
}

/** A coordination body and its meetings; the secretariat schedules the next one here. */
export function BodyPage() {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const navigate = useNavigate();
  const { caller } = useAuth();
  const id = useParams().bodyId ?? '';
  const [result] = useQuery({ query: CoordinationBodyMeetingsDocument, variables: { id } });
  if (result.fetching && !result.data) return <Loading />;
  const body = result.data?.coordinationBody;
  if (!body) {
    return (
      <>
        <PageTitle>{id}</PageTitle>
        <ErrorMessage error={result.error} />
      </>
    );
  }
  const meetings = [...body.meetings].reverse();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/meetings">{t('nav.meetings')}</Link> / {localized(body.name, body.nameEn)}
      </p>
      <PageTitle>{localized(body.name, body.nameEn)}</PageTitle>
      <dl className="summary">
        <div>
          <dt>{t('body.level')}</dt>
          <dd>{t(`level.${body.level}`)}</dd>
        </div>
        {body.province ? (
          <div>
            <dt>{t('body.province')}</dt>
            <dd>{`${body.province.plateCode} ${body.province.name}`}</dd>
          </div>
        ) : null}
        {body.district ? (
          <div>
            <dt>{t('body.district')}</dt>
            <dd>{body.district}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('body.chair')}</dt>
          <dd>{body.chair}</dd>
        </div>
        <div>
          <dt>{t('body.frequency')}</dt>
          <dd>{body.meetingFrequency}</dd>
        </div>
        {body.secretariat ? (
          <div>
            <dt>{t('body.secretariat')}</dt>
            <dd>{body.secretariat}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('common.source')}</dt>
          <dd>{body.source}</dd>
        </div>
      </dl>
      {body.note ? <p className="note">{body.note}</p> : null}
      <section aria-labelledby="body-meetings-heading" className="panel">
        <h2 id="body-meetings-heading">{t('body.meetings')}</h2>
        <DataTable
          caption={t('body.meetings')}
          captionHidden
          rows={meetings}
          rowKey={(m) => m.id}
          empty={t('body.noMeetings')}
          columns={[
            {
              key: 'title',
              header: t('meeting.title'),
              rowHeader: true,
              cell: (m) => <Link to={`/meetings/${encodeURIComponent(m.id)}`}>{m.title}</Link>,
            },
            { key: 'date', header: t('meeting.date'), cell: (m) => format.date(m.date) },
            { key: 'number', header: t('meeting.number'), numeric: true, cell: (m) => m.number ?? '–' },
            { key: 'state', header: t('meeting.state'), cell: (m) => t(`meetingState.${m.state}`) },
          ]}
        />
      </section>
      {hasRole(caller, 'secretariat') ? (
        <ScheduleForm body={body} onScheduled={(meetingId) => navigate(`/meetings/${encodeURIComponent(meetingId)}`)} />
      ) : null}
    </>
  );
}
