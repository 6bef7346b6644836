import { Button } from 'react-aria-components';
import { useT } from '../../i18n/LocaleProvider';
import { PageTitle } from '../../components/PageTitle';
import { ErrorNotice } from '../../components/ErrorMessage';

/** Before signing in, after signing out, or when sign-in failed: the only pages outside the shell. */
export function SessionPage({ kind, onSignIn }: { kind: 'signedOut' | 'failed'; onSignIn(): void }) {
  const t = useT();
  return (
    <div className="session-page">
      <main id="main">
        <PageTitle>{t('app.name')}</PageTitle>
        {kind === 'failed' ? <ErrorNotice code="UNAUTHENTICATED" /> : <p>{t('session.signedOut')}</p>}
        <Button className="button" onPress={onSignIn}>
          {t('session.signIn')}
        </Button>
      </main>
    </div>
  );
}
