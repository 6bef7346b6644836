import type { AddressInfo } from 'node:net';
import { createLogger, type Caller } from '@cocuk-koruma/platform';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import express from 'express';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { BoardPack, BoardPackAction } from '../src/exports/board-pack-query.js';
import { renderBoardPackCsv } from '../src/exports/csv.js';
import { PDF_FOOTER, renderBoardPackPdf } from '../src/exports/pdf.js';
import { boardPackExportHandler, type BoardPackFetcher } from '../src/exports/route.js';
import { renderBoardPackXlsx } from '../src/exports/xlsx.js';

const AREA_A1 = {
  key: 'A1',
  label: 'Çocuğun güvenliği ve şiddetin önlenmesi',
  total: 17,
  notStarted: 2,
  inProgress: 9,
  atRisk: 3,
  delayed: 1,
  completed: 1,
  unavailable: 1,
};

const FOLLOW_UP = {
  decisionId: 'central-11-d1',
  meetingId: 'central-11',
  text: 'İl koordinasyon kurullarının toplantı takvimi güncellensin',
  ownerAgency: 'FAMILY',
  dueDate: '2026-05-01',
  status: 'OPEN',
  overdue: true,
} as const;

const PACK: BoardPack = {
  meetingId: 'central-12',
  meetingTitle: 'Çocuk Koruma Koordinasyon Kurulu 12. Toplantısı — İzleme',
  meetingDate: '2026-06-15',
  bodyName: 'Çocuk Koruma Merkez Koordinasyon Kurulu',
  basis: 'SNAPSHOT',
  generatedAt: '2026-06-15T14:30:00.000Z',
  byArea: [
    AREA_A1,
    {
      key: 'A2',
      label: 'Adalet sisteminde çocuk',
      total: 11,
      notStarted: 0,
      inProgress: 6,
      atRisk: 0,
      delayed: 2,
      completed: 3,
      unavailable: 0,
    },
  ],
  byGoal: [
    {
      key: 'A1.H1',
      label: 'İstismarın erken tespiti',
      total: 8,
      notStarted: 1,
      inProgress: 4,
      atRisk: 2,
      delayed: 0,
      completed: 1,
      unavailable: 0,
    },
  ],
  byAgency: [
    {
      key: 'JUSTICE',
      label: 'Adalet Bakanlığı',
      total: 23,
      notStarted: 4,
      inProgress: 13,
      atRisk: 2,
      delayed: 1,
      completed: 3,
      unavailable: 0,
    },
  ],
  overdue: [
    {
      actionCode: 'A1.H1.E2',
      title: 'Adli görüşme odalarının yaygınlaştırılması',
      responsibleAgency: 'JUSTICE',
      status: 'DELAYED',
      dueDate: '2026-03-31',
      originalDueDate: '2025-12-31',
      daysOverdue: 76,
      escalated: true,
      reason: 'Şırnak ve Iğdır illerinde uygun bina bulunamadı',
    },
  ],
  escalated: [
    {
      actionCode: 'A1.H1.E2',
      title: 'Adli görüşme odalarının yaygınlaştırılması',
      responsibleAgency: 'JUSTICE',
      status: 'DELAYED',
      dueDate: '2026-03-31',
      originalDueDate: '2025-12-31',
      daysOverdue: 76,
      escalated: true,
      reason: 'Şırnak ve Iğdır illerinde uygun bina bulunamadı',
    },
  ],
  indicators: [
    {
      indicatorCode: 'A1.H1.E2.G1',
      actionCode: 'A1.H1.E2',
      name: 'Adli görüşme odası sayısı',
      unit: 'oda',
      baseline: 12,
      target: 81.5,
      direction: 'INCREASE',
      latestPeriod: '2026-Q1',
      latestValue: 32,
      source: 'Example content: Adalet Bakanlığı faaliyet raporu 2025',
      onTrack: false,
    },
    {
      indicatorCode: 'A1.H1.E3.G1',
      actionCode: 'A1.H1.E3',
      name: 'Eğitim alan öğretmen oranı',
      unit: '%',
      baseline: null,
      target: 60,
      direction: 'INCREASE',
      latestPeriod: null,
      latestValue: null,
      source: null,
      onTrack: null,
    },
  ],
  followUps: [FOLLOW_UP],
};

async function pdfText(pdf: Buffer): Promise<{ pages: string[]; info: object }> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const { info } = await document.getMetadata();
  await document.destroy();
  return { pages, info };
}

