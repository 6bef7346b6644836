import { IMPORT_LIMITS, say } from '@cocuk-koruma/spreadsheet-import/limits';
import { ErrorCode } from '@cocuk-koruma/platform';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';

// The parser and exceljs load on the first upload or template, as the board-pack renderers do.
const spreadsheets = () => import('@cocuk-koruma/spreadsheet-import');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET /imports/template.xlsx|csv[?lang=tr|en]`: the import template, the same for everyone. */
const template: RequestHandler = async (req, res) => {
  const lang = req.query.lang === 'en' ? 'en' : 'tr';
  const { templateCsv, templateXlsx } = await spreadsheets();
  const format = String(req.params.format ?? '');
  if (format !== 'csv' && format !== 'xlsx') {
    res.status(404).json({
      errors: [
        {
          message: 'No such template; ask for template.xlsx or template.csv.',
          extensions: { code: ErrorCode.NOT_FOUND },
        },
      ],
    });
    return;
  }
  const csv = format === 'csv';
  res
    .status(200)
    .set({
      'content-type': csv ? 'text/csv; charset=utf-8' : XLSX_TYPE,
      'content-disposition': `attachment; filename="ice-aktarma-sablonu.${csv ? 'csv' : 'xlsx'}"`,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    .send(csv ? templateCsv(lang) : await templateXlsx(lang));
};

/**
 * `POST /imports/parse` (the file as the body, any content type): the rows of an XLSX or CSV with
 * every problem the file shows, by line, as JSON for the portal to preview with the graph's
 * `previewImport`. Parsing here rather than in the browser keeps exceljs (about 1 MB, with Node
 * polyfills) out of the portal and gives the portal and the CLI one parser with one set of limits.
 * Nothing is stored: the rows go back to the caller, and only the graph writes.
 */
const parse: RequestHandler = async (req, res) => {
  const body: unknown = req.body;
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  const { parseSpreadsheet } = await spreadsheets();
  const parsed = await parseSpreadsheet(bytes);
  res
    .status(parsed.problems.length > 0 ? 422 : 200)
    .set('cache-control', 'no-store')
    .json(parsed);
};

/** A body over the file limit is the uploader's mistake, said in the import's own words. */
const tooLarge: ErrorRequestHandler = (error: { type?: unknown }, _req, res, next) => {
  if (error.type !== 'entity.too.large') return next(error);
  res.status(413).json({
    format: null,
    rows: [],
    problems: [
      {
        line: null,
        message: say(
          `dosya ${IMPORT_LIMITS.maxFileBytes / 1048576} MB sınırını aşıyor`,
          `the file is larger than the ${IMPORT_LIMITS.maxFileBytes / 1048576} MB limit`,
        ),
      },
    ],
    errors: [{ message: 'The file is too large.', extensions: { code: ErrorCode.BAD_USER_INPUT } }],
  });
};

export function importRoutes(bearerToken: RequestHandler): Router {
  const router = express.Router();
  router.get('/imports/template.:format', template);
  router.post(
    '/imports/parse',
    bearerToken,
    express.raw({ type: () => true, limit: IMPORT_LIMITS.maxFileBytes }),
    parse,
    tooLarge,
  );
  return router;
}
