import type { AgencyCode } from '../gql/graphql';

/** The field each agency's namespace has on Query and Mutation. */
export const NAMESPACE: Record<AgencyCode, string> = {
  FAMILY: 'family',
  JUSTICE: 'justice',
  HEALTH: 'health',
  EDUCATION: 'education',
  INTERIOR: 'interior',
};

/** Operations are written against justice's namespace, aliased `agency` (see agencyOperation). */
export const WRITTEN_FOR: AgencyCode = 'JUSTICE';
const ALIASED = /\bagency: justice \{/g;

/**
 * The text of a persisted document pointed at another agency's namespace, as agencyOperation
 * rewrites the document at run time: the build adds each variant to the manifest under its own
 * hash, so the portal sends every agency's operations by hash as well. Null when the document has
 * no `agency` namespace.
 */
export function agencyVariantText(text: string, agency: AgencyCode): string | null {
  if (!text.match(ALIASED)) return null;
  return text.replace(ALIASED, `agency: ${NAMESPACE[agency]} {`);
}
