import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigationType } from 'react-router';
import { Button, ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { useAuth } from '../auth/AuthContext';
import { hasRole } from '../auth/claims';
import { AgencyName } from '../components/AgencyName';
import { LOCALES, type Locale } from '../i18n/locale';
import { useLocale, useT } from '../i18n/LocaleProvider';
import { NAVIGATION } from './navigation';

const LANGUAGE_NAME: Record<Locale, string> = { tr: 'Türkçe', en: 'English' };

function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <ToggleButtonGroup
      aria-label={t('shell.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[locale]}
      onSelectionChange={(keys: Set<Key>) => {
        const [next] = [...keys];
        if (next === 'tr' || next === 'en') setLocale(next);
      }}
      className="language-switch"
    >
      {LOCALES.map((code) => (
        <ToggleButton key={code} id={code} lang={code}>
          {LANGUAGE_NAME[code]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

function SignedInPerson() {
  const t = useT();
  const { caller, signOut } = useAuth();
  return (
    <div className="signed-in">
      <p className="person">
        <span className="person-name">{caller.name}</span>
        <span className="person-detail">
          {caller.agency ? <AgencyName agency={caller.agency} /> : t('shell.noAgency')}
          {' · '}
          {caller.roles.length > 0 ? caller.roles.map((role) => t(`role.${role}`)).join(', ') : t('shell.noRole')}
        </span>
      </p>
      <Button className="button button-secondary" onPress={() => void signOut()}>
        {t('shell.signOut')}
      </Button>
    </div>
  );
}

/**
 * Moves focus to the new page's heading after client-side navigation, as a page load would; not
 * on the first render nor on a redirect (REPLACE), so a fresh page starts at the skip link.
 */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (navigationType !== 'REPLACE') document.getElementById('page-title')?.focus();
  }, [pathname, navigationType]);
}

export function AppShell() {
  const t = useT();
  const { caller } = useAuth();
  useFocusOnNavigate();
  const items = NAVIGATION.filter((item) => !item.roles || hasRole(caller, ...item.roles));
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <SignedInPerson />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
