import type { PlanOverviewQuery } from '../../gql/graphql';
import { DataTable } from '../../components/DataTable';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';

type Strategy = PlanOverviewQuery['strategy'];
type Edition = Strategy['editions'][number];

function AdoptionDates({ edition }: { edition: Edition }) {
  const t = useT();
  const format = useFormat();
  if (edition.adoptionDates.length === 0) return <span className="unknown">{t('common.unknown')}</span>;
  return (
    <>
      {edition.adoptionDateDisputed ? (
        <p className="disputed">
          <span aria-hidden="true">⚠ </span>
          {t('strategy.disputed')}
        </p>
      ) : null}
      <ul className="plain-list">
        {edition.adoptionDates.map((sourced) => (
          <li key={`${sourced.date}-${sourced.source}`}>
            <strong>{format.date(sourced.date)}</strong>{' '}
            <span className="source">
              {t('common.source')}: {sourced.source}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function History({ edition }: { edition: Edition }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  return (
    <details className="history">
      <summary>{t('strategy.history', { title: localized(edition.title, edition.titleEn) })}</summary>
      <ol className="timeline">
        {edition.events.map((event) => (
          <li key={`${event.date}-${event.kind}-${event.description}`}>
            <span className="timeline-date">
              {event.datePrecision === 'MONTH' ? format.month(event.date) : format.date(event.date)}
            </span>{' '}
            <strong>{t(`strategyEvent.${event.kind}`)}</strong>: {event.description}{' '}
            <span className="source">
              {t('common.source')}: {event.source}
            </span>
          </li>
        ))}
      </ol>
      {edition.note ? <p className="note">{edition.note}</p> : null}
    </details>
  );
}

/** The strategy document: its editions, the sources of every adoption date (they disagree), its history. */
export function StrategyPanel({ strategy }: { strategy: Strategy }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <section aria-labelledby="strategy-heading" className="panel">
      <h2 id="strategy-heading">{localized(strategy.title, strategy.titleEn)}</h2>
      <DataTable
        caption={t('strategy.editions')}
        rowKey={(edition) => edition.code}
        rows={strategy.editions}
        columns={[
          {
            key: 'title',
            header: t('strategy.edition'),
            rowHeader: true,
            cell: (edition) => localized(edition.title, edition.titleEn),
          },
          {
            key: 'period',
            header: t('strategy.period'),
            cell: (edition) => `${edition.periodStart}–${edition.periodEnd}`,
          },
          { key: 'adopted', header: t('strategy.adopted'), cell: (edition) => <AdoptionDates edition={edition} /> },
        ]}
      />
      {strategy.editions.map((edition) => (
        <History key={edition.code} edition={edition} />
      ))}
    </section>
  );
}
