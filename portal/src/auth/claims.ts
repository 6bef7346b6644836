import type { User } from 'oidc-client-ts';
import type { AgencyCode } from '../gql/graphql';

/** Realm roles the portal knows; the graph decides what each may do, the portal only what to show. */
export const ROLES = ['liaison', 'focal-point', 'board-member', 'secretariat', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

const AGENCIES: readonly AgencyCode[] = ['FAMILY', 'JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR'];

/** The signed-in person as the access token describes them (Keycloak's claim shapes). */
export interface Caller {
  username: string;
  name: string;
  agency: AgencyCode | null;
  roles: Role[];
}

function accessTokenClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function callerOf(user: User): Caller {
  // Roles and agency are read from the access token, the one the graph judges; the ID token's
  // profile may lack them.
  const claims = { ...user.profile, ...accessTokenClaims(user.access_token) } as Record<string, unknown>;
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(realmAccess?.roles)
    ? realmAccess.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(String(r)))
    : [];
  const agencyClaim = typeof claims.agency === 'string' ? claims.agency.toUpperCase() : '';
  const agency = (AGENCIES as readonly string[]).includes(agencyClaim) ? (agencyClaim as AgencyCode) : null;
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : String(claims.sub);
  const name = typeof claims.name === 'string' && claims.name ? claims.name : username;
  return { username, name, agency, roles };
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return roles.some((role) => caller.roles.includes(role));
}
