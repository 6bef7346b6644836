import type { CombinedError } from 'urql';

/**
 * True when the answer's errors say the value at `path` (or under it) could not be read: a
 * ministry was down. Such a value is "unknown", never empty.
 */
export function unreadableAt(error: CombinedError | undefined, path: readonly (string | number)[]): boolean {
  if (!error) return false;
  return error.graphQLErrors.some(
    (e) =>
      e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' &&
      Array.isArray(e.path) &&
      path.every((segment, index) => e.path?.[index] === segment),
  );
}
