import type { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import {
  databaseProblem,
  ErrorCode,
  type Agency,
  type Caller,
  type CallerContext,
  type Database,
  type Logger,
} from '@cocuk-koruma/platform';
import { groupCommitAppender } from './group-commit.js';
import { crossAgencyReadEntry, ResolvedReads } from './reads.js';

const DATABASE_DOWN_MESSAGE =
  'Kurumun veritabanına şu an ulaşılamıyor; okuma kaydedilemediği için veriler gösterilmiyor, lütfen yeniden deneyin. ' +
  "The agency's database cannot be reached just now; the read could not be recorded, so the data is withheld. Please try again.";
const WITHHELD_MESSAGE =
  'Okuma denetim kaydına yazılamadığı için veriler gösterilmiyor; lütfen yeniden deneyin. ' +
  'The data is withheld because the read could not be written to the audit log; please try again.';

const rootTypes = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The schema's root type names, worked out once per schema rather than on every request. */
function rootTypesOf(schema: GraphQLSchema): ReadonlySet<string> {
  let roots = rootTypes.get(schema);
  if (!roots) {
    roots = new Set(
      [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) =>
        t ? [t.name] : [],
      ),
    );
    rootTypes.set(schema, roots);
  }
  return roots;
}

export interface ReadAuditOptions {
  /**
   * Whether a request is part of one whose read is logged already (the family's read-back through
   * the gateway), by its headers; such a request adds no entry of its own.
   */
  alreadyLogged?(headers: HeaderMap, caller: Caller): boolean;
}

/**
 * Logs every read of this agency's data by another agency's caller, from what the subgraph
 * actually resolved (whatever the query's shape: fragments, aliases, `_entities` however its
 * representations arrive), with the ids read, in one entry per request. The entry is written
 * after execution and before the answer leaves: if it cannot be written, the answer is replaced
 * by an error, so no cross-agency read goes unrecorded.
 */
export function crossAgencyReadAudit<S extends Record<string, unknown>, C extends CallerContext>(
  agency: Agency,
  db: Database<S>,
  logger?: Logger,
  options: ReadAuditOptions = {},
): ApolloServerPlugin<C> {
  const appender = groupCommitAppender(db);
  return {
    async requestDidStart({ contextValue, schema, request }) {
      if (contextValue.caller.agency === agency.code) return {};
      if (request.http && options.alreadyLogged?.(request.http.headers, contextValue.caller)) return {};
      const reads = new ResolvedReads(rootTypesOf(schema));
      return {
        async executionDidStart({ operation }) {
          // A mutation's answer is the caller's own write, audited as such in its transaction.
          if (operation.operation !== 'query') return;
          return {
            willResolveField({ source, info }) {
              reads.add(info.parentType.name, source);
            },
          };
        },
        async willSendResponse({ response, operationName, contextValue: context }) {
          const entry = crossAgencyReadEntry(context.caller, agency.code, operationName ?? 'anonymous query', reads);
          if (!entry) return;
          try {
            await appender.append(entry);
          } catch (error) {
            logger?.error({ err: error, operation: entry.operation }, 'READ audit entry not written; answer withheld');
            response.http.status = 503;
            // A database that is down says so with the code its other failures carry; anything else
            // that keeps the entry out is the audit's own failure.
            const down = databaseProblem(error)?.kind === 'unavailable';
            const code = down ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.AUDIT_UNAVAILABLE;
            const message = down ? DATABASE_DOWN_MESSAGE : WITHHELD_MESSAGE;
            response.body = { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } };
          }
        },
      };
    },
  };
}
