import type { CombinedError } from 'urql';
import { blockingError, type KnownCode } from '../graphql/errors';
import { useT } from '../i18n/LocaleProvider';

/** A GraphQL or network failure as a sentence in the current language, keyed by extensions.code. */
export function ErrorMessage({ error }: { error: CombinedError | undefined }) {
  const found = blockingError(error);
  if (!found) return null;
  return <ErrorNotice code={found.code} detail={found.message} />;
}

export function ErrorNotice({ code, detail }: { code: KnownCode; detail?: string }) {
  const t = useT();
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">{t(`error.${code}`)}</p>
      {detail ? (
        <p className="banner-detail">
          {t('error.detail')} <span lang="">{detail}</span>
        </p>
      ) : null}
    </div>
  );
}
