import { isObjectType, Kind, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { badUserInput } from '../errors.js';

/** The fields of an entity type's `@key(fields: "...")`, where every key is a plain list of fields. */
function keyFieldsOf(type: GraphQLObjectType): string[] | undefined {
  const nodes = [type.astNode, ...type.extensionASTNodes].filter((n) => n !== undefined && n !== null);
  const keys = nodes.flatMap((n) => n.directives ?? []).filter((d) => d.name.value === 'key');
  if (keys.length === 0) return undefined;
  const fields = keys.map((k) => k.arguments?.find((a) => a.name.value === 'fields')?.value);
  const lists = fields.map((v) =>
    v?.kind === Kind.STRING && !/[{}]/.test(v.value) ? v.value.trim().split(/\s+/) : [],
  );
  // Of several keys, any one may be sent: the fields common to all are the ones always required.
  return lists.reduce((common, list) => common.filter((f) => list.includes(f)));
}

/**
 * The gateway sends `_entities` well-formed representations; a caller reaching a subgraph
 * directly may send anything. A representation that names no entity type of this subgraph, or
 * lacks its key, is refused as BAD_USER_INPUT before any resolver reads it (a resolver given
 * `code: undefined` threw a TypeError, answered as an internal error).
 */
export function guardEntityRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  const keys = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    const fields = isObjectType(type) ? keyFieldsOf(type) : undefined;
    if (fields) keys.set(type.name, fields);
  }
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation: unknown, index) => {
      const where = `representations[${index}]`;
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
        throw badUserInput(`${where} must be an object with __typename and the entity's key.`, where);
      }
      const { __typename: typename } = representation as { __typename?: unknown };
      const required = typeof typename === 'string' ? keys.get(typename) : undefined;
      if (!required) {
        const problem =
          typename === undefined ? 'has no __typename' : `names ${JSON.stringify(typename)}, no entity of this service`;
        throw badUserInput(`${where} ${problem}; send one of ${[...keys.keys()].join(', ')}.`, where);
      }
      for (const key of required) {
        const value = (representation as Record<string, unknown>)[key];
        if (typeof value !== 'string' || value === '') {
          throw badUserInput(
            `${where}: a ${String(typename)} is looked up by its "${key}", a non-empty string.`,
            where,
          );
        }
      }
    });
    return resolve(source, args, context, info);
  };
}
