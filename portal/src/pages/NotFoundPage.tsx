import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { useT } from '../i18n/LocaleProvider';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>
        <Link to="/plan">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
