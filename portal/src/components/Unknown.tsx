import { useT } from '../i18n/LocaleProvider';

/** A value that could not be read (its ministry did not answer): never shown as 0 or left blank. */
export function Unknown() {
  const t = useT();
  return <span className="unknown">{t('common.unknown')}</span>;
}

/** `value` when the graph gave one, else Unknown. */
export function OrUnknown<T>({
  value,
  children,
}: {
  value: T | null | undefined;
  children: (value: T) => React.ReactNode;
}) {
  return value === null || value === undefined ? <Unknown /> : <>{children(value)}</>;
}
