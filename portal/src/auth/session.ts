import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { PortalConfig } from '../config';

export const CALLBACK_PATH = '/auth/callback';
export const SILENT_PATH = '/auth/silent';
export const SIGNED_OUT_PATH = '/signed-out';

/**
 * Authorization code with PKCE against the realm's public `portal` client; the API explorer signs
 * in with the same client and comes back to a callback path of its own. Renewal uses the
 * refresh token both Keycloak and the development provider issue to this client; where a realm
 * issues none, oidc-client-ts falls back to a silent iframe on SILENT_PATH.
 */
export function createUserManager(config: PortalConfig, callbackPath = CALLBACK_PATH): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${callbackPath}`,
    silent_redirect_uri: `${origin}${SILENT_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: 'openid profile email',
    automaticSilentRenew: true,
    // Claims come from the access token (see claims.ts); no extra call to userinfo.
    loadUserInfo: false,
    // Per tab and gone with it, as a shared workstation in a ministry needs.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Where to come back to after signing in. */
interface SignInState {
  returnTo: string;
}

export function signIn(manager: UserManager, returnTo = window.location.pathname + window.location.search) {
  const state: SignInState = { returnTo };
  return manager.signinRedirect({ state });
}

/** Completes a redirect back from the realm; resolves with the path the person was on. */
export async function completeSignIn(manager: UserManager): Promise<{ user: User; returnTo: string }> {
  const user = await manager.signinRedirectCallback();
  const state = user.state as Partial<SignInState> | undefined;
  const returnTo = typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
  return { user, returnTo };
}
