import type { Role } from '../auth/claims';
import type { MessageId } from '../i18n/locale';

export interface NavigationItem {
  to: string;
  label: MessageId;
  /** Shown only to callers with one of these roles; the graph still decides what they may do. */
  roles?: readonly Role[];
}

/** The main navigation, in order. A new page adds its entry here and its route in routes.tsx. */
export const NAVIGATION: readonly NavigationItem[] = [
  { to: '/plan', label: 'nav.plan' },
  { to: '/reporting', label: 'nav.reporting', roles: ['liaison', 'focal-point'] },
  { to: '/approvals', label: 'nav.approvals', roles: ['focal-point'] },
  { to: '/dashboard', label: 'nav.dashboard' },
  { to: '/meetings', label: 'nav.meetings' },
];
