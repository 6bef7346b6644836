import { parseDate, type CalendarDate } from '@internationalized/date';
import { DateField as AriaDateField, DateInput, DateSegment, Label } from 'react-aria-components';

interface DateFieldProps {
  label: string;
  /** ISO (2026-12-15), as the graph takes it; '' for none. */
  value: string;
  onChange(iso: string): void;
  isRequired?: boolean;
}

function parsed(iso: string): CalendarDate | null {
  try {
    return iso ? parseDate(iso) : null;
  } catch {
    return null;
  }
}

/**
 * A date typed in the reader's own order and separators (15.12.2026 in Turkish), whatever the
 * browser's language: a native date input follows the browser, not the page.
 */
export function DateField({ label, value, onChange, isRequired = false }: DateFieldProps) {
  return (
    <AriaDateField
      className="field"
      value={parsed(value)}
      onChange={(date) => onChange(date ? date.toString() : '')}
      isRequired={isRequired}
      granularity="day"
    >
      <Label>{label}</Label>
      <DateInput className="date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
    </AriaDateField>
  );
}
