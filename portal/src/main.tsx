import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CALLBACK_PATH, completeSignIn, createUserManager, SIGNED_OUT_PATH, SILENT_PATH, signIn } from './auth/session';
import { loadConfig } from './config';
import { ErrorNotice } from './components/ErrorMessage';
import { LocaleProvider } from './i18n/LocaleProvider';
import { SessionPage } from './pages/session/SessionPage';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const render = (node: ReactNode) =>
  root.render(
    <StrictMode>
      <LocaleProvider>{node}</LocaleProvider>
    </StrictMode>,
  );

/**
 * Decides what the page is before React renders: the realm's redirect back, the silent-renewal
 * iframe, the signed-out page, or the portal for a signed-in person (else off to sign in).
 */
async function start(): Promise<void> {
  const config = await loadConfig();
  const manager = createUserManager(config);
  const path = window.location.pathname;
  if (path === SILENT_PATH) {
    await manager.signinSilentCallback();
    return;
  }
  if (path === CALLBACK_PATH) {
    try {
      const { user, returnTo } = await completeSignIn(manager);
      window.history.replaceState(null, '', returnTo);
      render(<App manager={manager} user={user} />);
    } catch {
      render(<SessionPage kind="failed" onSignIn={() => void signIn(manager, '/')} />);
    }
    return;
  }
  if (path === SIGNED_OUT_PATH) {
    render(<SessionPage kind="signedOut" onSignIn={() => void signIn(manager, '/')} />);
    return;
  }
  const user = await manager.getUser();
  if (user && !user.expired) {
    render(<App manager={manager} user={user} />);
    return;
  }
  // An expired session with a refresh token renews without leaving the page.
  const renewed = user ? await manager.signinSilent().catch(() => null) : null;
  if (renewed) render(<App manager={manager} user={renewed} />);
  else await signIn(manager);
}

start().catch((error: unknown) => {
  render(<ErrorNotice code="NETWORK" detail={error instanceof Error ? error.message : String(error)} />);
});
