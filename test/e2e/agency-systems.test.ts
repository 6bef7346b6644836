/**
 * Agency systems and trusted documents, against the whole stack as `npm start` runs it, with the
 * development identity provider issuing real tokens (client credentials for the agency systems,
 * the portal client's code flow for people) and the gateway in production mode:
 * - the typed client's example program reports a quarter's progress from justice's own system;
 * - a retried write with the same Idempotency-Key is replayed, not written twice;
 * - the portal is held to its build's manifest of persisted documents, an agency system may send
 *   free-form operations within the cost limits, and health's system is held to the client
 *   package's manifest.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { AgencyClient, clientCredentialsTokenSource, GraphQLRequestError, type AgencyCode } from '@cocuk-koruma/client';
import { loginWithPassword, realmUrl } from '@cocuk-koruma/dev-identity-provider/login-flow';
import { REPO_ROOT } from '@cocuk-koruma/platform/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startPortalStack, type PortalStack } from '../support/browser.js';

const run = promisify(execFile);
const PERIOD = '2020-Q2';
const EXAMPLE = path.join(REPO_ROOT, 'packages/client/examples/report-progress.ts');
const CLIENT_MANIFEST = path.join(REPO_ROOT, 'packages/client/src/generated/persisted-documents.json');
const PORTAL_MANIFEST = path.join(REPO_ROOT, 'portal/dist/persisted-documents.json');
/** The realm export's development secrets of the agency systems' clients. */
const secretOf = (client: string) => `local-dev-only-${client}-secret`;

let portal: PortalStack;

beforeAll(async () => {
  portal = await startPortalStack('agency_systems', {
    subgraphTimeoutMs: 5000,
    today: '2020-06-30',
    // Shared by the family subgraph and the gateway, so the family's read-back for a portal user
    // (overall status) still runs while the portal is held to its manifest.
    env: { READ_BACK_SECRET: 'agency-systems-test-read-back-secret-0123456789' },
    gatewayEnv: { NODE_ENV: 'production', TRUSTED_DOCUMENTS: `health-system=manifest:${CLIENT_MANIFEST}` },
  });
}, 240_000);

afterAll(async () => {
  await portal?.stop();
});

function agencyClient(agency: AgencyCode, client: string, documents: 'text' | 'hash' = 'text'): AgencyClient {
  return new AgencyClient({
    url: portal.stack.gatewayUrl,
    agency,
    documents,
    tokens: clientCredentialsTokenSource({
      realmUrl: realmUrl(portal.keycloakUrl),
      clientId: client,
      clientSecret: secretOf(client),
    }),
  });
}

async function personToken(username: string): Promise<string> {
  const tokens = await loginWithPassword({
    realmUrl: realmUrl(portal.keycloakUrl),
    clientId: 'portal',
    redirectUri: `${portal.portalUrl}auth/callback`,
    username,
    password: PASSWORD,
  });
  return tokens.access_token;
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(token: string, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(portal.stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** The hash of a portal operation in the build's manifest, by its operation name (as written, for justice). */
function portalHash(operation: string, namespace = 'justice'): string {
  const manifest = JSON.parse(fs.readFileSync(PORTAL_MANIFEST, 'utf8')) as Record<string, string>;
  const found = Object.entries(manifest).find(
    ([, text]) =>
      new RegExp(`query ${operation}\\b`).test(text) &&
      (!text.includes('agency: ') || text.includes(`agency: ${namespace} {`)),
  );
  if (!found) throw new Error(`no ${operation} for ${namespace} in the portal's manifest`);
  return found[0];
}

describe("an agency's own system, through the typed client", () => {
  it('reports a quarter’s progress with the example program: token, its actions, a draft, submitted', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', EXAMPLE], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        GRAPH_URL: portal.stack.gatewayUrl,
        REALM_URL: realmUrl(portal.keycloakUrl),
        CLIENT_ID: 'justice-system',
        CLIENT_SECRET: secretOf('justice-system'),
        AGENCY: 'JUSTICE',
        PERIOD,
        ACTION: 'A1.H1.E2',
        PERCENT: '60',
      },
    });
    const submitted = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(submitted).toMatchObject({
      actionCode: 'A1.H1.E2',
      period: PERIOD,
      state: 'SUBMITTED',
      percentComplete: 60,
    });

    // The report arrived: justice's focal point finds it waiting for review, through the portal's own operation.
    const focal = await post(await personToken('justice.focal'), { documentId: portalHash('ApprovalQueue') });
    expect(focal.status).toBe(200);
    expect(focal.body.errors).toBeUndefined();
    const pending = (focal.body.data?.agency as { pendingReview: { id: string; state: string; authors: string[] }[] })
      .pendingReview;
    expect(pending).toContainEqual(
      expect.objectContaining({ id: submitted.id, state: 'SUBMITTED', authors: ['service-account-justice-system'] }),
    );
  });

  it('replays a retried write with the same key instead of writing it again', async () => {
    const justice = agencyClient('JUSTICE', 'justice-system');
    const input = {
      actionCode: 'A1.H1.E2',
      period: '2020-Q1',
      status: 'IN_PROGRESS' as const,
      percentComplete: 30,
      narrative: 'Örnek: yeniden denenen kayıt. / Example: a retried save.',
    };
    const key = 'agency-systems-test:save:A1.H1.E2:2020-Q1';
    const first = await justice.saveProgressReport(input, { idempotencyKey: key });
    const retried = await justice.saveProgressReport(input, { idempotencyKey: key });
    expect(first.replayed).toBe(false);
    expect(retried.replayed).toBe(true);
    expect(retried.value).toEqual(first.value);
    const history = await justice.reportHistory(['A1.H1.E2'], '2020-Q1');
    expect(history.get('A1.H1.E2')).toEqual([
      expect.objectContaining({ id: first.value.id, version: first.value.version }),
    ]);

    // The same key with another body is the caller's mistake: CONFLICT, never retried, nothing written.
    const other = await justice
      .saveProgressReport({ ...input, percentComplete: 35 }, { idempotencyKey: key })
      .catch((e: unknown) => e);
    expect(other).toBeInstanceOf(GraphQLRequestError);
    expect(other).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect((await justice.reportHistory(['A1.H1.E2'], '2020-Q1')).get('A1.H1.E2')?.[0]?.percentComplete).toBe(30);
  });

  it('surfaces a refusal as a typed error with the graph’s code', async () => {
    const justice = agencyClient('JUSTICE', 'justice-system');
    const refused = await justice
      .saveProgressReport({
        actionCode: 'A1.H1.E3',
        period: PERIOD,
        status: 'IN_PROGRESS',
        percentComplete: 10,
        narrative: 'Örnek',
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphQLRequestError);
    expect((refused as GraphQLRequestError).code).toMatch(/^(FORBIDDEN|NOT_FOUND|BAD_USER_INPUT)$/);
  });
});

