import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { BoardPack, BoardPackAction, StatusCounts } from './board-pack-query.js';
import { LABELS, type Labels, type Lang } from './i18n.js';

// PDFKit's built-in fonts are WinAnsi-encoded and have no ğ, ı, İ or ş. DejaVu Sans covers Turkish
// and ships as TTFs in an npm package, so neither a developer nor CI needs a system font.
const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  oblique: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  // Condensed in tables, so seven count columns and a name fit across A4 portrait.
  cell: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
  cellBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
};

export const PDF_FOOTER = LABELS.en.footer;

const MARGIN = 40;
/** Room kept below the text for the footer, which is drawn once all pages exist. */
const FOOTER_SPACE = 30;
const CELL_PADDING = 2;
const BODY_SIZE = 8;
const HEADER_SIZE = 7.5;
const MUTED = '#555555';
const RULE = '#999999';

type Doc = PDFKit.PDFDocument;

interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** How the PDF writes numbers and dates: tr-TR (15.12.2026, decimal comma) or ISO dates in English. */
interface Locale {
  labels: Labels;
  number(value: number | null): string;
  date(iso: string): string;
  timestamp(iso: string): string;
  yesNo(value: boolean | null): string;
}

function localeOf(lang: Lang): Locale {
  const labels = LABELS[lang];
  const tag = lang === 'tr' ? 'tr-TR' : 'en-US';
  // A Date scalar is `YYYY-MM-DD`; anything else is shown as it came rather than as "Invalid Date".
  const date = (iso: string): string => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return match && lang === 'tr' ? `${match[3]}.${match[2]}.${match[1]}` : iso;
  };
  return {
    labels,
    number: (value) => (value === null ? '—' : value.toLocaleString(tag, { maximumFractionDigits: 2 })),
    date,
    timestamp: (iso) => {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      const [day = '', time = ''] = at.toISOString().slice(0, 16).split('T');
      return `${date(day)} ${time} UTC`;
    },
    yesNo: (value) => (value === null ? '—' : value ? labels.yes : labels.no),
  };
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8);
  // Keep a heading with at least a couple of lines of what it introduces.
  ensureRoom(doc, 50);
  doc.font('bold').fontSize(12).fillColor('black').text(text, MARGIN, doc.y);
  doc.moveDown(0.3);
}

function none(doc: Doc, text: string): void {
  doc
    .font('oblique')
    .fontSize(BODY_SIZE + 1)
    .fillColor(MUTED)
    .text(text, MARGIN, doc.y);
  doc.fillColor('black');
}

function rowHeight(doc: Doc, columns: TableColumn[], cells: string[]): number {
  return (
    Math.max(...columns.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - 2 * CELL_PADDING }))) +
    2 * CELL_PADDING
  );
}

