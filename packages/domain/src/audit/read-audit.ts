import type { ApolloServerPlugin } from '@apollo/server';
import type { Agency, CallerContext, Database } from '@cocuk-koruma/platform';
import { getNamedType, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { recordCrossAgencyRead } from './reads.js';

/** Root fields that read no agency data: the gateway's schema fetch and introspection. */
const UNAUDITED_ROOT_FIELDS = new Set(['_service', '__schema', '__type', '__typename']);

/**
 * The entity types a query reads, known before it runs: for the gateway's `_entities` calls the
 * `__typename`s of the representations, otherwise the types the root fields return.
 */
function entityTypesRead(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): string[] {
  const types = new Set<string>();
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || UNAUDITED_ROOT_FIELDS.has(selection.name.value)) continue;
    if (selection.name.value === '_entities') {
      const representations = variables?.representations;
      if (Array.isArray(representations)) {
        for (const r of representations) {
          const typename = (r as { __typename?: unknown })?.__typename;
          if (typeof typename === 'string') types.add(typename);
        }
      }
      continue;
    }
    const field = queryFields[selection.name.value];
    if (field) types.add(getNamedType(field.type).name);
  }
  return [...types];
}

/**
 * Logs every read of this agency's data by another agency's caller, before the query runs: if
 * the entry cannot be written the read is refused, so no cross-agency read goes unrecorded.
 */
export function crossAgencyReadAudit<S extends Record<string, unknown>, C extends CallerContext>(
  agency: Agency,
  db: Database<S>,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, schema, request, contextValue }) {
          if (!operation || operation.operation !== 'query' || contextValue.caller.agency === agency.code) return;
          const types = entityTypesRead(schema, operation, request.variables);
          if (types.length === 0) return;
          await recordCrossAgencyRead(db, contextValue.caller, agency.code, operationName ?? 'anonymous query', types);
        },
      };
    },
  };
}
