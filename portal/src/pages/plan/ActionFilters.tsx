import { Checkbox, Input, Label, SearchField } from 'react-aria-components';
import type { PlanOverviewQuery } from '../../gql/graphql';
import { SelectField } from '../../components/SelectField';
import { useLocalized, useT } from '../../i18n/LocaleProvider';
import { AGENCY_CODES, STATUSES } from './filters';
import { planQuarters } from './periods';
import type { ActionFilter } from './useActionList';

type Area = PlanOverviewQuery['areas'][number];

interface ActionFiltersProps {
  filter: ActionFilter;
  areas: readonly Area[];
  onChange(change: Partial<Record<keyof ActionFilter, string>>): void;
}

export function ActionFilters({ filter, areas, onChange }: ActionFiltersProps) {
  const t = useT();
  const localized = useLocalized();
  const all = { id: '', label: t('filter.all') };
  const goals = areas.filter((area) => !filter.areaCode || area.code === filter.areaCode).flatMap((area) => area.goals);
  return (
    <form className="filters" role="search" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
      <SearchField className="field search-field" value={filter.search ?? ''} onChange={(q) => onChange({ search: q })}>
        <Label>{t('filter.search')}</Label>
        <Input placeholder={t('filter.searchPlaceholder')} />
      </SearchField>
      <SelectField
        label={t('filter.agency')}
        value={filter.agency ?? ''}
        onChange={(agency) => onChange({ agency })}
        options={[all, ...AGENCY_CODES.map((code) => ({ id: code, label: t(`agency.${code}.short`) }))]}
      />
      <SelectField
        label={t('filter.status')}
        value={filter.status ?? ''}
        onChange={(status) => onChange({ status })}
        options={[
          all,
          ...STATUSES.map((status) => ({ id: status, label: t(`status.${status}`) })),
          { id: 'UNKNOWN', label: t('common.unknown') },
        ]}
      />
      <SelectField
        label={t('filter.area')}
        value={filter.areaCode ?? ''}
        onChange={(areaCode) => onChange({ areaCode, goalCode: '' })}
        options={[
          all,
          ...areas.map((area) => ({ id: area.code, label: `${area.code} ${localized(area.name, area.nameEn)}` })),
        ]}
      />
      <SelectField
        label={t('filter.goal')}
        value={filter.goalCode ?? ''}
        onChange={(goalCode) => onChange({ goalCode })}
        options={[
          all,
          ...goals.map((goal) => ({ id: goal.code, label: `${goal.code} ${localized(goal.title, goal.titleEn)}` })),
        ]}
      />
      <SelectField
        label={t('filter.period')}
        value={filter.period ?? ''}
        onChange={(period) => onChange({ period })}
        options={[all, ...planQuarters().map((period) => ({ id: period, label: period }))]}
      />
      <Checkbox
        className="checkbox"
        isSelected={filter.overdue ?? false}
        onChange={(overdue) => onChange({ overdue: overdue ? '1' : '' })}
      >
        <span className="checkbox-box" aria-hidden="true" />
        {t('filter.overdue')}
      </Checkbox>
    </form>
  );
}
