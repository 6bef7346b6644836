import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { callerOf, ErrorCode, showsErrorDetails, type Caller, type Logger } from '@cocuk-koruma/platform';
import type { RequestHandler, Response } from 'express';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../data-source.js';
import { BOARD_PACK_QUERY, type BoardPack, type BoardPackQueryResult } from './board-pack-query.js';
import { chooseLang, UnsupportedLanguage, type Lang } from './i18n.js';

interface Format {
  contentType: string;
  render(pack: BoardPack, lang: Lang): Promise<Buffer | string>;
}

// The renderers load on the first download: pdfkit, its fonts and exceljs would otherwise hold
// tens of MiB in every gateway that never serves one.
export const EXPORT_FORMATS: Record<string, Format> = {
  pdf: {
    contentType: 'application/pdf',
    render: async (pack, lang) => (await import('./pdf.js')).renderBoardPackPdf(pack, lang),
  },
  csv: {
    contentType: 'text/csv; charset=utf-8',
    render: async (pack, lang) => (await import('./csv.js')).renderBoardPackCsv(pack, lang),
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: async (pack, lang) => (await import('./xlsx.js')).renderBoardPackXlsx(pack, lang),
  },
};

/** The HTTP status a client would expect for the error the query came back with. */
const STATUS_BY_CODE: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.SUBGRAPH_UNAVAILABLE]: 502,
};

function statusOf(errors: readonly GraphQLFormattedError[]): number {
  // The first error with a code a client can act on decides; anything else is our failure.
  for (const error of errors) {
    const status = STATUS_BY_CODE[String(error.extensions?.code)];
    if (status) return status;
  }
  return 500;
}

function refuse(res: Response, status: number, errors: readonly GraphQLFormattedError[]): void {
  res.status(status).set('cache-control', 'no-store').json({ errors });
}

/** Keeps the header well-formed whatever the id; ordinary ids (`central-11`) pass unchanged. */
function filenameOf(meetingId: string, extension: string): string {
  return `board-pack-${meetingId.replace(/[^A-Za-z0-9._-]/g, '_')}.${extension}`;
}

/** Runs the `boardPack` query as the caller; a seam for tests of the HTTP mapping. */
export type BoardPackFetcher = (
  meetingId: string,
  caller: Caller,
) => Promise<FormattedExecutionResult<BoardPackQueryResult>>;

/**
 * `GET /exports/board-pack/<meetingId>.<pdf|csv|xlsx>[?lang=tr|en]`, mounted behind the bearer-token
 * check; without `lang`, the language is Accept-Language's, else Turkish.
 * The pack is fetched by running the `boardPack` query through this gateway's own pipeline as the
 * caller, so query limits, error masking and every subgraph's authorisation and audit apply
 * exactly as they do to the GraphQL endpoint: a download is no side door.
 */
export function boardPackExportRoute(apollo: ApolloServer<GatewayContext>, logger: Logger): RequestHandler {
  return boardPackExportHandler(async (meetingId, caller) => {
    const response = await apollo.executeOperation<BoardPackQueryResult>(
      { query: BOARD_PACK_QUERY, variables: { meetingId } },
      { contextValue: { caller } },
    );
    if (response.body.kind === 'single') return response.body.singleResult;
    return {
      errors: [
        { message: 'The board pack query answered incrementally.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    };
  }, logger);
}

export function boardPackExportHandler(fetchPack: BoardPackFetcher, logger: Logger): RequestHandler {
  return async (req, res) => {
    const file = String(req.params.file ?? '');
    const match = /^(.+)\.([A-Za-z0-9]+)$/.exec(file);
    const extension = match?.[2]?.toLowerCase() ?? '';
    const format = Object.hasOwn(EXPORT_FORMATS, extension) ? EXPORT_FORMATS[extension] : undefined;
    if (!match?.[1] || !format) {
      return refuse(res, 404, [
        {
          message: `No board-pack download "${file}". Ask for <meetingId>.${Object.keys(EXPORT_FORMATS).join(', .')}.`,
          extensions: { code: ErrorCode.NOT_FOUND },
        },
      ]);
    }
    const meetingId = match[1];
    let lang: Lang;
    try {
      lang = chooseLang(req.query.lang, req.get('accept-language'));
    } catch (error) {
      if (!(error instanceof UnsupportedLanguage)) throw error;
      return refuse(res, 400, [
        { message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'lang' } },
      ]);
    }

    const { data, errors } = await fetchPack(meetingId, callerOf(res));
    // Any error refuses the download, even beside data: a printed pack missing figures would
    // be read as complete at the board table.
    if (errors?.length) return refuse(res, statusOf(errors), errors);
    if (!data?.boardPack) {
      return refuse(res, 500, [
        { message: 'The board pack query returned no data.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
    }

    let body: Buffer | string;
    try {
      body = await format.render(data.boardPack, lang);
    } catch (error) {
      const errorId = randomUUID();
      logger.error({ errorId, err: error, meetingId, extension }, 'board pack export failed to render');
      const message = !showsErrorDetails()
        ? `The board pack could not be rendered. Quote error id ${errorId} to the operators.`
        : `The board pack could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
      return refuse(res, 500, [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } }]);
    }
    res
      .status(200)
      .set({
        'content-type': format.contentType,
        'content-language': lang,
        // The same URL answers in another language for another Accept-Language.
        vary: 'Accept-Language',
        'content-disposition': `attachment; filename="${filenameOf(meetingId, extension)}"`,
        // The pack is the caller's view under their token; no shared cache may keep it.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      })
      .send(body);
  };
}
