import { Link } from 'react-router';
import type { PlanOverviewQuery } from '../../gql/graphql';
import { useLocalized, useT } from '../../i18n/LocaleProvider';

type Area = PlanOverviewQuery['areas'][number];

/** Areas and their goals; choosing one filters the action list below (through the address). */
export function PlanTree({ areas, selectedGoal }: { areas: readonly Area[]; selectedGoal: string | undefined }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <nav aria-labelledby="plan-tree-heading" className="panel plan-tree">
      <h2 id="plan-tree-heading">{t('plan.structure')}</h2>
      <ul>
        {areas.map((area) => (
          <li key={area.code}>
            <Link to={`/plan?area=${encodeURIComponent(area.code)}`} className="area-link">
              <span className="code">{area.code}</span> {localized(area.name, area.nameEn)}
            </Link>
            <ul>
              {area.goals.map((goal) => (
                <li key={goal.code}>
                  <Link
                    to={`/plan?area=${encodeURIComponent(area.code)}&goal=${encodeURIComponent(goal.code)}`}
                    aria-current={selectedGoal === goal.code ? 'true' : undefined}
                  >
                    <span className="code">{goal.code}</span> {localized(goal.title, goal.titleEn)}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
