import type { AgencyCode, Caller } from '@cocuk-koruma/platform';
import type { AuditEntryInput } from './chain.js';

/** GraphQL's own types and federation's plumbing: resolving them reads no agency data. */
const NOT_AGENCY_DATA = /^(__|_Service$|_Entity$|_Any$)/;

/**
 * What one request resolved: each object's type, and its key where it has one (`code` for the
 * plan's objects, `id` for reports, figures and the like), as `Type:key`.
 */
export class ResolvedReads {
  private readonly types = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly seen = new WeakSet<object>();

  constructor(private readonly rootTypes: ReadonlySet<string>) {}

  /** Called for every field resolved; only the first field of each object does any work. */
  add(parentType: string, source: unknown): void {
    if (typeof source !== 'object' || source === null) return;
    if (this.seen.has(source)) return;
    this.seen.add(source);
    if (this.rootTypes.has(parentType) || NOT_AGENCY_DATA.test(parentType)) return;
    this.types.add(parentType);
    const { code, id } = source as { code?: unknown; id?: unknown };
    const key = typeof code === 'string' ? code : typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    if (key !== null) this.ids.add(`${parentType}:${key}`);
  }

  get isEmpty(): boolean {
    return this.types.size === 0;
  }

  get entityTypes(): string[] {
    return [...this.types].sort();
  }

  get entityIds(): string[] {
    return [...this.ids].sort();
  }
}

/**
 * The READ entry for a request by `caller` that resolved `reads` of this agency's data, or null
 * when nothing needs logging: the agency's own staff, or nothing of the agency's resolved. A caller
 * without an agency counts as another agency.
 */
export function crossAgencyReadEntry(
  caller: Caller,
  ownerAgency: AgencyCode,
  operation: string,
  reads: ResolvedReads,
): AuditEntryInput | null {
  if (caller.agency === ownerAgency || reads.isEmpty) return null;
  return {
    kind: 'READ',
    caller,
    operation,
    entityType: reads.entityTypes.join(','),
    entityIds: reads.entityIds,
  };
}
