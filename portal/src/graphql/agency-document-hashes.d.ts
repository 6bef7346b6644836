declare module 'virtual:agency-document-hashes' {
  import type { AgencyCode } from '../gql/graphql';
  /** Per hash of a document written for justice's namespace, the hash of each agency's variant (built by vite.config.ts). */
  const hashes: Record<string, Partial<Record<AgencyCode, string>>>;
  export default hashes;
}