function drawRow(doc: Doc, columns: TableColumn[], cells: string[], height: number): void {
  const top = doc.y;
  let x = MARGIN;
  columns.forEach((column, i) => {
    doc.text(cells[i] ?? '', x + CELL_PADDING, top + CELL_PADDING, {
      width: column.width - 2 * CELL_PADDING,
      align: column.align ?? 'left',
    });
    x += column.width;
  });
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(x, top + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}

/** A ruled table whose header row repeats on every page it runs onto. */
function table(doc: Doc, columns: TableColumn[], rows: string[][], empty: string): void {
  if (rows.length === 0) return none(doc, empty);
  const header = columns.map((c) => c.header);
  const headerFont = (): Doc => doc.font('cellBold').fontSize(HEADER_SIZE).fillColor('black');
  const cellFont = (): Doc => doc.font('cell').fontSize(BODY_SIZE).fillColor('black');
  const headerHeight = rowHeight(headerFont(), columns, header);
  const drawHeader = (): void => drawRow(headerFont(), columns, header, headerHeight);
  ensureRoom(doc, headerHeight + rowHeight(cellFont(), columns, rows[0] ?? []));
  drawHeader();
  for (const cells of rows) {
    const height = rowHeight(cellFont(), columns, cells);
    if (ensureRoom(doc, height)) drawHeader();
    drawRow(cellFont(), columns, cells, height);
  }
}

function countsTable(doc: Doc, { labels }: Locale, keyHeader: string, items: StatusCounts[]): void {
  const c = labels.columns;
  const n = (header: string | undefined): TableColumn => ({ header: header ?? '', width: 50, align: 'right' });
  table(
    doc,
    [
      { header: keyHeader, width: 50 },
      { header: c.label ?? '', width: 130 },
      { header: c.total ?? '', width: 35, align: 'right' },
      n(c.notStarted),
      n(c.inProgress),
      n(c.atRisk),
      n(c.delayed),
      n(c.completed),
      n(c.unavailable),
    ],
    items.map((row) => [
      row.key,
      row.label,
      ...[row.total, row.notStarted, row.inProgress, row.atRisk, row.delayed, row.completed, row.unavailable].map(
        String,
      ),
    ]),
    labels.none,
  );
}

/** Actions as blocks, not table rows: titles and reasons are sentences that a narrow cell would mangle. */
function actionList(doc: Doc, locale: Locale, actions: BoardPackAction[]): void {
  const { labels } = locale;
  if (actions.length === 0) return none(doc, labels.none);
  const width = doc.page.width - 2 * MARGIN;
  for (const action of actions) {
    const title = `${action.actionCode} — ${action.title}`;
    const facts = [
      `${labels.facts.responsible}: ${labels.agency(action.responsibleAgency)}`,
      `${labels.facts.status}: ${action.status ? labels.status[action.status] : labels.unknownStatus}`,
      labels.due(
        locale.date(action.dueDate),
        action.dueDate === action.originalDueDate ? null : locale.date(action.originalDueDate),
      ),
      labels.daysOverdue(action.daysOverdue),
      ...(action.escalated ? [labels.escalatedFact] : []),
    ].join(' · ');
    const reason = `${labels.facts.reason}: ${action.reason ?? labels.noReason}`;
    doc.font('bold').fontSize(BODY_SIZE + 1);
    let height = doc.heightOfString(title, { width });
    doc.font('regular').fontSize(BODY_SIZE);
    height += doc.heightOfString(facts, { width }) + doc.heightOfString(reason, { width }) + 6;
    ensureRoom(doc, height);
    doc
      .font('bold')
      .fontSize(BODY_SIZE + 1)
      .fillColor('black')
      .text(title, MARGIN, doc.y, { width });
    doc.font('regular').fontSize(BODY_SIZE).text(facts, { width });
    doc.font(action.reason ? 'regular' : 'oblique').text(reason, { width });
    doc.moveDown(0.5);
  }
}

function footer(doc: Doc, labels: Labels): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make PDFKit start a new page.
    const { bottom: savedBottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 8;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('regular').fontSize(7).fillColor(MUTED);
    doc.text(labels.footer, MARGIN, y, { width, lineBreak: false });
    doc.text(labels.page(i - range.start + 1, range.count), MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
}

/** The board pack as an A4 document a board member can read on paper, in Turkish or English. */
export function renderBoardPackPdf(pack: BoardPack, lang: Lang = 'tr'): Promise<Buffer> {
  const locale = localeOf(lang);
  const { labels } = locale;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    // Footers need the page count, known only once every page exists.
    bufferPages: true,
    font: FONTS.regular,
    lang: lang === 'tr' ? 'tr-TR' : 'en',
    info: {
      Title: `${labels.boardPack} — ${pack.meetingTitle}`,
      Subject: `${pack.bodyName}, ${locale.date(pack.meetingDate)}`,
      Creator: 'cocuk-koruma gateway',
      // The document's date is when its figures were drawn, so the same pack gives the same file.
      CreationDate: new Date(pack.generatedAt),
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('oblique', FONTS.oblique);
  doc.registerFont('cell', FONTS.cell);
  doc.registerFont('cellBold', FONTS.cellBold);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('regular').fontSize(10).fillColor(MUTED).text(labels.boardPack);
  doc.font('bold').fontSize(18).fillColor('black').text(pack.meetingTitle);
  doc.moveDown(0.4);
  const facts: [string, string][] = [
    [labels.facts.body, pack.bodyName],
    [labels.facts.meeting, `${pack.meetingId}, ${locale.date(pack.meetingDate)}`],
    [labels.facts.basis, labels.basisLong[pack.basis]],
    [labels.facts.generated, locale.timestamp(pack.generatedAt)],
  ];
  for (const [label, value] of facts) {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('regular').text(value);
  }

  const c = labels.columns;
  heading(doc, labels.headings.byArea);
  countsTable(doc, locale, labels.keyHeaders.area, pack.byArea);
  heading(doc, labels.headings.byGoal);
  countsTable(doc, locale, labels.keyHeaders.goal, pack.byGoal);
  heading(doc, labels.headings.byAgency);
  countsTable(doc, locale, labels.keyHeaders.agency, pack.byAgency);
  heading(doc, labels.sections.overdue);
  actionList(doc, locale, pack.overdue);
  heading(doc, labels.sections.escalated);
  actionList(doc, locale, pack.escalated);
  heading(doc, labels.headings.indicators);
  // A provincial or district board reads its province's figure beside the national one.
  const province = pack.indicators.some((i) => i.provincePlateCode);
  const latest = (value: number | null | undefined, period: string | null | undefined): string =>
    value === null || value === undefined ? '—' : `${locale.number(value)}${period ? `\n(${period})` : ''}`;
  table(
    doc,
    [
      { header: `${labels.keyHeaders.indicator} (${c.actionCode ?? ''})`, width: 70 },
      { header: `${c.label ?? ''} / ${c.source ?? ''}`, width: province ? 130 : 170 },
      { header: c.unit ?? '', width: 50 },
      { header: c.baseline ?? '', width: 42, align: 'right' },
      { header: c.target ?? '', width: 42, align: 'right' },
      { header: c.direction ?? '', width: 48 },
      { header: c.latestValue ?? '', width: 53, align: 'right' },
      ...(province ? [{ header: c.provinceValue ?? '', width: 40, align: 'right' as const }] : []),
      { header: c.onTrack ?? '', width: 40 },
    ],
    pack.indicators.map((i) => [
      `${i.indicatorCode}\n(${i.actionCode})`,
      `${i.name}\n${labels.facts.source}: ${i.source ?? labels.sourceNotGiven}`,
      i.unit,
      locale.number(i.baseline),
      locale.number(i.target),
      labels.direction[i.direction],
      latest(i.latestValue, i.latestPeriod),
      ...(province
        ? [i.provinceSuppressed ? (labels.columns.provinceSuppressed ?? '') : latest(i.provinceValue, i.provincePeriod)]
        : []),
      locale.yesNo(i.onTrack),
    ]),
    labels.none,
  );
  heading(doc, labels.headings.followUps);
  table(
    doc,
    [
      { header: labels.keyHeaders.decision, width: 65 },
      { header: lang === 'tr' ? 'Karar metni' : 'Decision text', width: 225 },
      { header: c.ownerAgency ?? '', width: 60 },
      { header: c.dueDate ?? '', width: 55 },
      { header: c.status ?? '', width: 50 },
      { header: c.overdue ?? '', width: 60 },
    ],
    pack.followUps.map((f) => [
      `${f.decisionId}\n(${f.meetingId})`,
      f.text,
      labels.agency(f.ownerAgency),
      locale.date(f.dueDate),
      labels.followUp[f.status],
      f.overdue ? labels.overdueFact : '—',
    ]),
    labels.none,
  );

  footer(doc, labels);
  doc.end();
  return done;
}
