import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AGENCIES, agencyByCode, type AgencySlug, type AuthConfig } from '@cocuk-koruma/platform';
import { auditLog, progressReports, verifyAuditChain } from '@cocuk-koruma/domain';
import type { GraphQLResponse } from '@cocuk-koruma/testing/graphql';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { clientCredentials, loginWithPassword, realmUrl } from '@cocuk-koruma/dev-identity-provider/login-flow';
import { findClient } from '@cocuk-koruma/dev-identity-provider/realm';
import {
  createIdentityProvider,
  type IdentityProvider,
  type IdentityProviderListening,
} from '@cocuk-koruma/dev-identity-provider/server';
import { commitmentsOf } from '@cocuk-koruma/plan';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type RunningGraph } from '../support/graph.js';

const JUSTICE_ACTION = commitmentsOf('JUSTICE')[0]?.code ?? 'missing justice action';
const HEALTH_ACTION = commitmentsOf('HEALTH')[0]?.code ?? 'missing health action';
const JUSTICE = agencyByCode('JUSTICE').nameEn;
const HEALTH = agencyByCode('HEALTH').nameEn;

const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const HEALTH_LIAISON: TokenOptions = { username: 'health.liaison', agency: 'HEALTH', roles: ['liaison'] };
const FAMILY_BOARD: TokenOptions = { username: 'family.board', agency: 'FAMILY', roles: ['board-member'] };

const saveReport = (agency: AgencySlug) =>
  `mutation Save($input: ProgressReportInput!) {
    ${agency} { saveProgressReport(input: $input) { id period percentComplete narrative version reportedBy } }
  }`;
const RECORD_MEETING = `mutation Record($input: MeetingInput!) { family { recordMeeting(input: $input) { id title } } }`;

function reportInput(actionCode: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actionCode,
    period: '2026-Q3',
    status: 'IN_PROGRESS',
    percentComplete: 40,
    narrative: 'Forensic interview rooms opened in two more provinces',
    ...extra,
  };
}

function meetingInput(number: number): Record<string, unknown> {
  return {
    bodyId: 'central',
    number,
    date: '2026-12-27',
    title: `Central coordination meeting ${number}`,
    summary: 'Progress of the 2026 action plan reviewed',
    decisions: ['Agencies report Q4 progress by 15 January'],
  };
}

interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: GraphQLResponse<T>;
}

/** A GraphQL POST that keeps the HTTP status and headers, with the token as given (or none). */
async function post<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  token: string | undefined,
): Promise<HttpAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T> };
}

function firstError(answer: HttpAnswer): { code: unknown; message: string } {
  const error = answer.body.errors?.[0];
  return { code: error?.extensions?.code, message: error?.message ?? '' };
}

/** What the writes change, per agency database: progress reports, WRITE audit entries, meetings. */
async function writtenRows(graph: RunningGraph): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const agency of AGENCIES) {
    const extra = agency.slug === 'family' ? ', (select count(*) from meetings)::int as meetings' : '';
    const result = (await graph.subgraphs[agency.slug].server.database.db.execute(
      sql.raw(
        `select (select count(*) from progress_reports)::int as progress_reports,
                (select count(*) from audit_log where kind = 'WRITE')::int as audit_writes${extra}`,
      ),
    )) as unknown as { rows: Record<string, number>[] };
    for (const [name, value] of Object.entries(result.rows[0] ?? {})) rows[`${agency.slug}.${name}`] = value;
  }
  return rows;
}

