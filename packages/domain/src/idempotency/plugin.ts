import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import {
  ErrorCode,
  IDEMPOTENCY_HEADER,
  REPLAYED_HEADER,
  type CallerContext,
  type Database,
  type Logger,
} from '@cocuk-koruma/platform';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FormattedExecutionResult } from 'graphql';
import { idempotencyKeys } from './tables.js';

/** Keys are kept at least this long: a day, as agency systems retry within hours at most. */
export const IDEMPOTENCY_RETENTION_HOURS = 48;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

function refusal(code: string, message: string, status: number): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } },
  };
}

const malformedKey = () =>
  refusal(
    ErrorCode.BAD_USER_INPUT,
    'Idempotency-Key 1-200 görünür ASCII karakter olmalıdır. / Idempotency-Key must be 1-200 visible ASCII characters.',
    400,
  );
const otherBody = () =>
  refusal(
    ErrorCode.CONFLICT,
    'Bu Idempotency-Key başka bir istekle kullanıldı; yeni bir anahtar seçin. / This Idempotency-Key was used with a different request; choose a new key.',
    409,
  );
/** Whether an answer carries any result at all: a non-null value somewhere under its root fields. */
function hasResult(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasResult);
  if (typeof value === 'object') return Object.values(value).some(hasResult);
  return true;
}

const stillRunning = () =>
  refusal(
    ErrorCode.CONFLICT,
    'Bu Idempotency-Key ile gönderilen istek hâlâ sürüyor; birazdan yeniden deneyin. / The request sent with this Idempotency-Key is still in progress; retry shortly.',
    409,
  );

/**
 * Idempotent mutations for agency systems. A mutation sent with an `Idempotency-Key` header is
 * run once: a retry with the same key and the same operation and variables gets the first answer
 * (with `Idempotent-Replayed: true`) and writes nothing; the same key with another body is a
 * CONFLICT. Keys are the caller's own (by token subject) and kept in this agency's database for
 * IDEMPOTENCY_RETENTION_HOURS.
 *
 * The key is reserved before the mutation runs, so two copies sent at once cannot both write: the
 * second is told to retry. An answer without any data (a refusal, a database outage) releases the
 * key, since nothing was written and the retry should run.
 */
export function idempotentMutations<S extends Record<string, unknown>, C extends CallerContext>(
  db: Database<S>,
  logger?: Logger,
): ApolloServerPlugin<C> {
  let purge: NodeJS.Timeout | undefined;
  const purgeExpired = () =>
    db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})`))
      .catch((error: unknown) => logger?.warn({ err: error }, 'expired idempotency keys not purged'));
  return {
    async serverWillStart() {
      purge = setInterval(() => void purgeExpired(), 3_600_000).unref();
      return {
        async serverWillStop() {
          clearInterval(purge);
        },
      };
    },
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return {};
      let reserved: { callerSubject: string; key: string } | undefined;
      return {
        async responseForOperation({ operation, contextValue }) {
          if (operation.operation !== 'mutation') return null;
          if (!KEY_PATTERN.test(key)) return malformedKey();
          const requestHash = createHash('sha256')
            .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]))
            .digest('hex');
          const id = { callerSubject: contextValue.caller.subject, key };
          const inserted = await db
            .insert(idempotencyKeys)
            .values({ ...id, requestHash, state: 'PENDING' })
            .onConflictDoNothing()
            .returning({ key: idempotencyKeys.key });
          if (inserted.length > 0) {
            reserved = id;
            return null;
          }
          const [first] = await db
            .select()
            .from(idempotencyKeys)
            .where(and(eq(idempotencyKeys.callerSubject, id.callerSubject), eq(idempotencyKeys.key, key)));
          if (!first) return stillRunning(); // released between our insert and this read
          if (first.requestHash !== requestHash) return otherBody();
          if (first.state !== 'DONE') return stillRunning();
          const headers = new HeaderMap([[REPLAYED_HEADER, 'true']]);
          return {
            http: { headers },
            body: { kind: 'single', singleResult: first.response as FormattedExecutionResult },
          };
        },
        async willSendResponse({ response }) {
          if (!reserved) return;
          const where = and(
            eq(idempotencyKeys.callerSubject, reserved.callerSubject),
            eq(idempotencyKeys.key, reserved.key),
          );
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const wroteSomething = hasResult(result?.data);
          try {
            if (result && wroteSomething) {
              await db
                .update(idempotencyKeys)
                .set({ state: 'DONE', response: { data: result.data, errors: result.errors } })
                .where(where);
            } else {
              await db.delete(idempotencyKeys).where(where);
            }
          } catch (error) {
            // The write itself succeeded; a retry will be told the request is still running.
            logger?.error({ err: error, key: reserved.key }, 'idempotency answer not stored');
          }
        },
      };
    },
  };
}
