import type { ActionStatus } from '../gql/graphql';
import { useT } from '../i18n/LocaleProvider';
import { Unknown } from './Unknown';

/** A mark beside the word, so the status reads without colour too (and in print). */
const SYMBOL: Record<ActionStatus, string> = {
  NOT_STARTED: '○',
  IN_PROGRESS: '◐',
  AT_RISK: '▲',
  DELAYED: '■',
  COMPLETED: '✓',
};

/** An action's status as text with a colour and a symbol; a status that could not be read says so. */
export function StatusBadge({ status }: { status: ActionStatus | null | undefined }) {
  const t = useT();
  if (!status) return <Unknown />;
  return (
    <span className={`status-badge status-${status.toLowerCase().replace('_', '-')}`}>
      <span aria-hidden="true">{SYMBOL[status]}</span> {t(`status.${status}`)}
    </span>
  );
}
