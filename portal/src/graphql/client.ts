import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';

/**
 * The graph through the gateway, on the portal's own origin. Every request carries the current
 * access token; an UNAUTHENTICATED answer (an expired or revoked session) sends the person to sign in.
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
      fetchExchange,
    ],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${accessToken()}` } }),
  });
}
