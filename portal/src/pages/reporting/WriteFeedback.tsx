import { Button } from 'react-aria-components';
import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../components/ErrorMessage';
import { blockingError } from '../../graphql/errors';
import { useT } from '../../i18n/LocaleProvider';

export type WriteState =
  { kind: 'idle' } | { kind: 'done'; message: string } | { kind: 'failed'; error: CombinedError };

/**
 * What became of the last write: a confirmation, or the graph's refusal. A stale version (CONFLICT)
 * says that the form still holds the person's text and offers to load the latest version under it.
 */
export function WriteFeedback({ state, onReload }: { state: WriteState; onReload?: () => void }) {
  const t = useT();
  if (state.kind === 'idle') return null;
  if (state.kind === 'done') {
    return (
      <p className="banner banner-success" role="status">
        <span aria-hidden="true">✓ </span>
        {state.message}
      </p>
    );
  }
  const found = blockingError(state.error);
  if (!found) return null;
  if (found.code === 'CONFLICT' && onReload) {
    return (
      <div className="banner banner-error" role="alert">
        <p className="banner-title">{t('write.conflict')}</p>
        <p>{t('write.conflictKept')}</p>
        <p className="banner-detail">
          {t('error.detail')} <span lang="">{found.message}</span>
        </p>
        <Button className="button" onPress={onReload}>
          {t('write.reload')}
        </Button>
      </div>
    );
  }
  return <ErrorNotice code={found.code} detail={found.message} />;
}

/** A write's outcome from its result: failed with the error, else done with the message. */
export function outcome(error: CombinedError | undefined, message: string): WriteState {
  return error ? { kind: 'failed', error } : { kind: 'done', message };
}