describe('the PDF board pack', () => {
  it('reads back with the meeting title, the counts, the overdue reason and the source, in Turkish', async () => {
    const pdf = await renderBoardPackPdf(PACK, 'en');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, info } = await pdfText(pdf);
    // pdf.js returns text as it is laid out; spaces between runs are not meaningful.
    const text = pages.join(' ').replace(/\s+/g, ' ');
    const squeezed = text.replace(/\s/g, '');
    expect(squeezed).toContain(PACK.meetingTitle.replace(/\s/g, ''));
    expect(squeezed).toContain('ÇocukKorumaMerkezKoordinasyonKurulu');
    expect(text).toContain('2026-06-15 14:30 UTC');
    expect(squeezed).toContain("asfrozenatthemeeting'sclose");
    expect(squeezed).toContain('Çocuğungüvenliğiveşiddetinönlenmesi');
    // The A1 row: total, not started, in progress, at risk, delayed, completed, unavailable.
    expect(text).toMatch(/A1 .*17 2 9 3 1 1 1/);
    expect(squeezed).toContain('ŞırnakveIğdırillerindeuygunbinabulunamadı');
    expect(squeezed).toContain('İlkoordinasyonkurullarınıntoplantıtakvimigüncellensin');
    expect(squeezed).toContain('Source:Examplecontent:AdaletBakanlığıfaaliyetraporu2025');
    expect(info).toMatchObject({ Title: `Board pack — ${PACK.meetingTitle}` });
  });

  it('notes on every page that figures carry their source', async () => {
    const long: BoardPack = {
      ...PACK,
      byGoal: Array.from({ length: 60 }, (_, i) => ({ ...AREA_A1, key: `A1.H${i + 1}` })),
    };
    const { pages } = await pdfText(await renderBoardPackPdf(long, 'en'));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.replace(/\s+/g, ' ')).toContain(PDF_FOOTER);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // The table's header row repeats where it runs onto a new page.
    expect(pages.filter((page) => page.includes('Not started')).length).toBeGreaterThan(1);
  });

  it('is in Turkish by default, with tr-TR dates and decimal commas', async () => {
    const { pages, info } = await pdfText(await renderBoardPackPdf(PACK));
    const text = pages.join(' ').replace(/\s+/g, ' ');
    const squeezed = text.replace(/\s/g, '');
    expect(squeezed).toContain('Stratejikalanlaragöreeylemler');
    expect(squeezed).toContain('Hedefegöregöstergeler');
    expect(squeezed).toContain('Durum:Gecikmede');
    expect(squeezed).toContain('Bitiş31.03.2026(ilk:31.12.2025)');
    expect(text).toContain('15.06.2026 14:30 UTC');
    expect(text).toContain('81,5');
    expect(text).not.toContain('81.5');
    expect(squeezed).toContain('Sayfa1/');
    expect(squeezed).toContain('TOPLANTIKAYDI');
    expect(info).toMatchObject({ Title: `Kurul dosyası — ${PACK.meetingTitle}` });
  });

  it('shows a provincial board the province’s value beside the national one, or that it is withheld', async () => {
    const [shown, withheld] = PACK.indicators as [BoardPack['indicators'][number], BoardPack['indicators'][number]];
    const pack: BoardPack = {
      ...PACK,
      indicators: [
        { ...shown, provincePlateCode: '06', provinceValue: 7.5, provincePeriod: '2026-Q1', provinceSuppressed: false },
        {
          ...withheld,
          provincePlateCode: '06',
          provinceValue: null,
          provincePeriod: '2026-Q1',
          provinceSuppressed: true,
        },
      ],
    };
    const text = (await pdfText(await renderBoardPackPdf(pack, 'en'))).pages.join(' ').replace(/\s/g, '');
    expect(text).toContain('Provincevalue');
    expect(text).toContain('7.5(2026-Q1)');
    expect(text).toContain('Provincevaluewithheld');
  });

  it('says when a section has nothing in it instead of leaving a bare heading', async () => {
    const { pages } = await pdfText(
      await renderBoardPackPdf({ ...PACK, overdue: [], escalated: [], basis: 'LIVE' }, 'en'),
    );
    const text = pages.join(' ');
    expect(text).toContain('None.');
    expect(text).toContain('LIVE');
  });
});

