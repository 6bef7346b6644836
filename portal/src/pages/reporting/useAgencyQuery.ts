import { useQuery, type AnyVariables, type UseQueryResponse } from 'urql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AgencyCode } from '../../gql/graphql';
import { agencyOperation } from './agencyOperation';

/** A query of one agency's namespace (the signed-in person's own). */
export function useAgencyQuery<Result, Variables extends AnyVariables>(
  document: TypedDocumentNode<Result, Variables>,
  agency: AgencyCode,
  variables: Variables,
): UseQueryResponse<Result, Variables> {
  return useQuery<Result, Variables>({ query: agencyOperation(document, agency), variables });
}
