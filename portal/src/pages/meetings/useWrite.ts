import { useCallback } from 'react';
import { useMutation, type AnyVariables, type CombinedError, type DocumentInput, type OperationResult } from 'urql';

export interface Write<Data, Variables extends AnyVariables> {
  /** Resolves with the answer, or null when the write was refused or failed (see `error`). */
  run(variables: Variables): Promise<Data | null>;
  error: CombinedError | undefined;
  fetching: boolean;
}

/**
 * One of the secretariat's writes. Every change sits in `family { … }` and is null with its error
 * when refused, so a result counts only when it carries no error at all.
 */
export function useWrite<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
): Write<Data, Variables> {
  const [state, execute] = useMutation<Data, Variables>(document);
  const run = useCallback(
    async (variables: Variables) => {
      const result: OperationResult<Data, Variables> = await execute(variables);
      return result.error || !result.data ? null : result.data;
    },
    [execute],
  );
  return { run, error: state.error, fetching: state.fetching };
}
