import { Supergraph } from '@apollo/federation-internals';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The schema clients see: the supergraph without federation's join__/link__ machinery. The
 * gateway adds no `_entities` or `_service` to it; those live in the subgraphs only.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The named types a reader of the API documentation needs, by name (graphql-js's built-ins left out). */
export function documentedTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** One element of the schema that carries a description, by its schema coordinate. */
export interface DescribedElement {
  /** `Type`, `Type.field`, `Type.field(arg:)` or `Enum.VALUE`. */
  coordinate: string;
  description: string | null | undefined;
}

/** Every type, field, argument, input field and enum value of the documented types. */
export function describedElements(schema: GraphQLSchema): DescribedElement[] {
  const elements: DescribedElement[] = [];
  for (const type of documentedTypes(schema)) {
    elements.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        elements.push({ coordinate, description: field.description });
        if ('args' in field) {
          for (const arg of field.args) {
            elements.push({ coordinate: `${coordinate}(${arg.name}:)`, description: arg.description });
          }
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        elements.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
      }
    }
  }
  return elements;
}
