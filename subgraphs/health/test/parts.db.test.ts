import { verifyAuditChain } from '@cocuk-koruma/domain';
import type { Role } from '@cocuk-koruma/platform';
import { postGraphQL, type GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import { startTestIssuer, type TestIssuer } from '@cocuk-koruma/testing/issuer';
import { createTestDatabase, type TestDatabase } from '@cocuk-koruma/testing/postgres';
import { plan } from '@cocuk-koruma/plan';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// Parts are shared code; they are exercised here on the health subgraph. The plan gives health no
// part in a justice action, so the interior ministry's actions stand in for another agency's.
type Server = Awaited<ReturnType<typeof createServer>>;
interface Part {
  actionCode: string;
  acceptance: string;
  reason: string | null;
  contributionStatus: string;
  evidence: string | null;
  version: number;
  updatedBy: string;
}

const ACCEPTED = 'A5.H1.E1';
const DECLINED = 'A3.H2.E2';
const UNTOUCHED = 'A6.H1.E2';
const FIELDS = 'actionCode acceptance reason contributionStatus evidence version updatedBy';

const people = {
  liaison: { username: 'health.liaison', agency: 'HEALTH' as const, roles: ['liaison'] as Role[] },
  system: { username: 'service-account-health-system', agency: 'HEALTH' as const, roles: ['agency-system'] as Role[] },
  board: { username: 'health.board', agency: 'HEALTH' as const, roles: ['board-member'] as Role[] },
  interiorLiaison: { username: 'interior.liaison', agency: 'INTERIOR' as const, roles: ['liaison'] as Role[] },
  justiceBoard: { username: 'justice.board', agency: 'JUSTICE' as const, roles: ['board-member'] as Role[] },
};
type Person = keyof typeof people;

let database: TestDatabase;
let issuer: TestIssuer;
let server: Server;
let url: string;

async function as<T>(who: Person, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, query, variables, { authorization: `Bearer ${issuer.token(people[who])}` });
}

async function mutate(who: Person, field: 'respondToPart' | 'recordContribution', input: Record<string, unknown>) {
  const inputType = field === 'respondToPart' ? 'PartResponseInput' : 'ContributionInput';
  const result = await as<{ health: Record<string, Part> }>(
    who,
    `mutation($input: ${inputType}!) { health { ${field}(input: $input) { ${FIELDS} } } }`,
    { input },
  );
  return { part: result.data?.health?.[field], error: result.errors?.[0] };
}

const respond = (who: Person, input: Record<string, unknown>) => mutate(who, 'respondToPart', input);
const contribute = (who: Person, input: Record<string, unknown>) => mutate(who, 'recordContribution', input);

/** The stored parts and the audit entries written about them: what a refusal must leave alone. */
async function snapshot() {
  const result = (await server.database.db.execute(
    sql`select (select json_agg(p order by action_code) from action_parts p) as parts,
      (select count(*) from audit_log where kind = 'WRITE' and entity_type = 'ActionPart')::int as writes`,
  )) as unknown as { rows: { parts: unknown; writes: number }[] };
  return result.rows[0];
}

async function writes(): Promise<number> {
  return (await snapshot())?.writes ?? -1;
}

beforeAll(async () => {
  database = await createTestDatabase('health_parts');
  issuer = await startTestIssuer();
  server = await createServer({ variable: 'HEALTH_DATABASE_URL', url: database.url }, issuer.authConfig);
  url = (await server.listen(0)).url;
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await issuer?.close();
});

