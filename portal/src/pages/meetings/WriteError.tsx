import { Button } from 'react-aria-components';
import type { CombinedError } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { blockingError } from '../../graphql/errors';
import { useT } from '../../i18n/LocaleProvider';

/**
 * A refused write, in words. A stale version (CONFLICT) offers to load the record as it is now;
 * what the person typed stays in the form, so nothing they wrote is lost.
 */
export function WriteError({ error, onReload }: { error: CombinedError | undefined; onReload?: () => void }) {
  const t = useT();
  const found = blockingError(error);
  if (!found) return null;
  return (
    <div className="write-error">
      <ErrorMessage error={error} />
      {found.code === 'CONFLICT' && onReload ? (
        <p>
          {t('meetings.conflictKept')}{' '}
          <Button className="button" onPress={onReload}>
            {t('meetings.reload')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
