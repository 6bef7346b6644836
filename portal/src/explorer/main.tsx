import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { User, UserManager } from 'oidc-client-ts';
import { completeSignIn, createUserManager, signIn } from '../auth/session';
import { loadConfig } from '../config';
import { Explorer } from './Explorer';
import { loadSchema } from './graph';

/** Must match EXPLORER_CALLBACK_PATH in gateway/src/explorer.ts, which serves this page there. */
const EXPLORER_PATH = '/explorer';
const EXPLORER_CALLBACK_PATH = '/explorer/callback';

const root = createRoot(document.getElementById('explorer') as HTMLElement);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

async function signedInUser(manager: UserManager): Promise<User | null> {
  if (window.location.pathname === EXPLORER_CALLBACK_PATH) {
    const { user } = await completeSignIn(manager);
    window.history.replaceState(null, '', EXPLORER_PATH);
    return user;
  }
  const user = await manager.getUser();
  if (user && !user.expired) return user;
  // An expired session with a refresh token renews without leaving the page.
  return user ? await manager.signinSilent().catch(() => null) : null;
}

/** Signs in with the portal's client (same realm, same tokens), then opens GraphiQL on the served schema. */
async function start(): Promise<void> {
  const manager = createUserManager(await loadConfig(), EXPLORER_CALLBACK_PATH);
  const user = await signedInUser(manager);
  if (!user) {
    await signIn(manager, EXPLORER_PATH);
    return;
  }
  const schema = await loadSchema(user.access_token);
  render(<Explorer manager={manager} schema={schema} />);
}

start().catch((error: unknown) => {
  render(
    <main className="explorer-failed">
      <h1>API gezgini açılamadı · The API explorer could not open</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <p>
        <a href={EXPLORER_PATH}>Yeniden dene · Try again</a>
      </p>
    </main>,
  );
});
