import type { Database } from '@cocuk-koruma/platform';
import { appendAuditEntries, type AppendedAuditEntry, type AuditEntryInput } from './chain.js';

/** A bound on one transaction's size, so that a burst cannot hold the chain's lock for long. */
export const AUDIT_GROUP_MAX = 500;

export interface AuditAppender {
  /** Resolves once the entry is durable in the chain; rejects if it is not. */
  append(entry: AuditEntryInput): Promise<AppendedAuditEntry>;
}

interface Pending {
  entry: AuditEntryInput;
  resolve(appended: AppendedAuditEntry): void;
  reject(error: unknown): void;
}

/**
 * Group commit for entries that stand alone (READ entries; a WRITE entry goes in its write's own
 * transaction instead). Appends are serialised by the chain's lock anyway, so while one
 * transaction is in flight the entries that arrive meanwhile wait and then go together in the
 * next: under load, one lock, one insert and one commit serve many requests. An entry that
 * arrives when nothing is in flight goes at once, so a lone request waits no longer than before.
 * Each caller still waits for its own entry to commit, and the chain links them one by one.
 */
export function groupCommitAppender<S extends Record<string, unknown>>(db: Database<S>): AuditAppender {
  const queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length > 0) {
      const group = queue.splice(0, AUDIT_GROUP_MAX);
      try {
        const appended = await appendAuditEntries(
          db,
          group.map((p) => p.entry),
        );
        group.forEach((p, i) => p.resolve(appended[i] as AppendedAuditEntry));
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
    flushing = false;
  }

  return {
    append(entry) {
      return new Promise<AppendedAuditEntry>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}
