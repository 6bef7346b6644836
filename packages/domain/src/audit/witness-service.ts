import type { ApolloServerPlugin } from '@apollo/server';
import { isAgencyCode, type Agency, type Database, type Logger } from '@cocuk-koruma/platform';
import express from 'express';
import { appendAuditEntries } from './chain.js';
import { auditHead, witnessedHeads, witnessEntry, type AuditHead } from './witness.js';

/**
 * `GET /audit/head`: this agency's latest audit entry, seq and hash. Publishing it is safe (a
 * hash says nothing of the entries) and is what lets the other agencies countersign it.
 */
export function auditHeadRoute<S extends Record<string, unknown>>(agency: Agency, db: Database<S>): express.Router {
  const router = express.Router();
  router.get('/audit/head', async (_req, res, next) => {
    try {
      res.json(await auditHead(db, agency.code));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** The gateway's list of every agency's head, beside its GraphQL endpoint. */
export function auditHeadsUrl(gatewayGraphqlUrl: string): string {
  return new URL('/audit/heads', gatewayGraphqlUrl).href;
}

function isHead(value: unknown): value is AuditHead {
  const v = value as Partial<AuditHead> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.agency === 'string' &&
    isAgencyCode(v.agency) &&
    typeof v.seq === 'number' &&
    typeof v.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.hash)
  );
}

/**
 * Countersigns the other agencies' audit heads in this agency's own log, every `intervalMs` and
 * once soon after start: a WITNESS entry per agency whose head moved since this log last
 * countersigned it. Then an agency whose newest entries are deleted, or whose chain is rewritten
 * from some entry on, no longer matches what the others hold (`npm run audit:verify -- --all`).
 * The heads are read from the gateway's `/audit/heads`, which asks every subgraph.
 */
export function auditWitness<S extends Record<string, unknown>>(
  agency: Agency,
  db: Database<S>,
  options: { headsUrl: string; intervalMs: number; logger?: Logger },
): ApolloServerPlugin {
  const timers: NodeJS.Timeout[] = [];
  async function witness(): Promise<void> {
    try {
      const response = await fetch(options.headsUrl, { signal: AbortSignal.timeout(5000) });
      const heads = ((await response.json()) as unknown[]).filter(isHead);
      const latest = new Map<string, AuditHead>();
      for (const head of await witnessedHeads(db, agency.code)) latest.set(head.agency, head);
      const moved = heads.filter((h) => h.agency !== agency.code && h.seq > 0 && latest.get(h.agency)?.hash !== h.hash);
      await appendAuditEntries(
        db,
        moved.map((head) => witnessEntry(agency.code, head)),
      );
    } catch (error) {
      options.logger?.warn({ err: error }, 'the other agencies’ audit heads were not countersigned this time');
    }
  }
  return {
    async serverWillStart() {
      if (options.intervalMs <= 0) return;
      timers.push(setTimeout(() => void witness(), Math.min(options.intervalMs, 5000)).unref());
      timers.push(setInterval(() => void witness(), options.intervalMs).unref());
      return {
        async serverWillStop() {
          for (const timer of timers) clearTimeout(timer);
        },
      };
    },
  };
}
