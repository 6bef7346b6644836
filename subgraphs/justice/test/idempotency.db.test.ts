import type { TestIssuer, TokenOptions } from '@cocuk-koruma/testing/issuer';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@cocuk-koruma/testing/subgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// Idempotent writes are shared code; they are exercised here on the justice subgraph.
type Server = Awaited<ReturnType<typeof createServer>>;
interface Answer {
  status: number;
  replayed: string | null;
  body: {
    data?: { justice: { saveProgressReport: { id: string; version: number } | null } } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const SAVE = `mutation Save($input: ProgressReportInput!) {
  justice { saveProgressReport(input: $input) { id version } }
}`;
// Fixed subjects, as a real identity provider gives each user (the test issuer's default is random).
const LIAISON: TokenOptions = {
  username: 'justice.system',
  agency: 'JUSTICE',
  roles: ['agency-system'],
  claims: { sub: '00000000-0000-4000-8000-00000000a001' },
};
const OTHER: TokenOptions = {
  username: 'justice.liaison',
  agency: 'JUSTICE',
  roles: ['liaison'],
  claims: { sub: '00000000-0000-4000-8000-00000000a002' },
};

let subgraph: SubgraphUnderTest<Record<string, unknown>> | undefined;
let issuer: TestIssuer;
let server: Server;
let url: string;

function input(period: string, percentComplete = 40): Record<string, unknown> {
  return { actionCode: 'A1.H1.E2', period, status: 'IN_PROGRESS', percentComplete, narrative: 'Example progress' };
}

async function save(who: TokenOptions, key: string | undefined, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${issuer.token(who)}`,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query: SAVE, variables }),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: (await response.json()) as Answer['body'],
  };
}

async function counts(period: string): Promise<{ reports: number; writes: number }> {
  const result = (await server.database.db.execute(sql`select
    (select count(*)::int from progress_reports where period = ${period}) as reports,
    (select count(*)::int from audit_log where kind = 'WRITE') as writes`)) as unknown as {
    rows: { reports: number; writes: number }[];
  };
  return result.rows[0] as { reports: number; writes: number };
}

beforeAll(async () => {
  ({ server, url, issuer } = subgraph = await startSubgraphUnderTest('idempotency', 'justice', createServer));
});

afterAll(async () => {
  await subgraph?.stop();
});

describe('a mutation sent with an Idempotency-Key', () => {
  it('runs once: a retry with the same key and body gets the first answer and writes nothing', async () => {
    const first = await save(LIAISON, 'q3-report-1', { input: input('2026-Q1') });
    expect(first.body.errors).toBeUndefined();
    const before = await counts('2026-Q1');
    const retry = await save(LIAISON, 'q3-report-1', { input: input('2026-Q1') });
    expect(retry.body).toEqual(first.body);
    expect(retry.replayed).toBe('true');
    expect(await counts('2026-Q1')).toEqual(before);
  });

  it('refuses the same key with another body as CONFLICT, writing nothing', async () => {
    const before = await counts('2026-Q1');
    const other = await save(LIAISON, 'q3-report-1', { input: input('2026-Q1', 99) });
    expect(other.status).toBe(409);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.body.data).toBeUndefined();
    expect(await counts('2026-Q1')).toEqual(before);
  });

  it('keeps keys per caller: another caller’s same key is a request of its own', async () => {
    const mine = await save(OTHER, 'q3-report-1', { input: input('2026-Q2') });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.replayed).toBeNull();
    expect(mine.body.data?.justice.saveProgressReport?.version).toBe(1);
  });

  it('lets only one of two copies sent at once write', async () => {
    const before = await counts('2026-Q3');
    const answers = await Promise.all([1, 2, 3].map(() => save(LIAISON, 'burst-1', { input: input('2026-Q3') })));
    const ran = answers.filter((a) => a.status === 200 && a.replayed === null);
    expect(ran).toHaveLength(1);
    for (const other of answers.filter((a) => a !== ran[0])) {
      // Either still running (retry later) or already done (the first answer, replayed).
      if (other.status === 409) expect(other.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      else expect(other.body).toEqual(ran[0]?.body);
    }
    expect(await counts('2026-Q3')).toEqual({ reports: before.reports + 1, writes: before.writes + 1 });
  });

  it('releases the key when nothing was written, so the corrected retry runs', async () => {
    const refused = await save(LIAISON, 'fix-me', { input: { ...input('2026-Q4'), percentComplete: 140 } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const again = await save(LIAISON, 'fix-me', { input: input('2026-Q4') });
    expect(again.body.errors).toBeUndefined();
    expect(again.replayed).toBeNull();
  });

  it('refuses a malformed key with BAD_USER_INPUT', async () => {
    const answer = await save(LIAISON, 'x'.repeat(201), { input: input('2026-Q4') });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('changes nothing without a key', async () => {
    const first = await save(LIAISON, undefined, { input: input('2025-Q4') });
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBeNull();
  });
});
