import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** How a query's cost is counted: see `queryCost`. */
export interface CostLimitOptions {
  maxCost: number;
  /** Items assumed for a list nothing sizes: an action's parties, a goal's indicators, ... */
  defaultListSize: number;
  /** Items assumed for particular lists (`Type.field`), where the default would mislead. */
  listSizes: Readonly<Record<string, number>>;
  /**
   * Arguments that say how many items a list returns: a number (`first`) or a list whose length
   * counts (`codes`, `representations`). On a field that returns a connection rather than a list,
   * the number sizes the connection's own lists (`edges`).
   */
  sizeArguments: readonly string[];
}

type Variables = Readonly<Record<string, unknown>>;

interface Walk {
  schema: GraphQLSchema;
  options: CostLimitOptions;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Variables;
}

function sizeFromValue(node: ValueNode, variables: Variables): number | null {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.LIST) return node.values.length;
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    if (typeof value === 'number') return value;
    if (Array.isArray(value)) return value.length;
  }
  return null;
}

/** The item count the field's arguments give, or its declared default (`first: Int = 50`). */
function sizeFromArguments(
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: ValueNode }[],
  walk: Walk,
): number | null {
  for (const name of walk.options.sizeArguments) {
    const given = args.find((a) => a.name.value === name);
    const size = given ? sizeFromValue(given.value, walk.variables) : null;
    if (size !== null) return Math.max(size, 0);
  }
  for (const name of walk.options.sizeArguments) {
    const declared = field.args.find((a) => a.name === name)?.defaultValue;
    if (typeof declared === 'number') return declared;
  }
  return null;
}

/**
 * The cost of a selection set when the enclosing lists may return `items` objects: every field
 * counts once per object it is asked of. `connectionSize` is the `first` of the connection
 * whose fields these are, which sizes its lists.
 */
function selectionCost(
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  items: number,
  connectionSize: number | null,
  walk: Walk,
  visiting: ReadonlySet<string>,
): number {
  let total = 0;
  // An object is one concrete type: fragments on different object types of an abstract parent
  // (the gateway splits `actions { … }` into one per agency's type) count as the dearest one.
  const byConcreteType = new Map<string, number>();
  const addFragment = (fragmentSet: SelectionSetNode, condition: GraphQLCompositeType, name?: string) => {
    const inside = name ? new Set(visiting).add(name) : visiting;
    const cost = selectionCost(fragmentSet, condition, items, connectionSize, walk, inside);
    if (isObjectType(condition) && condition !== parentType) {
      byConcreteType.set(condition.name, (byConcreteType.get(condition.name) ?? 0) + cost);
    } else total += cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      if (condition && isCompositeType(condition)) addFragment(selection.selectionSet, condition);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      const condition = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && condition && isCompositeType(condition) && !visiting.has(name)) {
        addFragment(fragment.selectionSet, condition, name);
      }
      continue;
    }
    const name = selection.name.value;
    // Introspection and __typename read no data; the depth and token limits bound them.
    if (name.startsWith('__')) continue;
    const field = 'getFields' in parentType ? parentType.getFields()[name] : undefined;
    if (!field) continue;
    total += items;
    if (!selection.selectionSet) continue;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) continue;
    const size = sizeFromArguments(field, selection.arguments ?? [], walk);
    if (isListType(getNullableType(field.type))) {
      const listSize =
        size ?? connectionSize ?? walk.options.listSizes[`${parentType.name}.${name}`] ?? walk.options.defaultListSize;
      total += selectionCost(selection.selectionSet, type, items * listSize, null, walk, visiting);
    } else {
      total += selectionCost(selection.selectionSet, type, items, size, walk, visiting);
    }
    // Past the limit the exact figure no longer matters; stop before the numbers grow absurd.
    if (total > walk.options.maxCost * 1000) return total;
  }
  return total + Math.max(0, ...byConcreteType.values());
}

/**
 * The number of field values an operation may resolve: each field counts once for every object
 * it is asked of, so a list multiplies what is asked of its items by the number it may return:
 * its `first` (or the length of its `codes`), else its assumed size. `auditLog(first: 60)` with
 * 16 fields per entry costs about 60 × 18; the whole plan with every report, measurement and
 * part costs hundreds of thousands.
 */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Variables,
  options: CostLimitOptions,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const walk: Walk = {
    schema,
    options,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables,
  };
  return selectionCost(operation.selectionSet, root, 1, null, walk, new Set());
}

export function costLimitMessage(cost: number, maxCost: number): string {
  const found = cost > maxCost * 1000 ? `more than ${maxCost * 1000}` : String(cost);
  return (
    `Query Cost limit of ${maxCost} exceeded, found ${found}. Every field counts once for each item its ` +
    `lists may return (a list's first argument, or its assumed size): ask for a smaller page ` +
    `(actionPage(first: …, after: …)) or fewer nested lists.`
  );
}

/**
 * Refuses an operation costing more than `maxCost` before anything runs, with HTTP 400 and
 * GRAPHQL_VALIDATION_FAILED like the other limits. A plugin rather than a validation rule:
 * validation does not see the variables, and a page's `first` usually arrives in one.
 */
export function costLimitPlugin<C extends BaseContext>(options: CostLimitOptions): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = document.definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          );
          const cost = queryCost(schema, operation, fragments, request.variables ?? {}, options);
          if (cost > options.maxCost) {
            throw new GraphQLError(costLimitMessage(cost, options.maxCost), {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
