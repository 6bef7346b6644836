/** A problem the user fixes (a port, a folder): said in one line, and nothing is deleted. */
export class LocalPostgresError extends Error {
  override name = 'LocalPostgresError';
}
