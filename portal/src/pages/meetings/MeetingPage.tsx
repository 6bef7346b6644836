import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Dialog, DialogTrigger, Heading, Modal } from 'react-aria-components';
import { useQuery } from 'urql';
import {
  CloseMeetingDocument,
  MeetingBoardPackDocument,
  MeetingDetailDocument,
  type MeetingFieldsFragment,
} from '../../gql/graphql';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/claims';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { AgendaEditor, useGoalOptions } from './AgendaEditor';
import { BoardPackView } from './BoardPackView';
import { Decisions, FollowUps, Minutes } from './MeetingRecord';
import { useWrite } from './useWrite';
import { WriteError } from './WriteError';
import './boards.css';

function CloseMeeting({ meeting, onClosed }: { meeting: MeetingFieldsFragment; onClosed(): void }) {
  const t = useT();
  const close = useWrite(CloseMeetingDocument);
  return (
    <section aria-labelledby="close-heading" className="panel">
      <h2 id="close-heading">{t('close.title')}</h2>
      <p>{t('close.explanation')}</p>
      <DialogTrigger>
        <Button className="button">{t('close.button')}</Button>
        <Modal className="modal" isDismissable>
          <Dialog className="dialog" role="alertdialog">
            {({ close: dismiss }) => (
              <>
                <Heading slot="title">{t('close.confirmTitle', { title: meeting.title })}</Heading>
                <p>{t('close.confirmText')}</p>
                <div className="button-row">
                  <Button className="button button-plain" onPress={dismiss} autoFocus>
                    {t('close.cancel')}
                  </Button>
                  <Button
                    className="button"
                    isDisabled={close.fetching}
                    onPress={() => {
                      void close
                        .run({ input: { meetingId: meeting.id, expectedVersion: meeting.version } })
                        .then((done) => {
                          dismiss();
                          if (done) onClosed();
                        });
                    }}
                  >
                    {t('close.confirm')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </DialogTrigger>
      <WriteError error={close.error} onReload={onClosed} />
    </section>
  );
}

/** One meeting: its agenda, minutes, decisions and follow-ups, closing it, and its board pack. */
export function MeetingPage() {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  const { caller } = useAuth();
  const id = useParams().meetingId ?? '';
  const [result, reexecute] = useQuery({ query: MeetingDetailDocument, variables: { id } });
  const [packResult, reexecutePack] = useQuery({ query: MeetingBoardPackDocument, variables: { meetingId: id } });
  const reload = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
    reexecutePack({ requestPolicy: 'network-only' });
  }, [reexecute, reexecutePack]);
  const goals = useGoalOptions(result.data);
  if (result.fetching && !result.data) return <Loading />;
  const meeting = result.data?.meeting;
  if (!meeting) {
    return (
      <>
        <PageTitle>{id}</PageTitle>
        <ErrorMessage error={result.error} />
      </>
    );
  }
  const editable = meeting.state === 'OPEN' && hasRole(caller, 'secretariat');
  const body = meeting.body;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/meetings">{t('nav.meetings')}</Link> /{' '}
        <Link to={`/meetings/bodies/${encodeURIComponent(body.id)}`}>{localized(body.name, body.nameEn)}</Link> /{' '}
        {meeting.id}
      </p>
      <PageTitle>{meeting.title}</PageTitle>
      <ErrorMessage error={result.error} />
      <dl className="summary">
        <div>
          <dt>{t('meeting.body')}</dt>
          <dd>{localized(body.name, body.nameEn)}</dd>
        </div>
        <div>
          <dt>{t('meeting.date')}</dt>
          <dd>{format.date(meeting.date)}</dd>
        </div>
        {meeting.number !== null ? (
          <div>
            <dt>{t('meeting.number')}</dt>
            <dd>{meeting.number}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('meeting.state')}</dt>
          <dd>
            <span className={`meeting-state meeting-${meeting.state.toLowerCase()}`}>
              {t(`meetingState.${meeting.state}`)}
            </span>
          </dd>
        </div>
        {meeting.closedAt ? (
          <div>
            <dt>{t('meeting.closed')}</dt>
            <dd>
              {format.dateTime(meeting.closedAt)}
              {meeting.closedBy ? `, ${meeting.closedBy}` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('common.source')}</dt>
          <dd>{meeting.source}</dd>
        </div>
      </dl>
      {meeting.summary ? <p>{meeting.summary}</p> : null}
      {meeting.state === 'CLOSED' ? (
        <p className="banner banner-info" role="note">
          {t('meeting.closedNote')}
        </p>
      ) : !hasRole(caller, 'secretariat') ? (
        <p className="note">{t('meeting.readOnly')}</p>
      ) : null}
      <AgendaEditor meeting={meeting} goals={goals} editable={editable} onChanged={reload} />
      <FollowUps meeting={meeting} editable={editable} onChanged={reload} />
      <Minutes key={meeting.id} meeting={meeting} editable={editable} onChanged={reload} />
      <Decisions meeting={meeting} editable={editable} onChanged={reload} />
      {editable ? <CloseMeeting meeting={meeting} onClosed={reload} /> : null}
      {packResult.data ? (
        <BoardPackView pack={packResult.data.boardPack} error={packResult.error} />
      ) : packResult.fetching ? (
        <Loading />
      ) : (
        <section aria-labelledby="pack-heading" className="panel">
          <h2 id="pack-heading">{t('pack.title')}</h2>
          <ErrorMessage error={packResult.error} />
        </section>
      )}
    </>
  );
}