async function readAuditCount(graph: RunningGraph, slug: AgencySlug): Promise<number> {
  const result = (await graph.subgraphs[slug].server.database.db.execute(
    sql.raw(`select count(*)::int as n from audit_log where kind = 'READ'`),
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? -1;
}

/** Alters the signed payload of a JWT (keeping header and signature), as an attacker would. */
function alterPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('with tokens of the local test issuer', () => {
  let graph: RunningGraph;

  beforeAll(async () => {
    graph = await startGraph('security');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  const where = {
    'through the gateway': () => graph.gatewayUrl,
    'at the justice subgraph called directly': () => graph.subgraphs.justice.listening.url,
  };

  // Each would be a justice liaison's write, were the token good.
  const badTokens: [string, () => string | undefined][] = [
    ['no token at all', () => undefined],
    ['a malformed token "abc"', () => 'abc'],
    ['a malformed token "a.b.c"', () => 'a.b.c'],
    [
      'a health liaison’s token whose agency was changed to JUSTICE after signing',
      () =>
        alterPayload(graph.issuer.token(HEALTH_LIAISON), (claims) => {
          claims.agency = 'JUSTICE';
        }),
    ],
    [
      'a token signed with another key under the realm’s key id',
      () => graph.issuer.token({ ...JUSTICE_LIAISON, foreignKey: true, header: { kid: graph.issuer.kid } }),
    ],
    [
      'a token signed with a key the realm does not publish',
      () => graph.issuer.token({ ...JUSTICE_LIAISON, foreignKey: true }),
    ],
    ['an expired token', () => graph.issuer.token({ ...JUSTICE_LIAISON, expiresIn: -60 })],
    [
      'a token from another issuer',
      () => graph.issuer.token({ ...JUSTICE_LIAISON, claims: { iss: 'http://127.0.0.1:1/realms/cocuk-koruma' } }),
    ],
    ['a token for another audience', () => graph.issuer.token({ ...JUSTICE_LIAISON, claims: { aud: 'someone-else' } })],
    ['an unsigned token (alg none)', () => graph.issuer.token({ ...JUSTICE_LIAISON, header: { alg: 'none' } })],
    ['a token without an expiry', () => graph.issuer.token({ ...JUSTICE_LIAISON, claims: { exp: undefined } })],
    [
      'a refresh token instead of an access token',
      () => graph.issuer.token({ ...JUSTICE_LIAISON, claims: { typ: 'Refresh' } }),
    ],
    ['an ID token instead of an access token', () => graph.issuer.token({ ...JUSTICE_LIAISON, claims: { typ: 'ID' } })],
  ];

  for (const [place, url] of Object.entries(where)) {
    describe(`a write ${place}`, () => {
      for (const [name, token] of badTokens) {
        it(`is refused with 401 UNAUTHENTICATED for ${name}, and nothing is written`, async () => {
          const before = await writtenRows(graph);
          const answer = await post(url(), saveReport('justice'), { input: reportInput(JUSTICE_ACTION) }, token());
          expect(answer.status).toBe(401);
          expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="cocuk-koruma"/);
          expect(answer.headers.get('content-type')).toMatch(/application\/json/);
          expect(firstError(answer).code).toBe('UNAUTHENTICATED');
          const reason = answer.body.errors?.[0]?.extensions?.reason;
          if (name.includes('malformed')) expect(reason).toBe('token is malformed');
          else expect(reason).toEqual(expect.stringMatching(/\S/));
          expect(answer.body.data).toBeUndefined();
          expect(await writtenRows(graph)).toEqual(before);
        });
      }
    });
  }

  it('refuses a token sent under another scheme than Bearer with 401', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${graph.issuer.token(JUSTICE_LIAISON)}` },
      body: JSON.stringify({ query: '{ justice { code } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  describe('a justice liaison filing progress', () => {
    const justiceReport = async () =>
      graph.subgraphs.justice.server.database.db
        .select()
        .from(progressReports)
        .where(and(eq(progressReports.actionCode, JUSTICE_ACTION), eq(progressReports.period, '2026-Q3')));

    it('creates the quarter’s report at version 1', async () => {
      const answer = await post<{ justice: { saveProgressReport: { version: number; reportedBy: string } } }>(
        graph.gatewayUrl,
        saveReport('justice'),
        { input: reportInput(JUSTICE_ACTION) },
        graph.issuer.token(JUSTICE_LIAISON),
      );
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.justice.saveProgressReport).toMatchObject({ version: 1, reportedBy: 'justice.liaison' });
      expect(await justiceReport()).toHaveLength(1);
    });

    it('changes it with expectedVersion 1, giving version 2', async () => {
      const answer = await post<{ justice: { saveProgressReport: { version: number; percentComplete: number } } }>(
        graph.gatewayUrl,
        saveReport('justice'),
        {
          input: reportInput(JUSTICE_ACTION, {
            percentComplete: 55,
            narrative: 'Third room opened',
            expectedVersion: 1,
          }),
        },
        graph.issuer.token(JUSTICE_LIAISON),
      );
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.justice.saveProgressReport).toMatchObject({ version: 2, percentComplete: 55 });
      expect(await justiceReport()).toMatchObject([
        { version: 2, percentComplete: 55, narrative: 'Third room opened' },
      ]);
    });

    it('leaves both writes in the justice audit chain with their versions, and the chain intact', async () => {
      const db = graph.subgraphs.justice.server.database.db;
      const writes = await db.select().from(auditLog).where(eq(auditLog.kind, 'WRITE')).orderBy(asc(auditLog.seq));
      expect(writes).toMatchObject([
        {
          actor: 'justice.liaison',
          actorAgency: 'JUSTICE',
          operation: 'saveProgressReport',
          entityType: 'ProgressReport',
          beforeVersion: null,
          afterVersion: 1,
        },
        { actor: 'justice.liaison', operation: 'saveProgressReport', beforeVersion: 1, afterVersion: 2 },
      ]);
      expect(writes[0]?.entityIds).toContainEqual(expect.stringMatching(new RegExp(`^${JUSTICE_ACTION}/2026-Q3`)));
      const verdict = await verifyAuditChain(db);
      expect(verdict.ok).toBe(true);
      expect(verdict.entries).toBeGreaterThanOrEqual(2);
    });

    it('is refused with CONFLICT for a stale expectedVersion, and the stored report stays at version 2', async () => {
      const before = await writtenRows(graph);
      const answer = await post(
        graph.gatewayUrl,
        saveReport('justice'),
        { input: reportInput(JUSTICE_ACTION, { percentComplete: 90, narrative: 'Overwrite', expectedVersion: 1 }) },
        graph.issuer.token(JUSTICE_LIAISON),
      );
      expect(firstError(answer).code).toBe('CONFLICT');
      expect(firstError(answer).message).toMatch(/version 2, not 1/);
      expect(answer.body.errors?.[0]?.extensions?.currentVersion).toBe(2);
      expect(await justiceReport()).toMatchObject([
        { version: 2, percentComplete: 55, narrative: 'Third room opened' },
      ]);
      expect(await writtenRows(graph)).toEqual(before);
    });

    for (const [name, extra, field] of [
      ['a percentage of 150', { percentComplete: 150 }, 'percentComplete'],
      ['the period 2026-Q5', { period: '2026-Q5' }, 'period'],
    ] as const) {
      it(`is refused with BAD_USER_INPUT for ${name}, and nothing is written`, async () => {
        const before = await writtenRows(graph);
        const answer = await post(
          graph.gatewayUrl,
          saveReport('justice'),
          { input: reportInput(JUSTICE_ACTION, { ...extra }) },
          graph.issuer.token(JUSTICE_LIAISON),
        );
        expect(firstError(answer).code).toBe('BAD_USER_INPUT');
        expect(firstError(answer).message).toContain(field);
        expect(await writtenRows(graph)).toEqual(before);
      });
    }
  });

  // [case, mutation root, query, variables, token, the rule the refusal must name]
  const refusals: [string, AgencySlug, string, Record<string, unknown>, TokenOptions, string][] = [
    [
      'a caller whose token carries no agency writing',
      'justice',
      saveReport('justice'),
      { input: reportInput(JUSTICE_ACTION) },
      { username: 'stray.liaison', roles: ['liaison'] },
      'carries no agency',
    ],
    [
      'a justice liaison writing the health ministry’s data',
      'health',
      saveReport('health'),
      { input: reportInput(HEALTH_ACTION) },
      JUSTICE_LIAISON,
      `you act for the ${JUSTICE}; only the ${HEALTH} may change its data`,
    ],
    [
      'the justice agency system acting for the health ministry',
      'health',
      saveReport('health'),
      { input: reportInput(HEALTH_ACTION) },
      {
        username: 'service-account-justice-system',
        roles: ['agency-system'],
        agency: 'JUSTICE',
        clientId: 'justice-system',
      },
      `the agency system "justice-system" acts for the ${JUSTICE}`,
    ],
    [
      'a justice board member (no writer role) writing justice data',
      'justice',
      saveReport('justice'),
      { input: reportInput(JUSTICE_ACTION, { period: '2026-Q4' }) },
      { username: 'justice.board', agency: 'JUSTICE', roles: ['board-member'] },
      'needs one of the roles liaison, focal-point, agency-system',
    ],
    [
      'a family liaison (not the secretariat) recording a meeting',
      'family',
      RECORD_MEETING,
      { input: meetingInput(90) },
      { username: 'family.liaison', agency: 'FAMILY', roles: ['liaison'] },
      'only the coordination secretariat',
    ],
    [
      'a secretariat role from another agency recording a meeting',
      'family',
      RECORD_MEETING,
      { input: meetingInput(91) },
      { username: 'justice.secretariat', agency: 'JUSTICE', roles: ['secretariat'] },
      'only the coordination secretariat',
    ],
    [
      'a health liaison reporting on a justice action through the health subgraph',
      'health',
      saveReport('health'),
      { input: reportInput(JUSTICE_ACTION) },
      HEALTH_LIAISON,
      `action ${JUSTICE_ACTION} belongs to the ${JUSTICE}; only the responsible agency reports on it`,
    ],
  ];

  for (const [name, root, query, variables, as, rule] of refusals) {
    for (const via of ['gateway', 'subgraph'] as const) {
      it(`refuses ${name} with FORBIDDEN naming the rule (${via}), and nothing is written`, async () => {
        const url = via === 'gateway' ? graph.gatewayUrl : graph.subgraphs[root].listening.url;
        const before = await writtenRows(graph);
        const answer = await post(url, query, variables, graph.issuer.token(as));
        expect(answer.status).toBe(200);
        expect(firstError(answer).code).toBe('FORBIDDEN');
        expect(firstError(answer).message).toContain(rule);
        // The refused change is null (its namespace may be too): no result comes back.
        const part = answer.body.data?.[root] as Record<string, unknown> | null | undefined;
        expect(Object.values(part ?? {}).every((value) => value === null)).toBe(true);
        expect(await writtenRows(graph)).toEqual(before);
      });
    }
  }

  describe('the audit log', () => {
    const AUDIT_QUERY = '{ justice { auditLog(first: 5) { totalCount edges { node { kind actor operation } } } } }';

    it('is open to an auditor', async () => {
      const answer = await post<{
        justice: {
          auditLog: { totalCount: number; edges: { node: { kind: string; actor: string; operation: string } }[] };
        };
      }>(
        graph.gatewayUrl,
        AUDIT_QUERY,
        undefined,
        graph.issuer.token({ username: 'justice.auditor', agency: 'JUSTICE', roles: ['auditor'] }),
      );
      expect(answer.body.errors).toBeUndefined();
      const log = answer.body.data?.justice.auditLog;
      expect(log?.totalCount).toBeGreaterThanOrEqual(2);
      expect(log?.edges.map((e) => e.node)).toContainEqual({
        kind: 'WRITE',
        actor: 'justice.liaison',
        operation: 'saveProgressReport',
      });
    });

    it('is refused to a liaison with FORBIDDEN', async () => {
      const answer = await post(graph.gatewayUrl, AUDIT_QUERY, undefined, graph.issuer.token(JUSTICE_LIAISON));
      expect(firstError(answer).code).toBe('FORBIDDEN');
      expect(firstError(answer).message).toContain('audit log');
      expect(answer.body.data?.justice ?? null).toBeNull();
    });

    it('gains a READ entry when another agency’s caller reads justice data', async () => {
      const before = await readAuditCount(graph, 'justice');
      const answer = await post(
        graph.gatewayUrl,
        '{ justice { actions { code } } }',
        undefined,
        graph.issuer.token(FAMILY_BOARD),
      );
      expect(answer.body.errors).toBeUndefined();
      expect(await readAuditCount(graph, 'justice')).toBe(before + 1);
      const [latest] = await graph.subgraphs.justice.server.database.db
        .select()
        .from(auditLog)
        .orderBy(sql`${auditLog.seq} desc`)
        .limit(1);
      expect(latest).toMatchObject({ kind: 'READ', actor: 'family.board', actorAgency: 'FAMILY' });
    });

    it('gains no READ entry when justice’s own staff read justice data', async () => {
      const before = await readAuditCount(graph, 'justice');
      const answer = await post(
        graph.gatewayUrl,
        '{ justice { actions { code } } }',
        undefined,
        graph.issuer.token(JUSTICE_LIAISON),
      );
      expect(answer.body.errors).toBeUndefined();
      expect(await readAuditCount(graph, 'justice')).toBe(before);
    });
  });
});

describe('with real tokens of the embedded identity provider', () => {
  const PASSWORD = 'example-password';
  const PORTAL_REDIRECT = 'http://localhost:5173/callback';
  let dataDir: string;
  let idp: IdentityProvider;
  let provider: IdentityProviderListening;
  let graph: RunningGraph;

  const login = async (username: string) =>
    (
      await loginWithPassword({
        realmUrl: realmUrl(provider.url),
        clientId: 'portal',
        redirectUri: PORTAL_REDIRECT,
        username,
        password: PASSWORD,
      })
    ).access_token;

  const systemToken = async (clientId: string) =>
    (
      await clientCredentials({
        realmUrl: realmUrl(provider.url),
        clientId,
        clientSecret: findClient(idp.realm, clientId)?.secret ?? '',
      })
    ).access_token;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-idp-'));
    idp = createIdentityProvider({ dataDir });
    provider = await idp.listen(0);
    const auth: AuthConfig = {
      keycloakUrl: provider.url,
      realm: 'cocuk-koruma',
      audience: 'cocuk-koruma-api',
      minTimeBetweenJwksRequests: 1,
    };
    graph = await startGraph('security_idp', { auth });
  });

  afterAll(async () => {
    await graph?.stop();
    await idp?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const expectForbidden = async (answer: HttpAnswer, rule: string, before: Record<string, number>) => {
    expect(firstError(answer).code).toBe('FORBIDDEN');
    expect(firstError(answer).message).toContain(rule);
    expect(await writtenRows(graph)).toEqual(before);
  };

  it('lets justice.liaison save a justice report, and refuses it on health', async () => {
    const token = await login('justice.liaison');
    const saved = await post<{ justice: { saveProgressReport: { version: number; reportedBy: string } } }>(
      graph.gatewayUrl,
      saveReport('justice'),
      { input: reportInput(JUSTICE_ACTION) },
      token,
    );
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data?.justice.saveProgressReport).toMatchObject({ version: 1, reportedBy: 'justice.liaison' });

    const before = await writtenRows(graph);
    const refused = await post(graph.gatewayUrl, saveReport('health'), { input: reportInput(HEALTH_ACTION) }, token);
    await expectForbidden(refused, `only the ${HEALTH} may change its data`, before);
  });

  it('answers a mutation with an allowed justice part and a refused health part with the justice draft beside the refusal', async () => {
    const before = await writtenRows(graph);
    const answer = await post<{
      justice: { saveProgressReport: { id: string; version: number; period: string } | null } | null;
      health: { saveProgressReport: { id: string } | null } | null;
    }>(
      graph.gatewayUrl,
      `mutation Both($justice: ProgressReportInput!, $health: ProgressReportInput!) {
        justice { saveProgressReport(input: $justice) { id version period } }
        health { saveProgressReport(input: $health) { id } }
      }`,
      {
        justice: reportInput(JUSTICE_ACTION, { period: '2025-Q2' }),
        health: reportInput(HEALTH_ACTION, { period: '2025-Q2' }),
      },
      await login('justice.liaison'),
    );
    expect(answer.status).toBe(200);
    const draft = answer.body.data?.justice?.saveProgressReport;
    expect(draft).toMatchObject({ version: 1, period: '2025-Q2' });
    expect(answer.body.data?.health?.saveProgressReport ?? null).toBeNull();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]).toMatchObject({
      path: ['health', 'saveProgressReport'],
      extensions: { code: 'FORBIDDEN' },
    });
    // The id the client was given is the draft that was written, and only it was.
    const [row] = await graph.subgraphs.justice.server.database.db
      .select()
      .from(progressReports)
      .where(eq(progressReports.id, draft?.id ?? ''));
    expect(row).toMatchObject({ actionCode: JUSTICE_ACTION, period: '2025-Q2', state: 'DRAFT' });
    const after = await writtenRows(graph);
    expect(after['justice.progress_reports']).toBe((before['justice.progress_reports'] ?? 0) + 1);
    expect(after['health.progress_reports']).toBe(before['health.progress_reports']);
  });

  it('lets the justice-system client write justice data with client credentials, and refuses it on health', async () => {
    const token = await systemToken('justice-system');
    const saved = await post<{ justice: { saveProgressReport: { version: number } } }>(
      graph.gatewayUrl,
      saveReport('justice'),
      { input: reportInput(JUSTICE_ACTION, { period: '2026-Q2' }) },
      token,
    );
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data?.justice.saveProgressReport.version).toBe(1);

    const before = await writtenRows(graph);
    const refused = await post(graph.gatewayUrl, saveReport('health'), { input: reportInput(HEALTH_ACTION) }, token);
    await expectForbidden(refused, 'the agency system "justice-system"', before);
  });

  it('refuses noagency.liaison writing any agency’s data', async () => {
    const token = await login('noagency.liaison');
    const before = await writtenRows(graph);
    const refused = await post(
      graph.gatewayUrl,
      saveReport('justice'),
      { input: reportInput(JUSTICE_ACTION, { period: '2026-Q1' }) },
      token,
    );
    await expectForbidden(refused, 'carries no agency', before);
  });

  it('lets family.secretariat record a meeting, and refuses justice.focal', async () => {
    const before = await writtenRows(graph);
    const recorded = await post<{ family: { recordMeeting: { id: string } } }>(
      graph.gatewayUrl,
      RECORD_MEETING,
      { input: meetingInput(95) },
      await login('family.secretariat'),
    );
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.family.recordMeeting.id).toBe('central-95');
    const after = await writtenRows(graph);
    expect(after['family.meetings']).toBe((before['family.meetings'] ?? 0) + 1);
    expect(after['family.audit_writes']).toBe((before['family.audit_writes'] ?? 0) + 1);

    const refused = await post(
      graph.gatewayUrl,
      RECORD_MEETING,
      { input: meetingInput(96) },
      await login('justice.focal'),
    );
    await expectForbidden(refused, 'only the coordination secretariat', after);
  });

  it('refuses a provider token with one payload character changed with 401', async () => {
    const token = await login('justice.liaison');
    const [header, payload, signature] = token.split('.');
    // Push the expiry out by changing its first digit: still valid JSON, no longer what was signed.
    const json = Buffer.from(payload ?? '', 'base64url').toString('utf8');
    const tampered = json.replace(/"exp":(\d)/, (_m, digit: string) => `"exp":${(Number(digit) + 1) % 10}`);
    expect(tampered).not.toBe(json);
    expect(() => JSON.parse(tampered) as unknown).not.toThrow();
    const forged = `${header}.${Buffer.from(tampered).toString('base64url')}.${signature}`;
    const before = await writtenRows(graph);
    for (const url of [graph.gatewayUrl, graph.subgraphs.justice.listening.url]) {
      const answer = await post(
        url,
        saveReport('justice'),
        { input: reportInput(JUSTICE_ACTION, { period: '2026-Q1' }) },
        forged,
      );
      expect(answer.status).toBe(401);
      expect(firstError(answer).code).toBe('UNAUTHENTICATED');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
    expect(await writtenRows(graph)).toEqual(before);
  });
});
