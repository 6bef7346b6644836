import type { ActionStatus, AgencyCode, BoardDashboardQuery } from '../../gql/graphql';
import { AgencyName } from '../../components/AgencyName';
import { StatusBadge } from '../../components/StatusBadge';
import { Unknown } from '../../components/Unknown';
import { compareTr } from '../../i18n/collate';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { AGENCY_CODES, STATUSES } from '../plan/filters';

type MatrixCell = BoardDashboardQuery['statusMatrix'][number];
type Cell = { counts: Map<ActionStatus | 'UNKNOWN', number>; total: number };

/** A cell's counts as the badges list them; an agency that cannot be read makes all its actions unknown. */
function cellOf(cell: MatrixCell | undefined): Cell {
  if (!cell) return { counts: new Map(), total: 0 };
  const c = cell.counts;
  const entries: [ActionStatus | 'UNKNOWN', number][] = c
    ? [
        ['NOT_STARTED', c.notStarted],
        ['IN_PROGRESS', c.inProgress],
        ['AT_RISK', c.atRisk],
        ['DELAYED', c.delayed],
        ['COMPLETED', c.completed],
        ['UNKNOWN', c.unavailable],
      ]
    : [['UNKNOWN', cell.total]];
  return { counts: new Map(entries.filter(([, n]) => n > 0)), total: cell.total };
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
export function StatusMatrix({ cells }: { cells: readonly MatrixCell[] }) {
  const t = useT();
  const localized = useLocalized();
  const goals = [...new Map(cells.map((c) => [c.goal.code, c.goal])).values()].sort((a, b) =>
    compareTr(a.code, b.code),
  );
  const agencies: AgencyCode[] = AGENCY_CODES.filter((agency) => cells.some((c) => c.responsibleAgency === agency));
  const cellAt = new Map(cells.map((c) => [`${c.goal.code}/${c.responsibleAgency}`, c]));
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
                    <CellContent cell={cellOf(cellAt.get(`${goal.code}/${agency}`))} />
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
