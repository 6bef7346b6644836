import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';
import { cacheExchange, Client, fetchExchange, mapExchange, type Exchange } from 'urql';

/** graphql-codegen's hash of a document (`sha256:…`), the key of the build's persisted-documents.json. */
function documentHash(document: DocumentNode): string {
  return (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash ?? '';
}

/**
 * A production build sends each operation by its hash alone: the gateway holds the portal to the
 * manifest built with it (trusted documents), so it never sends text the gateway would refuse.
 * Vite's development server sends the text, as the gateway allows outside production, so an
 * operation edited a moment ago runs before the manifest is generated again.
 */
const trustedDocuments: Exchange[] = import.meta.env.DEV
  ? []
  : [
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: (_query, document) => Promise.resolve(documentHash(document)),
      }),
    ];

/**
 * The graph through the gateway, on the portal's own origin, operations sent by hash (see
 * trustedDocuments). Every request carries the current access token; an UNAUTHENTICATED answer (an expired or revoked session) sends the person to sign in.
 */
export function createGraphClient(accessToken: () => string, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          const unauthenticated =
            error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          if (unauthenticated) onUnauthenticated();
        },
      }),
      cacheExchange,
      ...trustedDocuments,
      fetchExchange,
    ],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${accessToken()}` } }),
  });
}
