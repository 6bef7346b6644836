import { useEffect } from 'react';
import { useT } from '../i18n/LocaleProvider';

/** The page's heading, also set as the document title so the browser tab and history name the page. */
export function PageTitle({ children }: { children: string }) {
  const t = useT();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  return (
    <h1 id="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
