import type { AgencyCode } from '../gql/graphql';
import { useT } from '../i18n/LocaleProvider';

/** A ministry's name in the current language. */
export function AgencyName({ agency, short = false }: { agency: AgencyCode; short?: boolean }) {
  const t = useT();
  return <>{t(short ? `agency.${agency}.short` : `agency.${agency}`)}</>;
}
