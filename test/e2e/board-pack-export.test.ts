import { auditLog } from '@cocuk-koruma/domain';
import type { TokenOptions } from '@cocuk-koruma/testing/issuer';
import { parse } from 'csv-parse/sync';
import { desc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/documents.js';
import { startGraph, type RunningGraph } from '../support/graph.js';

const SECRETARIAT: TokenOptions = { username: 'family.secretariat', agency: 'FAMILY', roles: ['secretariat'] };
const JUSTICE_LIAISON: TokenOptions = { username: 'justice.liaison', agency: 'JUSTICE', roles: ['liaison'] };
const TITLE = 'Merkez Koordinasyon Kurulu 99. Toplantısı — İzleme';

let graph: RunningGraph;
let meetingId: string;
let meetingVersion: number;

beforeAll(async () => {
  graph = await startGraph('export');
  const scheduled = await graph.query<{ family: { scheduleMeeting: { id: string; version: number } } }>(
    `mutation Schedule($input: ScheduleMeetingInput!) { family { scheduleMeeting(input: $input) { id version } } }`,
    { input: { bodyId: 'central', number: 99, date: '2026-12-01', title: TITLE } },
    SECRETARIAT,
  );
  expect(scheduled.errors).toBeUndefined();
  meetingId = scheduled.data?.family.scheduleMeeting.id ?? '';
  meetingVersion = scheduled.data?.family.scheduleMeeting.version ?? 0;
});

afterAll(async () => {
  await graph?.stop();
});

function download(
  file: string,
  as: TokenOptions | null = { username: 'family.board', agency: 'FAMILY', roles: ['board-member'] },
  headers: Record<string, string> = {},
) {
  return fetch(new URL(`/exports/board-pack/${file}`, graph.gatewayUrl), {
    headers: { ...headers, ...(as ? { authorization: `Bearer ${graph.issuer.token(as)}` } : {}) },
  });
}

async function errorsOf(response: Response): Promise<{ message: string; extensions?: { code?: string } }[]> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return ((await response.json()) as { errors: { message: string; extensions?: { code?: string } }[] }).errors;
}

describe('board pack downloads through the gateway', () => {
  it('refuses a download without a token with 401 UNAUTHENTICATED, as the GraphQL endpoint does', async () => {
    const response = await download(`${meetingId}.pdf`, null);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="cocuk-koruma"/);
    expect((await errorsOf(response))[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves the pack as a PDF that reads back with the meeting title', async () => {
    const response = await download(`${meetingId}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="board-pack-${meetingId}.pdf"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = (await pdfText(await response.arrayBuffer())).replace(/\s/g, '');
    expect(text).toContain(TITLE.replace(/\s/g, ''));
    // Turkish by default.
    expect(text).toContain('GÜNCEL');
    expect(response.headers.get('content-language')).toBe('tr');
  });

  it('serves the pack in English for ?lang=en or an English Accept-Language, and refuses ?lang=de with 400', async () => {
    const english = await download(`${meetingId}.pdf?lang=en`);
    expect(english.status).toBe(200);
    expect((await pdfText(await english.arrayBuffer())).replace(/\s/g, '')).toContain('Actionsbystrategicarea');
    const byHeader = await download(`${meetingId}.csv`, undefined, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(byHeader.headers.get('content-language')).toBe('en');
    const refused = await download(`${meetingId}.csv?lang=de`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('serves the pack as a CSV that parses back with the meeting title and every section', async () => {
    const response = await download(`${meetingId}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="board-pack-${meetingId}.csv"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.Bölüm === 'Toplantı' && r.Kod === 'Toplantı')?.Ad).toBe(TITLE);
    expect(rows.find((r) => r.Bölüm === 'Toplantı' && r.Kod === 'Dayanak')?.Ad).toBe('Güncel');
    // The seeded plan has actions in every area, so the counts are there too.
    expect(rows.filter((r) => r.Bölüm === 'Alanlara göre').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.Bölüm === 'Kurumlara göre').length).toBeGreaterThan(0);
  });

  it('serves the pack as an XLSX workbook with a sheet per section and the meeting title', async () => {
    const response = await download(`${meetingId}.xlsx?lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="board-pack-${meetingId}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toContain('By area');
    expect(workbook.getWorksheet('Meeting')?.getRow(3).values).toEqual([undefined, 'Meeting', TITLE]);
  });

  it('fetches the pack as the caller, so the family subgraph audits another agency’s read', async () => {
    const response = await download(`${meetingId}.csv`, JUSTICE_LIAISON);
    expect(response.status).toBe(200);
    const [latest] = await graph.subgraphs.family.server.database.db
      .select()
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(latest).toMatchObject({ kind: 'READ', actor: 'justice.liaison', actorAgency: 'JUSTICE' });
  });

  it('answers 404 with NOT_FOUND for a meeting that does not exist', async () => {
    const response = await download('central-9999.pdf');
    expect(response.status).toBe(404);
    expect((await errorsOf(response))[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers 404 with NOT_FOUND for a format it does not make', async () => {
    const response = await download(`${meetingId}.docx`);
    expect(response.status).toBe(404);
    const [error] = await errorsOf(response);
    expect(error?.extensions?.code).toBe('NOT_FOUND');
    expect(error?.message).toContain('.pdf, .csv, .xlsx');
  });

  it('serves a closed meeting’s pack as the snapshot frozen at its close', async () => {
    const closed = await graph.query(
      `mutation Close($input: CloseMeetingInput!) { family { closeMeeting(input: $input) { id state } } }`,
      { input: { meetingId, expectedVersion: meetingVersion } },
      SECRETARIAT,
    );
    expect(closed.errors).toBeUndefined();
    const response = await download(`${meetingId}.csv`);
    expect(response.status).toBe(200);
    const rows = parse(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.find((r) => r.Bölüm === 'Toplantı' && r.Kod === 'Dayanak')?.Ad).toBe('Toplantı kaydı');
  });
});