describe('the health ministry’s parts in other agencies’ actions', () => {
  it('start PENDING for every action whose collaborators the plan lists health among', async () => {
    const result = await as<{ health: { parts: Part[] } }>('justiceBoard', `{ health { parts { ${FIELDS} } } }`);
    expect(result.errors).toBeUndefined();
    const expected = plan.actions.filter((a) => a.collaborators.includes('HEALTH')).map((a) => a.code);
    const parts = result.data?.health.parts ?? [];
    expect(parts.map((p) => p.actionCode)).toEqual([...expected].sort());
    expect(expected).toContain(ACCEPTED);
    for (const part of parts) {
      expect(part).toMatchObject({ acceptance: 'PENDING', contributionStatus: 'NOT_STARTED', version: 1 });
    }
  });

  it('lets the health liaison accept a part in an interior action, auditing the write', async () => {
    const before = await writes();
    const { part, error } = await respond('liaison', {
      actionCode: ACCEPTED,
      acceptance: 'ACCEPTED',
      expectedVersion: 1,
    });
    expect(error).toBeUndefined();
    expect(part).toMatchObject({ acceptance: 'ACCEPTED', reason: null, version: 2, updatedBy: 'health.liaison' });
    expect(await writes()).toBe(before + 1);
  });

  it('lets the health ministry decline another part with its reason, auditing the write', async () => {
    const before = await writes();
    const { part, error } = await respond('system', {
      actionCode: DECLINED,
      acceptance: 'DECLINED',
      reason: '  Gendarmerie training is outside the ministry’s remit.  ',
      expectedVersion: 1,
    });
    expect(error).toBeUndefined();
    expect(part).toMatchObject({
      acceptance: 'DECLINED',
      reason: 'Gendarmerie training is outside the ministry’s remit.',
      version: 2,
    });
    expect(await writes()).toBe(before + 1);
  });

  it('refuses a decline without a reason, or with a blank one, with BAD_USER_INPUT and changes nothing', async () => {
    const before = await snapshot();
    const missing = await respond('liaison', { actionCode: UNTOUCHED, acceptance: 'DECLINED', expectedVersion: 1 });
    expect(missing.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const blank = await respond('liaison', {
      actionCode: UNTOUCHED,
      acceptance: 'DECLINED',
      reason: '   ',
      expectedVersion: 1,
    });
    expect(blank.error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses setting a part back to PENDING with BAD_USER_INPUT', async () => {
    const before = await snapshot();
    const { error } = await respond('liaison', { actionCode: ACCEPTED, acceptance: 'PENDING', expectedVersion: 2 });
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.acceptance' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses another agency’s liaison, and a health board member, with FORBIDDEN and changes nothing', async () => {
    const before = await snapshot();
    const other = await respond('interiorLiaison', {
      actionCode: UNTOUCHED,
      acceptance: 'ACCEPTED',
      expectedVersion: 1,
    });
    expect(other.error?.extensions?.code).toBe('FORBIDDEN');
    expect(other.error?.message).toContain('Ministry of Health');
    const board = await contribute('board', {
      actionCode: ACCEPTED,
      contributionStatus: 'IN_PROGRESS',
      evidence: 'x',
      expectedVersion: 2,
    });
    expect(board.error?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('records a contribution with evidence on an accepted part', async () => {
    const before = await writes();
    const { part, error } = await contribute('liaison', {
      actionCode: ACCEPTED,
      contributionStatus: 'IN_PROGRESS',
      evidence: 'ÇİM staff attended four provincial board meetings (example).',
      expectedVersion: 2,
    });
    expect(error).toBeUndefined();
    expect(part).toMatchObject({
      contributionStatus: 'IN_PROGRESS',
      evidence: 'ÇİM staff attended four provincial board meetings (example).',
      version: 3,
    });
    expect(await writes()).toBe(before + 1);
  });

  it('refuses a contribution on a declined or still pending part with CONFLICT', async () => {
    const before = await snapshot();
    const declined = await contribute('liaison', {
      actionCode: DECLINED,
      contributionStatus: 'IN_PROGRESS',
      evidence: 'Some work',
      expectedVersion: 2,
    });
    expect(declined.error?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'WRONG_STATE',
      acceptance: 'DECLINED',
    });
    const pending = await contribute('liaison', {
      actionCode: UNTOUCHED,
      contributionStatus: 'IN_PROGRESS',
      evidence: 'Some work',
      expectedVersion: 1,
    });
    expect(pending.error?.extensions).toMatchObject({ code: 'CONFLICT', acceptance: 'PENDING' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a stale version with CONFLICT naming the current one, and changes nothing', async () => {
    const before = await snapshot();
    const stale = await contribute('liaison', {
      actionCode: ACCEPTED,
      contributionStatus: 'COMPLETED',
      evidence: 'Done',
      expectedVersion: 2,
    });
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 3 });
    const staleResponse = await respond('liaison', {
      actionCode: DECLINED,
      acceptance: 'ACCEPTED',
      expectedVersion: 1,
    });
    expect(staleResponse.error?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('answers an action where health has no part with NOT_FOUND', async () => {
    const before = await snapshot();
    const write = await respond('liaison', { actionCode: 'A1.H1.E2', acceptance: 'ACCEPTED', expectedVersion: 1 });
    expect(write.error?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'A1.H1.E2' });
    const read = await as('board', '{ health { part(actionCode: "A1.H1.E2") { actionCode } } }');
    expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'A1.H1.E2' });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a hash chain that verifies, with an entry for each of the three writes', async () => {
    expect(await writes()).toBe(3);
    const result = (await server.database.db.execute(
      sql`select operation, entity_ids, before_version, after_version, actor from audit_log
        where entity_type = 'ActionPart' order by seq`,
    )) as unknown as { rows: unknown[] };
    expect(result.rows).toEqual([
      {
        operation: 'respondToPart',
        entity_ids: [ACCEPTED],
        before_version: 1,
        after_version: 2,
        actor: 'health.liaison',
      },
      {
        operation: 'respondToPart',
        entity_ids: [DECLINED],
        before_version: 1,
        after_version: 2,
        actor: 'service-account-health-system',
      },
      {
        operation: 'recordContribution',
        entity_ids: [ACCEPTED],
        before_version: 2,
        after_version: 3,
        actor: 'health.liaison',
      },
    ]);
    expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
  });

  it('serves its parts to the gateway by action code, and null where it has none', async () => {
    const result = await as<{ _entities: (Part | null)[] }>(
      'justiceBoard',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on HealthParty { actionCode acceptance version } } }`,
      {
        r: [
          { __typename: 'HealthParty', actionCode: ACCEPTED },
          { __typename: 'HealthParty', actionCode: 'A1.H1.E2' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ actionCode: ACCEPTED, acceptance: 'ACCEPTED', version: 3 }, null]);
  });

  it('keeps the ministry’s answers when it starts again and seeds the plan once more', async () => {
    const before = await snapshot();
    await server.stop();
    server = await createServer({ variable: 'HEALTH_DATABASE_URL', url: database.url }, issuer.authConfig);
    url = (await server.listen(0)).url;
    expect(await snapshot()).toEqual(before);
  });
});
