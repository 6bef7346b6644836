import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import { callerOf, type Caller } from './claims';

interface Auth {
  caller: Caller;
  /** The current access token; renewed in the background. */
  accessToken(): string;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ manager, user, children }: { manager: UserManager; user: User; children: ReactNode }) {
  const [current, setCurrent] = useState(user);
  useEffect(() => {
    const loaded = (next: User) => setCurrent(next);
    const lost = () => void manager.signinRedirect({ state: { returnTo: window.location.pathname } });
    manager.events.addUserLoaded(loaded);
    // A renewal that failed leaves an expiring token: sign in again rather than fail every request.
    manager.events.addSilentRenewError(lost);
    manager.events.addAccessTokenExpired(lost);
    return () => {
      manager.events.removeUserLoaded(loaded);
      manager.events.removeSilentRenewError(lost);
      manager.events.removeAccessTokenExpired(lost);
    };
  }, [manager]);
  const auth = useMemo<Auth>(
    () => ({
      caller: callerOf(current),
      accessToken: () => current.access_token,
      signOut: () => manager.signoutRedirect({ id_token_hint: current.id_token }),
    }),
    [current, manager],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
