import { useT } from '../i18n/LocaleProvider';

export const SUPPRESSION_NOTE_ID = 'suppression-note';

/** A small count withheld to protect children: "< 5", never the number nor an empty cell. */
export function Suppressed() {
  const t = useT();
  return (
    <span className="suppressed" title={t('suppressed.explanation')}>
      {t('suppressed.value')}
      <sup aria-hidden="true">*</sup>
      <span className="visually-hidden"> ({t('suppressed.short')})</span>
    </span>
  );
}

/** The explanation under a table that holds Suppressed cells. */
export function SuppressionNote() {
  const t = useT();
  return (
    <p className="note" id={SUPPRESSION_NOTE_ID}>
      <span aria-hidden="true">* </span>
      {t('suppressed.explanation')}
    </p>
  );
}
