import type { FollowUpStatus } from '../../gql/graphql';
import { useT } from '../../i18n/LocaleProvider';

/** A decision's follow-up in words and a mark: done, late (open past its due date) or open. */
export function FollowUpState({ status, overdue }: { status: FollowUpStatus; overdue: boolean }) {
  const t = useT();
  if (status === 'DONE') {
    return (
      <span className="follow-up follow-up-done">
        <span aria-hidden="true">✓</span> {t('followUp.done')}
      </span>
    );
  }
  if (overdue) {
    return (
      <span className="follow-up follow-up-late">
        <span aria-hidden="true">■</span> {t('followUp.late')}
      </span>
    );
  }
  return (
    <span className="follow-up follow-up-open">
      <span aria-hidden="true">○</span> {t('followUp.open')}
    </span>
  );
}