describe('trusted documents at the gateway in production', () => {
  it('runs the portal’s operations by hash, each agency’s variant included, with the family’s read-back', async () => {
    const token = await personToken('health.liaison');
    const detail = await post(token, { documentId: portalHash('ActionDetail'), variables: { code: 'A1.H1.E2' } });
    expect(detail.status).toBe(200);
    expect(detail.body.errors).toBeUndefined();
    // overallStatus is the family's read-back through the gateway as the portal user.
    expect((detail.body.data?.action as { overallStatus: string | null }).overallStatus).toEqual(expect.any(String));

    const healthInbox = portalHash('ReportingInbox', 'health');
    expect(healthInbox).not.toBe(portalHash('ReportingInbox'));
    const inbox = await post(token, {
      extensions: { persistedQuery: { version: 1, sha256Hash: healthInbox } },
      variables: { period: PERIOD },
    });
    expect(inbox.status).toBe(200);
    expect(inbox.body.errors).toBeUndefined();
    expect(inbox.body.data?.agency).toMatchObject({ code: 'HEALTH' });
  });

  it('answers an unknown hash with 400 PERSISTED_QUERY_NOT_FOUND', async () => {
    const hash = createHash('sha256').update('query Unknown { __typename }').digest('hex');
    const answer = await post(await personToken('justice.liaison'), { documentId: `sha256:${hash}` });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(answer.body.errors?.[0]?.message).toContain('No persisted document');
  });

  it('refuses free-form text from the portal’s client with FORBIDDEN naming the rule', async () => {
    const answer = await post(await personToken('justice.liaison'), { query: '{ goals { code } }' });
    expect(answer.status).toBe(403);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'TRUSTED_DOCUMENTS_ONLY',
      clientId: 'portal',
    });
    expect(answer.body.errors?.[0]?.message).toContain('yalnızca kayıtlı belgeleri');
  });

  it('lets an agency system send free-form operations, within the cost limits', async () => {
    const token = await clientCredentialsTokenSource({
      realmUrl: realmUrl(portal.keycloakUrl),
      clientId: 'education-system',
      clientSecret: secretOf('education-system'),
    }).getToken();
    const small = await post(token, { query: '{ education { actions { code } } }' });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    const huge = await post(token, {
      query: '{ actionPage(first: 100000) { edges { node { code progressReports { id } } } } }',
    });
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('holds a client registered to its manifest to it: its hashes run, free-form text is refused', async () => {
    const health = agencyClient('HEALTH', 'health-system', 'hash');
    const actions = await health.actions(PERIOD);
    expect(actions.length).toBeGreaterThan(0);

    const textual = await agencyClient('HEALTH', 'health-system', 'text')
      .actions(PERIOD)
      .catch((e: unknown) => e);
    expect(textual).toBeInstanceOf(GraphQLRequestError);
    expect(textual).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect((textual as GraphQLRequestError).errors[0]?.extensions?.rule).toBe('TRUSTED_DOCUMENTS_ONLY');

    // The portal's documents are not health's system's.
    const token = await clientCredentialsTokenSource({
      realmUrl: realmUrl(portal.keycloakUrl),
      clientId: 'health-system',
      clientSecret: secretOf('health-system'),
    }).getToken();
    const portalDocument = await post(token, { documentId: portalHash('PlanOverview') });
    expect(portalDocument.status).toBe(400);
    expect(portalDocument.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
