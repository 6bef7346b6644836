import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ActionStatus, BoardPack, BoardPackAction, StatusCounts } from './board-pack-query.js';

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

export const PDF_FOOTER = 'Example content where labelled; figures carry their source.';

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

const STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  AT_RISK: 'At risk',
  DELAYED: 'Delayed',
  COMPLETED: 'Completed',
};

function number(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? 'Yes' : 'No';
}

function sentenceCase(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `YYYY-MM-DD HH:MM UTC`; the raw value if it is not a date, rather than "Invalid Date". */
function timestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
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

function none(doc: Doc, text = 'None.'): void {
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
function table(doc: Doc, columns: TableColumn[], rows: string[][]): void {
  if (rows.length === 0) return none(doc);
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

function countsTable(doc: Doc, keyHeader: string, items: StatusCounts[]): void {
  const n = (header: string): TableColumn => ({ header, width: 50, align: 'right' });
  table(
    doc,
    [
      { header: keyHeader, width: 50 },
      { header: 'Name', width: 130 },
      { header: 'Total', width: 35, align: 'right' },
      n('Not started'),
      n('In progress'),
      n('At risk'),
      n('Delayed'),
      n('Completed'),
      n('Unavailable'),
    ],
    items.map((c) => [
      c.key,
      c.label,
      ...[c.total, c.notStarted, c.inProgress, c.atRisk, c.delayed, c.completed, c.unavailable].map(String),
    ]),
  );
}

/** Actions as blocks, not table rows: titles and reasons are sentences that a narrow cell would mangle. */
function actionList(doc: Doc, actions: BoardPackAction[]): void {
  if (actions.length === 0) return none(doc);
  const width = doc.page.width - 2 * MARGIN;
  for (const action of actions) {
    const title = `${action.actionCode} — ${action.title}`;
    const facts = [
      `Responsible: ${action.responsibleAgency}`,
      `Status: ${action.status ? STATUS_LABELS[action.status] : 'unknown (agency unavailable)'}`,
      action.dueDate === action.originalDueDate
        ? `Due ${action.dueDate}`
        : `Due ${action.dueDate} (originally ${action.originalDueDate})`,
      `${action.daysOverdue} days overdue`,
      ...(action.escalated ? ['Escalated'] : []),
    ].join(' · ');
    const reason = `Reason: ${action.reason ?? 'none recorded'}`;
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

function footer(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make PDFKit start a new page.
    const { bottom: savedBottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 8;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('regular').fontSize(7).fillColor(MUTED);
    doc.text(PDF_FOOTER, MARGIN, y, { width, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
}

/** The board pack as an A4 document a board member can read on paper. */
export function renderBoardPackPdf(pack: BoardPack): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    // Footers need the page count, known only once every page exists.
    bufferPages: true,
    font: FONTS.regular,
    lang: 'tr-TR',
    info: {
      Title: `Board pack — ${pack.meetingTitle}`,
      Subject: `${pack.bodyName}, ${pack.meetingDate}`,
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

  doc.font('regular').fontSize(10).fillColor(MUTED).text('Board pack');
  doc.font('bold').fontSize(18).fillColor('black').text(pack.meetingTitle);
  doc.moveDown(0.4);
  const basis =
    pack.basis === 'SNAPSHOT'
      ? "SNAPSHOT — figures as frozen at the meeting's close"
      : 'LIVE — figures as they stood when this pack was generated';
  const facts: [string, string][] = [
    ['Body', pack.bodyName],
    ['Meeting', `${pack.meetingId}, ${pack.meetingDate}`],
    ['Basis', basis],
    ['Generated', timestamp(pack.generatedAt)],
  ];
  for (const [label, value] of facts) {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true });
    doc.font('regular').text(value);
  }

  heading(doc, 'Actions by strategic area');
  countsTable(doc, 'Area', pack.byArea);
  heading(doc, 'Actions by goal');
  countsTable(doc, 'Goal', pack.byGoal);
  heading(doc, 'Actions by responsible agency');
  countsTable(doc, 'Agency', pack.byAgency);
  heading(doc, 'Overdue actions');
  actionList(doc, pack.overdue);
  heading(doc, 'Escalated actions');
  actionList(doc, pack.escalated);
  heading(doc, 'Indicators against target');
  table(
    doc,
    [
      { header: 'Indicator (action)', width: 70 },
      { header: 'Name and source', width: 170 },
      { header: 'Unit', width: 50 },
      { header: 'Baseline', width: 42, align: 'right' },
      { header: 'Target', width: 42, align: 'right' },
      { header: 'Direction', width: 48 },
      { header: 'Latest', width: 53, align: 'right' },
      { header: 'On track', width: 40 },
    ],
    pack.indicators.map((i) => [
      `${i.indicatorCode}\n(${i.actionCode})`,
      `${i.name}\nSource: ${i.source ?? 'not given'}`,
      i.unit,
      number(i.baseline),
      number(i.target),
      sentenceCase(i.direction),
      i.latestValue === null ? '—' : `${number(i.latestValue)}${i.latestPeriod ? `\n(${i.latestPeriod})` : ''}`,
      yesNo(i.onTrack),
    ]),
  );
  heading(doc, 'Follow-up of decisions');
  table(
    doc,
    [
      { header: 'Decision', width: 65 },
      { header: 'Decision text', width: 225 },
      { header: 'Owner', width: 60 },
      { header: 'Due', width: 55 },
      { header: 'Status', width: 50 },
      { header: 'Overdue', width: 60 },
    ],
    pack.followUps.map((f) => [
      `${f.decisionId}\n(${f.meetingId})`,
      f.text,
      f.ownerAgency,
      f.dueDate,
      sentenceCase(f.status),
      f.overdue ? 'Overdue' : '—',
    ]),
  );

  footer(doc);
  doc.end();
  return done;
}
