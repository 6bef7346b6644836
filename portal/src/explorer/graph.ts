import { buildSchema, type GraphQLSchema } from 'graphql';
import type { UserManager } from 'oidc-client-ts';
import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * The API schema as SDL from the gateway: the explorer works where introspection is off
 * (production), and the descriptions it shows are the ones the documentation page is built from.
 */
export async function loadSchema(accessToken: string): Promise<GraphQLSchema> {
  const response = await fetch('/explorer/schema.graphql', {
    headers: { authorization: `Bearer ${accessToken}` },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`/explorer/schema.graphql answered ${response.status}`);
  return buildSchema(await response.text());
}

/**
 * Every operation goes to the gateway's /graphql with the signed-in person's current token, renewed
 * in the background by oidc-client-ts; headers typed into GraphiQL (an Idempotency-Key, say) go
 * along, but never in place of the token.
 */
export function authorisedFetcher(manager: UserManager): Fetcher {
  return async (params, options) => {
    const user = await manager.getUser();
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        ...options?.headers,
        'content-type': 'application/json',
        authorization: `Bearer ${user?.access_token ?? ''}`,
      },
      body: JSON.stringify(params),
    });
    return (await response.json()) as Awaited<ReturnType<Fetcher>>;
  };
}
