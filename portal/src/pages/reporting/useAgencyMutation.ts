import { useCallback } from 'react';
import { useMutation, type AnyVariables, type CombinedError } from 'urql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useAuth } from '../../auth/AuthContext';
import { agencyOperation } from './agencyOperation';

export interface WriteResult<Result> {
  data: Result | undefined;
  error: CombinedError | undefined;
}

/**
 * A mutation of the caller's own agency namespace. Errors come back to the form, which keeps what
 * the person typed: nothing is reset until the graph has accepted the write.
 */
export function useAgencyMutation<Result, Variables extends AnyVariables>(
  document: TypedDocumentNode<Result, Variables>,
): [{ fetching: boolean }, (variables: Variables) => Promise<WriteResult<Result>>] {
  const { caller } = useAuth();
  const [state, execute] = useMutation<Result, Variables>(agencyOperation(document, caller.agency ?? 'JUSTICE'));
  const run = useCallback(
    async (variables: Variables) => {
      const result = await execute(variables);
      return { data: result.data, error: result.error };
    },
    [execute],
  );
  return [{ fetching: state.fetching }, run];
}
