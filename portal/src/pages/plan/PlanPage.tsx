import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PlanOverviewDocument } from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PartialDataBanner } from '../../components/PartialDataBanner';
import { StatusBadge } from '../../components/StatusBadge';
import { OrUnknown } from '../../components/Unknown';
import { useFormat } from '../../i18n/format';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { ActionFilters } from './ActionFilters';
import { filterFromParams, PARAM_OF } from './filters';
import { PlanTree } from './PlanTree';
import { StrategyPanel } from './StrategyPanel';
import { PAGE_SIZE, useActionList, type ActionFilter, type ActionListItem } from './useActionList';

function ActionTable({ filter }: { filter: ActionFilter }) {
  const t = useT();
  const format = useFormat();
  const localized = useLocalized();
  // The cursors of the pages already seen, so "previous" goes back without the graph paging backwards.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const list = useActionList(filter, after);
  const from = (cursors.length - 1) * PAGE_SIZE + (list.actions.length > 0 ? 1 : 0);
  const to = (cursors.length - 1) * PAGE_SIZE + list.actions.length;
  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">{t('plan.actions')}</h2>
      <PartialDataBanner error={list.error} />
      <ErrorMessage error={list.error} />
      {list.unavailableAgencies.length > 0 ? (
        <p className="note">
          {t('plan.leftOut', {
            agencies: format.list(list.unavailableAgencies.map((agency) => t(`agency.${agency}`))),
          })}
        </p>
      ) : null}
      {filter.status === 'UNKNOWN' ? <p className="note">{t('plan.unknownOnPage')}</p> : null}
      {list.fetching && list.actions.length === 0 ? (
        <Loading />
      ) : (
        <>
          <p role="status" className="result-count">
            {list.total === null
              ? t('plan.countWithoutTotal', { from, to })
              : t('plan.count', { from, to, total: list.total })}
          </p>
          <DataTable<ActionListItem>
            caption={t('plan.actions')}
            captionHidden
            rows={list.actions}
            rowKey={(action) => action.code}
            empty={t('plan.none')}
            columns={[
              {
                key: 'code',
                header: t('action.code'),
                rowHeader: true,
                cell: (action) => <Link to={`/actions/${encodeURIComponent(action.code)}`}>{action.code}</Link>,
              },
              {
                key: 'title',
                header: t('action.title'),
                wide: true,
                cell: (action) => localized(action.title, action.titleEn),
              },
              {
                key: 'agency',
                header: t('action.responsible'),
                cell: (action) => <AgencyName agency={action.responsibleAgency} short />,
              },
              { key: 'status', header: t('action.status'), cell: (action) => <StatusBadge status={action.status} /> },
              {
                key: 'overall',
                header: t('action.overallStatus'),
                cell: (action) => <StatusBadge status={action.overallStatus} />,
              },
              { key: 'due', header: t('action.dueDate'), cell: (action) => format.date(action.dueDate) },
              {
                key: 'overdue',
                header: t('action.overdue'),
                cell: (action) => (
                  <OrUnknown value={action.overdue}>
                    {(overdue) =>
                      overdue ? (
                        <span className="overdue">{t('action.daysOverdue', { days: action.daysOverdue ?? 0 })}</span>
                      ) : (
                        t('common.no')
                      )
                    }
                  </OrUnknown>
                ),
              },
            ]}
          />
          <nav className="pager" aria-label={t('plan.pages')}>
            <button
              type="button"
              className="button"
              disabled={cursors.length === 1}
              onClick={() => setCursors((seen) => seen.slice(0, -1))}
            >
              {t('plan.previousPage')}
            </button>
            <span>{t('plan.pageNumber', { page: cursors.length })}</span>
            <button
              type="button"
              className="button"
              disabled={!list.nextCursor}
              onClick={() => setCursors((seen) => (list.nextCursor ? [...seen, list.nextCursor] : seen))}
            >
              {t('plan.nextPage')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** The plan browser: strategy → areas → goals → actions, with filters kept in the address. */
export function PlanPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const [overview] = useQuery({ query: PlanOverviewDocument });
  const change = useCallback(
    (changes: Partial<Record<keyof ActionFilter, string>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as [keyof ActionFilter, string][]) {
            if (value) next.set(PARAM_OF[key], value);
            else next.delete(PARAM_OF[key]);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const data = overview.data;
  return (
    <>
      <PageTitle>{t('plan.title')}</PageTitle>
      <ErrorMessage error={overview.error} />
      {!data ? (
        overview.fetching ? (
          <Loading />
        ) : null
      ) : (
        <div className="plan-layout">
          <div className="plan-side">
            <PlanTree areas={data.areas} selectedGoal={filter.goalCode} />
          </div>
          <div className="plan-main">
            <StrategyPanel strategy={data.strategy} />
            <ActionFilters filter={filter} areas={data.areas} onChange={change} />
            {/* A new filter starts again at the first page. */}
            <ActionTable key={params.toString()} filter={filter} />
          </div>
        </div>
      )}
    </>
  );
}
