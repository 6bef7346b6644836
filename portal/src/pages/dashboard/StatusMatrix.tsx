import type { ActionStatus, AgencyCode, BoardDashboardQuery } from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { StatusBadge } from '../../components/StatusBadge';
import { Unknown } from '../../components/Unknown';
import { compareTr } from '../../i18n/collate';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { AGENCY_CODES, STATUSES } from '../plan/filters';

type Action = BoardDashboardQuery['actions'][number];
type Cell = { counts: Map<ActionStatus | 'UNKNOWN', number>; total: number };

function cellOf(actions: readonly Action[]): Cell {
  const counts = new Map<ActionStatus | 'UNKNOWN', number>();
  for (const action of actions) {
    const key = action.status ?? 'UNKNOWN';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, total: actions.length };
}

function CellContent({ cell }: { cell: Cell }) {
  const t = useT();
  if (cell.total === 0) return <span className="matrix-empty">{t('dashboard.noActions')}</span>;
  return (
    <ul className="matrix-cell">
      {STATUSES.filter((status) => cell.counts.has(status)).map((status) => (
        <li key={status}>
          <StatusBadge status={status} /> <span className="matrix-count">{cell.counts.get(status)}</span>
        </li>
      ))}
      {cell.counts.has('UNKNOWN') ? (
        <li>
          <Unknown /> <span className="matrix-count">{cell.counts.get('UNKNOWN')}</span>
        </li>
      ) : null}
    </ul>
  );
}

/** Every status as the matrix draws it: the word and a mark beside the colour. */
export function StatusLegend() {
  const t = useT();
  return (
    <div className="legend" aria-labelledby="legend-heading">
      <p id="legend-heading" className="legend-title">
        {t('dashboard.legend')}
      </p>
      <ul>
        {STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge status={status} />
          </li>
        ))}
        <li>
          <Unknown /> {t('dashboard.unknownLegend')}
        </li>
      </ul>
    </div>
  );
}

/** Actions by goal (rows) and responsible ministry (columns): each cell the count per status. */
export function StatusMatrix({ actions }: { actions: readonly Action[] }) {
  const t = useT();
  const localized = useLocalized();
  const goals = [...new Map(actions.map((a) => [a.goal.code, a.goal])).values()].sort((a, b) =>
    compareTr(a.code, b.code),
  );
  const agencies: AgencyCode[] = AGENCY_CODES.filter((agency) => actions.some((a) => a.responsibleAgency === agency));
  return (
    <div className="data-table">
      <div className="table-scroll" role="region" aria-label={t('dashboard.matrix')} tabIndex={0}>
        <table className="matrix">
          <caption className="visually-hidden">{t('dashboard.matrix')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('action.goal')}</th>
              {agencies.map((agency) => (
                <th key={agency} scope="col" data-agency={agency}>
                  <AgencyName agency={agency} short />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {goals.map((goal) => (
              <tr key={goal.code} data-goal={goal.code}>
                <th scope="row">
                  <span className="code">{goal.code}</span> {localized(goal.title, goal.titleEn)}
                </th>
                {agencies.map((agency) => (
                  <td key={agency} data-agency={agency}>
                    <CellContent
                      cell={cellOf(actions.filter((a) => a.goal.code === goal.code && a.responsibleAgency === agency))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
