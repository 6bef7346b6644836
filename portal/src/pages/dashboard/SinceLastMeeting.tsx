import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { SinceLastMeetingDocument, type SinceLastMeetingQuery } from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';

type Agency = SinceLastMeetingQuery['changesSinceLastMeeting']['agencies'][number];

function Group<T>({
  title,
  rows,
  render,
}: {
  title: string;
  /** null: the agency could not be read, so nothing is known, which is not "nothing changed". */
  rows: readonly T[] | null;
  render(row: T): ReactNode;
}) {
  const t = useT();
  if (rows !== null && rows.length === 0) return null;
  return (
    <div className="change-group">
      <h4>{title}</h4>
      {rows === null ? (
        <p className="unknown">{t('common.unknown')}</p>
      ) : (
        <ul>
          {rows.map((row, index) => (
            <li key={index}>{render(row)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AgencyChanges({ changes }: { changes: Agency }) {
  const t = useT();
  const format = useFormat();
  const number = (value: number | null) => (value === null ? t('common.unknown') : format.number(value));
  const lists = [
    changes.statusChanges,
    changes.reportReviews,
    changes.newlyOverdue,
    changes.indicatorMovements,
    changes.rebaselined,
    changes.decisionsDone,
    changes.decisionsLate,
  ];
  const nothing = changes.available && lists.every((list) => list !== null && list.length === 0);
  return (
    <section className="agency-changes" aria-labelledby={`changes-${changes.agency}`} data-agency={changes.agency}>
      <h3 id={`changes-${changes.agency}`}>
        <AgencyName agency={changes.agency} />
      </h3>
      {!changes.available ? (
        <p className="banner banner-warning unavailable-agency">
          <span aria-hidden="true">⚠ </span>
          {t('since.unavailable', { agency: t(`agency.${changes.agency}`) })}
        </p>
      ) : null}
      {nothing ? <p>{t('since.noChange')}</p> : null}
      <Group
        title={t('since.statusChanges')}
        rows={changes.statusChanges ?? null}
        render={(c) => (
          <>
            <strong>{c.actionCode}</strong> {c.title}: <StatusBadge status={c.from} /> → <StatusBadge status={c.to} />
          </>
        )}
      />
      <Group
        title={t('since.reportReviews')}
        rows={changes.reportReviews ?? null}
        render={(r) => (
          <>
            <strong>{r.actionCode}</strong> {r.period} ({t('report.revision')} {r.revision}):{' '}
            {t(`reportState.${r.state}`)}, <StatusBadge status={r.status} /> · {r.reviewedBy ?? ''}{' '}
            {format.dateTime(r.reviewedAt)}
            {r.reviewComment ? <blockquote className="review-comment">{r.reviewComment}</blockquote> : null}
          </>
        )}
      />
      <Group
        title={t('since.newlyOverdue')}
        rows={changes.newlyOverdue ?? null}
        render={(a) => (
          <>
            <strong>{a.actionCode}</strong> {a.title}: {format.date(a.dueDate)},{' '}
            {t('action.daysOverdue', { days: a.daysOverdue })} <StatusBadge status={a.status} />
          </>
        )}
      />
      <Group
        title={t('since.indicatorMovements')}
        rows={changes.indicatorMovements ?? null}
        render={(m) => (
          <>
            <strong>{m.indicatorCode}</strong> {m.name}: {number(m.thenValue)}
            {m.thenPeriod ? ` (${m.thenPeriod})` : ''} → {number(m.nowValue)}
            {m.nowPeriod ? ` (${m.nowPeriod})` : ''} {m.unit}
          </>
        )}
      />
      <Group
        title={t('since.rebaselined')}
        rows={changes.rebaselined}
        render={(r) => (
          <>
            <strong>{r.actionCode}</strong> {r.title}: {format.date(r.previousDueDate)} → {format.date(r.dueDate)} ·{' '}
            {r.reason}
          </>
        )}
      />
      <Group
        title={t('since.decisionsDone')}
        rows={changes.decisionsDone}
        render={(d) => (
          <>
            {d.text} ({format.date(d.dueDate)})
          </>
        )}
      />
      <Group
        title={t('since.decisionsLate')}
        rows={changes.decisionsLate}
        render={(d) => (
          <>
            {d.text} ({t('action.dueDate')} {format.date(d.dueDate)})
          </>
        )}
      />
    </section>
  );
}

/** "Since the last meeting" of one body, grouped by ministry. */
export function SinceLastMeeting({ bodyId }: { bodyId: string }) {
  const t = useT();
  const format = useFormat();
  const [result] = useQuery({ query: SinceLastMeetingDocument, variables: { bodyId } });
  if (result.fetching && !result.data) return <Loading />;
  const changes = result.data?.changesSinceLastMeeting;
  if (!changes) return <ErrorMessage error={result.error} />;
  if (!changes.since) return <p>{t('since.noClosedMeeting')}</p>;
  return (
    <>
      <p>
        {t('since.comparedWith', {
          title: changes.since.title,
          date: format.date(changes.since.date),
          closed: changes.sinceClosedAt ? format.dateTime(changes.sinceClosedAt) : '–',
        })}
      </p>
      {!changes.baselineComplete ? <p className="note">{t('since.baselineIncomplete')}</p> : null}
      <div className="agency-changes-list">
        {changes.agencies.map((agency) => (
          <AgencyChanges key={agency.agency} changes={agency} />
        ))}
      </div>
    </>
  );
}
