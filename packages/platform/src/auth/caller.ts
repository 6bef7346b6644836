import type { AgencyCode } from '../agencies.js';

/** Realm roles of the `cocuk-koruma` realm. */
export const ROLES = ['liaison', 'focal-point', 'secretariat', 'board-member', 'auditor', 'agency-system'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, read from a validated access token. */
export interface Caller {
  /** `sub` of the token. */
  subject: string;
  /** `preferred_username`; for a service account, `service-account-<client>`. */
  username: string;
  /** The `agency` claim; null when the token carries none. */
  agency: AgencyCode | null;
  roles: Role[];
  /** `azp`: the client the token was issued to. */
  clientId: string;
  /** The raw bearer token, forwarded by the gateway to the subgraphs. */
  token: string;
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return roles.some((r) => caller.roles.includes(r));
}
