import { commitmentsOf } from '@cocuk-koruma/plan';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyBySlug,
  type AgencySlug,
  type AuthConfig,
  type DatabaseConfig,
  type Listening,
  type SubgraphServer,
} from '@cocuk-koruma/platform';
import { verifyAuditChain } from '@cocuk-koruma/domain';
import { postGraphQL } from './graphql.js';
import { startTestIssuer, type TestIssuer } from './issuer.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

type Factory = (database: DatabaseConfig, auth: AuthConfig) => Promise<SubgraphServer<Record<string, unknown>>>;

const TABLES = ['commitments', 'progress_reports', 'indicator_measurements', 'service_figures'];

/**
 * What every agency subgraph promises about its own progress data, run against each agency's
 * real wiring on a fresh PostgreSQL database. Agency-specific facts are tested beside it.
 */
export function describeAgencySubgraph(slug: AgencySlug, createServer: Factory): void {
  const agency = agencyBySlug(slug);
  const root = slug;
  const planned = commitmentsOf(agency.code).map((a) => a.code);

  describe(`the ${slug} subgraph`, () => {
    let database: TestDatabase;
    let server: SubgraphServer<Record<string, unknown>>;
    let listening: Listening;
    let issuer: TestIssuer;
    // A reader from another agency: the shared plan and progress are open to every signed-in role.
    const read = (query: string, variables?: Record<string, unknown>) =>
      postGraphQL(listening.url, query, variables, {
        authorization: `Bearer ${issuer.token({ username: 'board.reader', agency: agency.code === 'FAMILY' ? 'JUSTICE' : 'FAMILY', roles: ['board-member'] })}`,
      });
    const config = () => ({ variable: `${slug.toUpperCase()}_DATABASE_URL`, url: database.url });

    beforeAll(async () => {
      database = await createTestDatabase(`unit_${slug}`);
      issuer = await startTestIssuer();
      server = await createServer(config(), issuer.authConfig);
      listening = await server.listen(0);
    });
    afterAll(async () => {
      await server?.stop();
      await database?.drop();
      await issuer?.close();
    });

    it('serves exactly the actions the adopted plan assigns to this agency', async () => {
      const result = await read(`{ ${root} { code actions { code } } }`);
      const data = result.data?.[root] as { code: string; actions: { code: string }[] };
      expect(data.code).toBe(agency.code);
      expect(data.actions.map((a) => a.code).sort()).toEqual([...planned].sort());
    });

    it('derives each action’s status from its latest report, NOT_STARTED before the first', async () => {
      const result = await read(
        `{ ${root} { actions { code status latestReport { period status } progressReports { period } } } }`,
      );
      const actions = (result.data?.[root] as { actions: ActionProgress[] }).actions;
      for (const action of actions) {
        const periods = (action.progressReports ?? []).map((r) => r.period);
        expect(periods).toEqual([...periods].sort());
        if (periods.length === 0) {
          expect(action.status).toBe('NOT_STARTED');
          expect(action.latestReport).toBeNull();
        } else {
          expect(action.latestReport?.period).toBe(periods.at(-1));
          expect(action.status).toBe(action.latestReport?.status);
        }
      }
    });

    it('resolves its own actions for the gateway and leaves another agency’s action null', async () => {
      const own = planned[0] as string;
      const typename = agency.actionTypeName;
      const result = await read(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { code status } } }`,
        {
          r: [
            { __typename: typename, code: own },
            { __typename: typename, code: 'Z9.H9.E9' },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ code: own, status: expect.any(String) }, null]);
    });

    it('answers an unknown action code with NOT_FOUND naming the code', async () => {
      const result = await read(`{ ${root} { action(code: "Z9.H9.E9") { code } } }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'Z9.H9.E9' });
    });

    it('reports itself and its database up on /health', async () => {
      const response = await fetch(new URL('/health', listening.url));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ service: slug, database: { status: 'up' } });
    });

    describe('writes', () => {
      const own = () => planned[0] as string;
      const other = agency.code === 'JUSTICE' ? 'HEALTH' : 'JUSTICE';
      const save = (as: Parameters<TestIssuer['token']>[0], input: Record<string, unknown>) =>
        postGraphQL<Record<string, { saveProgressReport: { version: number; reportedBy: string } }>>(
          listening.url,
          `mutation($input: ProgressReportInput!) { ${root} { saveProgressReport(input: $input) { version reportedBy } } }`,
          { input },
          { authorization: `Bearer ${issuer.token(as)}` },
        );
      const report = (extra: Record<string, unknown> = {}) => ({
        actionCode: own(),
        period: '2014-Q2',
        status: 'IN_PROGRESS',
        percentComplete: 20,
        narrative: 'Test report',
        ...extra,
      });
      const liaison = { username: `${slug}.liaison`, agency: agency.code, roles: ['liaison' as const] };
      const rows = async () => {
        const result = (await server.database.db.execute(
          sql.raw(
            `select (select count(*) from progress_reports)::int as reports, (select count(*) from audit_log where kind = 'WRITE')::int as writes`,
          ),
        )) as unknown as { rows: { reports: number; writes: number }[] };
        return result.rows[0];
      };

      it('lets the agency’s own liaison file a report and change it with the version it read, auditing both', async () => {
        const created = await save(liaison, report());
        expect(created.errors).toBeUndefined();
        expect(created.data?.[root]?.saveProgressReport).toEqual({ version: 1, reportedBy: liaison.username });
        const changed = await save(liaison, report({ percentComplete: 35, expectedVersion: 1 }));
        expect(changed.data?.[root]?.saveProgressReport.version).toBe(2);
        expect(await verifyAuditChain(server.database.db)).toMatchObject({ ok: true });
      });

      it('refuses a stale version with CONFLICT and keeps the stored report', async () => {
        const before = await rows();
        const stale = await save(liaison, report({ percentComplete: 90, expectedVersion: 1 }));
        expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
        expect(await rows()).toEqual(before);
      });

      it('refuses a liaison of another agency with FORBIDDEN and writes nothing', async () => {
        const before = await rows();
        const refused = await save(
          { ...liaison, username: 'other.liaison', agency: other },
          report({ period: '2014-Q3' }),
        );
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(refused.errors?.[0]?.message).toContain(agency.nameEn);
        expect(await rows()).toEqual(before);
      });

      it('refuses a caller without a token with 401 UNAUTHENTICATED', async () => {
        const response = await fetch(listening.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ ${root} { code } }` }),
        });
        expect(response.status).toBe(401);
        expect(
          ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
        ).toBe('UNAUTHENTICATED');
      });
    });

    it('adds nothing twice when it starts again on the same database', async () => {
      const count = async () => {
        const columns = TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ');
        const result = (await server.database.db.execute(sql.raw(`select ${columns}`))) as unknown as {
          rows: Record<string, number>[];
        };
        return result.rows[0];
      };
      const before = await count();
      await server.stop();
      server = await createServer(config(), issuer.authConfig);
      listening = await server.listen(0);
      expect(await count()).toEqual(before);
    });
  });
}

interface ActionProgress {
  code: string;
  status: string;
  latestReport: { period: string; status: string } | null;
  progressReports: { period: string }[] | null;
}
