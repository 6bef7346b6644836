import { plan } from '@cocuk-koruma/plan';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined, startFamily, type GraphQLBody, type RunningFamily } from './helpers.js';

interface Page {
  actionPage: {
    totalCount: number | null;
    unavailableAgencies: string[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { code: string; responsibleAgency: string } }[];
  } | null;
}

const PAGE = `query Page($first: Int, $after: String, $filter: ActionFilter) {
  actionPage(first: $first, after: $after, filter: $filter) {
    totalCount unavailableAgencies pageInfo { hasNextPage endCursor }
    edges { cursor node { code responsibleAgency } }
  }
}`;

const byteOrder = (codes: string[]) => [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('the plan browser’s action pages', () => {
  let family: RunningFamily;
  const page = (variables: Record<string, unknown>) => family.query<Page>(PAGE, variables);
  const codesOf = async (filter: Record<string, unknown>) => {
    const body = await page({ first: 100, filter });
    expect(body.errors).toBeUndefined();
    return defined(body.data?.actionPage).edges.map((e) => e.node.code);
  };

  beforeAll(async () => {
    family = await startFamily('action_page');
  });
  afterAll(async () => {
    await family?.stop();
  });

  it('walks the whole plan page by page in code order, each action once, with the total on every page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const body: GraphQLBody<Page> = await page({ first: 10, after });
      expect(body.errors).toBeUndefined();
      const connection = defined(body.data?.actionPage);
      expect(connection.totalCount).toBe(plan.actions.length);
      expect(connection.edges.length).toBeLessThanOrEqual(10);
      seen.push(...connection.edges.map((e) => e.node.code));
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(plan.actions.length / 10));
    expect(seen).toEqual(byteOrder(plan.actions.map((a) => a.code)));
  });

  it('answers a page in as many SQL statements for 30 actions as for 3', async () => {
    const fields = `query ($n: Int) { actionPage(first: $n) { totalCount edges { node {
      code title goal { code } area { code } collaborators { code } indicators { code } dueDateHistory { revision } } } } }`;
    const statements = async (n: number) => {
      const before = family.server.database.queryCount();
      const body = await family.query(fields, { n });
      expect(body.errors).toBeUndefined();
      return family.server.database.queryCount() - before;
    };
    expect(await statements(30)).toBe(await statements(3));
  });

  it.each([
    ['first: 0', { first: 0 }, 'first'],
    ['first: 101', { first: 101 }, 'first'],
    ['a cursor this list never gave', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ['a cursor with a code that is no code', { after: Buffer.from('action:../x y').toString('base64url') }, 'after'],
    ['a period that is no quarter', { filter: { period: '2026-Q5' } }, 'filter.period'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, variables, field) => {
    const body = await page(variables);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('names an area or goal that does not exist with NOT_FOUND', async () => {
    const body = await page({ filter: { goalCode: 'Z9.H9' } });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.message).toContain('Z9.H9');
  });

  it('combines the plan filters: agency, area, goal and quarter', async () => {
    const goal = defined(plan.goals.find((g) => plan.actions.filter((a) => a.goal === g.code).length > 2));
    const inGoal = plan.actions.filter((a) => a.goal === goal.code);
    const agency = defined(inGoal[0]).responsible;
    expect(await codesOf({ goalCode: goal.code })).toEqual(byteOrder(inGoal.map((a) => a.code)));
    expect(await codesOf({ areaCode: goal.area, responsible: agency })).toEqual(
      byteOrder(
        plan.actions
          .filter((a) => a.responsible === agency && plan.goals.find((g) => g.code === a.goal)?.area === goal.area)
          .map((a) => a.code),
      ),
    );
    // Running during 2019-Q3: started by its end, not due before its start.
    const running = plan.actions.filter((a) => a.startDate <= '2019-09-30' && a.dueDate >= '2019-07-01');
    expect(running.length).toBeGreaterThan(0);
    expect(running.length).toBeLessThan(plan.actions.length);
    expect(await codesOf({ period: '2019-Q3' })).toEqual(byteOrder(running.map((a) => a.code)));
    expect(await codesOf({ period: '2019-Q3', responsible: agency })).toEqual(
      byteOrder(running.filter((a) => a.responsible === agency).map((a) => a.code)),
    );
  });

  it('finds titles whatever the case of Turkish İ/ı/I/i and with or without Turkish letters', async () => {
    // Each word on its own: A7.H1.E1 has "Valiliklerin" and "Koordinasyona".
    const expected = ['A5.H1.E1', 'A5.H2.E1', 'A5.H2.E2', 'A7.H1.E1'];
    for (const search of ['il koordinasyon', 'İL KOORDİNASYON', 'IL KOORDINASYON', 'İl Koordinasyon']) {
      expect(await codesOf({ search })).toEqual(expected);
    }
    expect(await codesOf({ search: 'VALİLİK' })).toEqual(['A7.H1.E1']);
    expect(await codesOf({ search: 'ÇOCUK MAHKEMELERİ' })).toEqual(['A4.H1.E1', 'A6.H1.E1']);
    expect(await codesOf({ search: 'cocuk mahkemeleri' })).toEqual(['A4.H1.E1', 'A6.H1.E1']);
    // English titles and codes too; words combine, and LIKE's wildcards are only characters.
    expect(await codesOf({ search: 'COURTS child' })).toEqual(['A4.H1.E1', 'A6.H1.E1']);
    expect(await codesOf({ search: 'a4.h2' })).toEqual(['A4.H2.E1', 'A4.H2.E2', 'A4.H2.E3', 'A4.H2.E4', 'A4.H2.E5']);
    expect(await codesOf({ search: '%' })).toEqual([]);
  });

  it('filters the family’s own actions by status and overdue as their own fields say', async () => {
    const body = await family.query<{ family: { actions: { code: string; status: string; overdue: boolean }[] } }>(
      '{ family { actions { code status overdue } } }',
    );
    const own = defined(body.data?.family.actions);
    const statuses = [...new Set(own.map((a) => a.status))];
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) {
      expect(await codesOf({ responsible: 'FAMILY', status: [status] })).toEqual(
        byteOrder(own.filter((a) => a.status === status).map((a) => a.code)),
      );
    }
    for (const overdue of [true, false]) {
      expect(await codesOf({ responsible: 'FAMILY', overdue })).toEqual(
        byteOrder(own.filter((a) => a.overdue === overdue).map((a) => a.code)),
      );
    }
  });

  it('leaves out, and names, an agency whose statuses cannot be read, instead of guessing', async () => {
    // This family subgraph has no gateway to ask for justice's statuses.
    const body = await page({ filter: { status: ['IN_PROGRESS', 'COMPLETED', 'NOT_STARTED', 'AT_RISK', 'DELAYED'] } });
    const connection = defined(body.data?.actionPage);
    expect(connection.unavailableAgencies).toEqual(['JUSTICE', 'HEALTH', 'EDUCATION', 'INTERIOR']);
    expect(connection.edges.every((e) => e.node.responsibleAgency === 'FAMILY')).toBe(true);
    expect(connection.edges.length).toBe(plan.actions.filter((a) => a.responsible === 'FAMILY').length);
    expect(connection.totalCount).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      path: ['actionPage', 'totalCount'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
  });
});
