import type { ApolloServerPlugin } from '@apollo/server';
import { isAgencyCode, type Agency, type Database, type Logger, type RuntimeConfig } from '@cocuk-koruma/platform';
import express from 'express';
import { appendAuditEntries } from './chain.js';
import { auditHead, witnessedHeads, witnessEntry, type AuditHead } from './witness.js';

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

export interface AuditWitnessOptions {
  /** Where every agency's head is read: the gateway's `/audit/heads`. */
  headsUrl: string;
  /** How often to countersign; 0: only when asked (`POST /audit/witness`). */
  intervalMs: number;
  logger?: Logger;
}

export interface AuditWitness {
  /** Countersigns every other agency whose head moved since; resolves to how many entries it wrote. */
  witness(): Promise<number>;
  /** `GET /audit/head` (this agency's latest entry) and `POST /audit/witness` (countersign now). */
  routes: express.Router;
  /** Runs `witness` every `intervalMs` while the server runs, and once soon after it starts. */
  plugin: ApolloServerPlugin;
}

/** The options a subgraph's runtime gives: heads from its gateway, at its configured interval. */
export function witnessOptions(runtime: RuntimeConfig, logger?: Logger): AuditWitnessOptions {
  return { headsUrl: auditHeadsUrl(runtime.gatewayUrl), intervalMs: runtime.auditWitnessIntervalMs, logger };
}

const witnesses = new WeakMap<object, AuditWitness>();

/**
 * Countersigns the other agencies' audit heads in this agency's own log: a WITNESS entry per
 * agency whose head moved since this log last countersigned it. Then an agency whose newest
 * entries are deleted, or whose chain is rewritten from some entry on, no longer matches what the
 * others hold (`npm run audit:verify -- --all`). One per database, so the schedule and a request
 * to countersign now never run at once.
 *
 * Publishing the head is safe (a hash says nothing of the entries), and `POST /audit/witness` needs
 * no sign-in: it writes only when a head has moved, so however often it is called it adds at most
 * one entry per change of another agency's log.
 */
export function auditWitness<S extends Record<string, unknown>>(
  agency: Agency,
  db: Database<S>,
  options: AuditWitnessOptions,
): AuditWitness {
  const known = witnesses.get(db);
  if (known) return known;
  let running: Promise<number> | undefined;
  async function countersign(): Promise<number> {
    const response = await fetch(options.headsUrl, { signal: AbortSignal.timeout(5000) });
    const heads = ((await response.json()) as unknown[]).filter(isHead);
    const latest = new Map<string, AuditHead>();
    for (const head of await witnessedHeads(db, agency.code, { latestOnly: true })) latest.set(head.agency, head);
    const moved = heads.filter((h) => h.agency !== agency.code && h.seq > 0 && latest.get(h.agency)?.hash !== h.hash);
    await appendAuditEntries(
      db,
      moved.map((head) => witnessEntry(agency.code, head)),
    );
    return moved.length;
  }
  const witness = () => {
    running ??= countersign().finally(() => {
      running = undefined;
    });
    return running;
  };
  const scheduled = () =>
    void witness().catch((error: unknown) =>
      options.logger?.warn({ err: error }, 'the other agencies’ audit heads were not countersigned this time'),
    );

  const routes = express.Router();
  routes.get('/audit/head', async (_req, res, next) => {
    try {
      res.json(await auditHead(db, agency.code));
    } catch (error) {
      next(error);
    }
  });
  routes.post('/audit/witness', async (_req, res) => {
    try {
      res.json({ agency: agency.code, witnessed: await witness() });
    } catch (error) {
      options.logger?.warn({ err: error }, 'countersigning on request failed');
      res.status(503).json({ agency: agency.code, error: 'the other agencies’ heads could not be read or written' });
    }
  });

  const timers: NodeJS.Timeout[] = [];
  const plugin: ApolloServerPlugin = {
    async serverWillStart() {
      if (options.intervalMs <= 0) return;
      timers.push(setTimeout(scheduled, Math.min(options.intervalMs, 5000)).unref());
      timers.push(setInterval(scheduled, options.intervalMs).unref());
      return {
        async serverWillStop() {
          for (const timer of timers) clearTimeout(timer);
        },
      };
    },
  };
  const created = { witness, routes, plugin };
  witnesses.set(db, created);
  return created;
}