describe('the CSV board pack', () => {
  const csv = renderBoardPackCsv(PACK, 'en');
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];

  it('starts with a UTF-8 byte order mark and ends records with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('parses back to one row per line item with section, code, name and the values, ISO dates and dot decimals', () => {
    expect(Object.keys(rows[0] ?? {}).slice(0, 3)).toEqual(['Section', 'Code', 'Name']);
    const sections = rows.map((r) => r.Section);
    expect(sections.filter((s) => s === 'Meeting')).toHaveLength(6);
    expect(sections.filter((s) => s === 'By area')).toHaveLength(2);
    expect(sections.filter((s) => s === 'Indicators')).toHaveLength(2);
    expect(rows.length).toBe(6 + 2 + 1 + 1 + 1 + 1 + 2 + 1);

    expect(rows.find((r) => r.Section === 'Meeting' && r.Code === 'Meeting')?.Name).toBe(PACK.meetingTitle);
    expect(rows.find((r) => r.Section === 'Meeting' && r.Code === 'Basis')?.Name).toBe('Snapshot');
    expect(rows.find((r) => r.Section === 'By area' && r.Code === 'A1')).toMatchObject({
      Name: 'Çocuğun güvenliği ve şiddetin önlenmesi',
      Total: '17',
      'Not started': '2',
      'In progress': '9',
      'At risk': '3',
      Delayed: '1',
      Completed: '1',
      Unavailable: '1',
      Reason: '',
    });
    expect(rows.find((r) => r.Section === 'Overdue actions')).toMatchObject({
      Code: 'A1.H1.E2',
      Responsible: 'Ministry of Justice',
      Status: 'Delayed',
      Due: '2026-03-31',
      'Originally due': '2025-12-31',
      'Days overdue': '76',
      Escalated: 'true',
      Reason: 'Şırnak ve Iğdır illerinde uygun bina bulunamadı',
    });
    expect(rows.find((r) => r.Code === 'A1.H1.E2.G1')).toMatchObject({
      Section: 'Indicators',
      Target: '81.5',
      Baseline: '12',
      Direction: 'Increase',
      'On track': 'false',
      Source: 'Example content: Adalet Bakanlığı faaliyet raporu 2025',
    });
    // Unknown stays empty, never "false": null and false mean different things for onTrack.
    expect(rows.find((r) => r.Code === 'A1.H1.E3.G1')).toMatchObject({ Baseline: '', 'On track': '', Source: '' });
    expect(rows.find((r) => r.Section === 'Follow-ups')).toMatchObject({
      Code: 'central-11-d1',
      Name: 'İl koordinasyon kurullarının toplantı takvimi güncellensin',
      Owner: 'Ministry of Family and Social Services',
      Overdue: 'true',
    });
  });

  it('writes headings, section names and enum values in Turkish by default, keeping ISO dates and dot decimals', () => {
    const turkish = parse(renderBoardPackCsv(PACK), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(turkish[0] ?? {}).slice(0, 3)).toEqual(['Bölüm', 'Kod', 'Ad']);
    expect(turkish.find((r) => r.Bölüm === 'Geciken eylemler')).toMatchObject({
      Kod: 'A1.H1.E2',
      Sorumlu: 'Adalet Bakanlığı',
      Durum: 'Gecikmede',
      Bitiş: '2026-03-31',
    });
    expect(turkish.find((r) => r.Kod === 'A1.H1.E2.G1')).toMatchObject({ Hedef: '81.5', Yön: 'Artış' });
    expect(turkish.find((r) => r.Bölüm === 'Toplantı' && r.Kod === 'Dayanak')?.Ad).toBe('Toplantı kaydı');
  });

  it('quotes text holding commas, quotes and line breaks so it parses back unchanged', () => {
    const tricky = 'Karar: "öncelikli", ilçe düzeyinde\nikinci satır';
    const back = parse(renderBoardPackCsv({ ...PACK, followUps: [{ ...FOLLOW_UP, text: tricky }] }, 'en'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(back.find((r) => r.Section === 'Follow-ups')?.Name).toBe(tricky);
  });

  it('keeps an overdue reason with a line break on one row and neutralises one that starts like a formula', () => {
    const multiline = 'Bina bulunamadı\nİhale yenilendi';
    const formula = '=HYPERLINK("http://example.invalid","tıkla")';
    const [first] = PACK.overdue as [BoardPackAction];
    const pack: BoardPack = {
      ...PACK,
      overdue: [
        { ...first, reason: multiline },
        { ...first, actionCode: 'A1.H1.E3', reason: formula },
      ],
      escalated: [],
    };
    const text = renderBoardPackCsv(pack, 'en');
    const back = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const overdue = back.filter((r) => r.Section === 'Overdue actions');
    expect(overdue.map((r) => r.Code)).toEqual(['A1.H1.E2', 'A1.H1.E3']);
    expect(overdue[0]?.Reason).toBe(multiline);
    expect(overdue[1]?.Reason).toBe(`'${formula}`);
    // Every row has as many cells as the header: nothing split.
    const raw = parse(text, { bom: true }) as string[][];
    for (const row of raw) expect(row).toHaveLength(raw[0]?.length ?? 0);
    for (const start of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) {
      const cell = parse(renderBoardPackCsv({ ...PACK, followUps: [{ ...FOLLOW_UP, text: start }] }, 'en'), {
        bom: true,
        columns: true,
      }) as Record<string, string>[];
      expect(cell.find((r) => r.Section === 'Follow-ups')?.Name).toBe(`'${start}`);
    }
    // Numbers are values, not text: a negative number is not "neutralised".
    expect(back.find((r) => r.Code === 'A1.H1.E2.G1')?.Baseline).toBe('12');
  });
});

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no worksheet "${name}"`);
  return found;
}

describe('the XLSX board pack', () => {
  it('has one worksheet per section with a bold header row and the values', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as an ArrayBuffer, which a Node Buffer is not.
    await workbook.xlsx.load(new Uint8Array(await renderBoardPackXlsx(PACK, 'en')).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Meeting',
      'By area',
      'By goal',
      'By agency',
      'Overdue actions',
      'Escalated actions',
      'Indicators',
      'Follow-ups',
    ]);

    const meeting = sheet(workbook, 'Meeting');
    expect(meeting.getRow(3).values).toEqual([undefined, 'Meeting', PACK.meetingTitle]);

    const byArea = sheet(workbook, 'By area');
    expect(byArea.getRow(1).values).toEqual([
      undefined,
      'Area',
      'Name',
      'Total',
      'Not started',
      'In progress',
      'At risk',
      'Delayed',
      'Completed',
      'Unavailable',
    ]);
    expect(byArea.getRow(1).font?.bold).toBe(true);
    expect(byArea.getRow(2).values).toEqual([
      undefined,
      'A1',
      'Çocuğun güvenliği ve şiddetin önlenmesi',
      17,
      2,
      9,
      3,
      1,
      1,
      1,
    ]);
    expect(byArea.rowCount).toBe(3);
    expect(byArea.getColumn(2).width).toBeGreaterThan(byArea.getColumn(3).width ?? 0);

    const overdue = sheet(workbook, 'Overdue actions');
    expect(overdue.getRow(2).getCell(9).value).toBe('Şırnak ve Iğdır illerinde uygun bina bulunamadı');
    expect(overdue.getRow(2).getCell(8).value).toBe(true);

    const indicators = sheet(workbook, 'Indicators');
    expect(indicators.getRow(2).getCell(6).value).toBe(81.5);
    // An unknown value is an empty cell, not zero.
    expect(indicators.getRow(3).getCell(5).value).toBeNull();
  });

  it('names sheets and headings in Turkish by default and neutralises text that starts like a formula', async () => {
    const [first] = PACK.overdue as [BoardPackAction];
    const workbook = new ExcelJS.Workbook();
    const pack: BoardPack = { ...PACK, overdue: [{ ...first, reason: '=1+2' }] };
    await workbook.xlsx.load(new Uint8Array(await renderBoardPackXlsx(pack)).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Toplantı',
      'Alanlara göre',
      'Hedeflere göre',
      'Kurumlara göre',
      'Geciken eylemler',
      'Üst makama taşınan eylemler',
      'Göstergeler',
      'Karar takibi',
    ]);
    const overdue = sheet(workbook, 'Geciken eylemler');
    expect(overdue.getRow(1).getCell(4).value).toBe('Durum');
    expect(overdue.getRow(2).getCell(4).value).toBe('Gecikmede');
    expect(overdue.getRow(2).getCell(9).value).toBe("'=1+2");
  });
});

const CALLER: Caller = {
  subject: 'sub-1',
  username: 'family.board',
  agency: 'FAMILY',
  roles: ['board-member'],
  clientId: 'portal',
  token: 'raw-token',
};

/** The route's HTTP behaviour against a stand-in for the gateway's query pipeline. */
async function serveExports(fetchPack: BoardPackFetcher): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.get(
    '/exports/board-pack/:file',
    (_req, res, next) => {
      res.locals.caller = CALLER;
      next();
    },
    boardPackExportHandler(fetchPack, createLogger('test')),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/exports/board-pack/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the board pack download route', () => {
  it('fetches the pack for the meeting in the path as the caller and sends it as an attachment', async () => {
    const calls: [string, Caller][] = [];
    const served = await serveExports(async (meetingId, caller) => {
      calls.push([meetingId, caller]);
      return { data: { boardPack: PACK } };
    });
    try {
      const response = await fetch(`${served.url}central-12.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="board-pack-central-12.csv"');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(renderBoardPackCsv(PACK));
      expect(calls).toEqual([['central-12', CALLER]]);
    } finally {
      await served.close();
    }
  });

  it.each([
    ['NOT_FOUND', 404],
    ['FORBIDDEN', 403],
    ['BAD_USER_INPUT', 400],
    ['UNAUTHENTICATED', 401],
    ['SUBGRAPH_UNAVAILABLE', 502],
    ['INTERNAL_SERVER_ERROR', 500],
    ['GRAPHQL_VALIDATION_FAILED', 500],
  ])('answers a %s error with HTTP %i and the errors as JSON', async (code, status) => {
    const errors = [{ message: `failed with ${code}`, extensions: { code } }];
    const served = await serveExports(async () => ({ data: null, errors }));
    try {
      const response = await fetch(`${served.url}central-12.pdf`);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ errors });
    } finally {
      await served.close();
    }
  });

  it('refuses a pack that came with errors beside its data rather than print it incomplete', async () => {
    const errors = [{ message: 'justice is down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }];
    const served = await serveExports(async () => ({ data: { boardPack: PACK }, errors }));
    try {
      const response = await fetch(`${served.url}central-12.xlsx`);
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ errors });
    } finally {
      await served.close();
    }
  });

  it('answers in the language of ?lang, else of Accept-Language, else Turkish, and refuses another lang with 400', async () => {
    let calls = 0;
    const served = await serveExports(async () => {
      calls += 1;
      return { data: { boardPack: PACK } };
    });
    try {
      const heading = async (path: string, headers: Record<string, string> = {}) => {
        const response = await fetch(`${served.url}${path}`, { headers });
        expect(response.status).toBe(200);
        // fetch's text() drops the byte order mark.
        const text = (await response.text()).replace(/^\uFEFF/, '');
        return { language: response.headers.get('content-language'), first: text.slice(0, text.indexOf(',')) };
      };
      expect(await heading('central-12.csv')).toEqual({ language: 'tr', first: 'Bölüm' });
      expect(await heading('central-12.csv', { 'accept-language': 'de-DE, en-GB;q=0.8, tr;q=0.5' })).toEqual({
        language: 'en',
        first: 'Section',
      });
      expect(await heading('central-12.csv?lang=tr', { 'accept-language': 'en' })).toEqual({
        language: 'tr',
        first: 'Bölüm',
      });
      expect(await heading('central-12.csv?lang=en')).toEqual({ language: 'en', first: 'Section' });
      expect(await heading('central-12.csv', { 'accept-language': 'fr' })).toEqual({ language: 'tr', first: 'Bölüm' });

      const before = calls;
      const refused = await fetch(`${served.url}central-12.pdf?lang=de`);
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0]?.message).toMatch(/lang=tr.*lang=en/);
      expect(calls).toBe(before);
    } finally {
      await served.close();
    }
  });

  it('answers 404 for a format it does not make, without running the query', async () => {
    let called = false;
    const served = await serveExports(async () => {
      called = true;
      return { data: { boardPack: PACK } };
    });
    try {
      for (const file of ['central-12.docx', 'central-12', '.pdf']) {
        const response = await fetch(`${served.url}${file}`);
        expect(response.status, file).toBe(404);
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
      }
      expect(called).toBe(false);
    } finally {
      await served.close();
    }
  });

  it('keeps the attachment header well-formed whatever the meeting id holds', async () => {
    const served = await serveExports(async () => ({ data: { boardPack: PACK } }));
    try {
      const response = await fetch(`${served.url}${encodeURIComponent('a"b;c d')}.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="board-pack-a_b_c_d.pdf"');
    } finally {
      await served.close();
    }
  });
});
