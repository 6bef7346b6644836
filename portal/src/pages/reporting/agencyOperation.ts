import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import variantHashes from 'virtual:agency-document-hashes';
import type { AgencyCode } from '../../gql/graphql';
import { NAMESPACE } from '../../graphql/agency-variants';

const cache = new WeakMap<DocumentNode, Map<AgencyCode, DocumentNode>>();

/**
 * The operation with its `agency: justice { … }` namespace pointed at the given agency. Every
 * agency's namespace has the same fields, so one typed operation (written and type-checked against
 * justice's, aliased `agency`) serves the caller's own ministry, whichever it is. Only a root field
 * aliased `agency` changes; the same document object comes back for the same agency, so urql's
 * cache keys stay stable.
 */
export function agencyOperation<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  agency: AgencyCode,
): TypedDocumentNode<Result, Variables> {
  let byAgency = cache.get(document);
  if (!byAgency) {
    byAgency = new Map();
    cache.set(document, byAgency);
  }
  const known = byAgency.get(agency);
  if (known) return known as TypedDocumentNode<Result, Variables>;
  const rewritten = visit(document, {
    [Kind.OPERATION_DEFINITION]: (operation: OperationDefinitionNode) => ({
      ...operation,
      selectionSet: {
        ...operation.selectionSet,
        selections: operation.selectionSet.selections.map((selection) =>
          selection.kind === Kind.FIELD && selection.alias?.value === 'agency'
            ? { ...selection, name: { ...selection.name, value: NAMESPACE[agency] } }
            : selection,
        ),
      },
    }),
  });
  // Without `loc`, the client prints the rewritten tree rather than sending the original text; the
  // variant's own hash (see agency-variants.ts) lets a production build send it by hash.
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  const variantHash = hash ? variantHashes[hash]?.[agency] : undefined;
  const withoutSource: DocumentNode = {
    kind: rewritten.kind,
    definitions: rewritten.definitions,
    ...(variantHash ? { __meta__: { hash: variantHash } } : {}),
  } as DocumentNode;
  byAgency.set(agency, withoutSource);
  return withoutSource as TypedDocumentNode<Result, Variables>;
}
