import { useMemo, useRef } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as GraphProvider } from 'urql';
import type { User, UserManager } from 'oidc-client-ts';
import { AuthProvider, useAuth } from '../auth/AuthContext';
import { signIn } from '../auth/session';
import { createGraphClient } from '../graphql/client';
import { ROUTES } from './routes';

function Graph({ manager }: { manager: UserManager }) {
  const auth = useAuth();
  // The client lives as long as the session; the token it sends is always the latest renewal's.
  const token = useRef(auth.accessToken);
  token.current = auth.accessToken;
  const client = useMemo(
    () =>
      createGraphClient(
        () => token.current(),
        () => void signIn(manager),
      ),
    [manager],
  );
  const router = useMemo(() => createBrowserRouter(ROUTES), []);
  return (
    <GraphProvider value={client}>
      <RouterProvider router={router} />
    </GraphProvider>
  );
}

export function App({ manager, user }: { manager: UserManager; user: User }) {
  return (
    <AuthProvider manager={manager} user={user}>
      <Graph manager={manager} />
    </AuthProvider>
  );
}
