import type { CombinedError } from 'urql';
import { unavailableAgencies } from '../graphql/errors';
import { useT } from '../i18n/LocaleProvider';
import { compareTr } from '../i18n/collate';

/**
 * Names every ministry whose service did not answer: the page shows what the others gave, and
 * the missing ministry's values read "unknown" rather than zero.
 */
export function PartialDataBanner({ error }: { error: CombinedError | undefined }) {
  const t = useT();
  const agencies = unavailableAgencies(error);
  if (agencies.length === 0) return null;
  const names = agencies.map((agency) => t(`agency.${agency}`)).sort(compareTr);
  return (
    <div className="banner banner-warning" role="status">
      <p className="banner-title">
        <span aria-hidden="true">⚠ </span>
        {t('partial.title', { count: names.length })}
      </p>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <p>{t('partial.explanation')}</p>
    </div>
  );
}
