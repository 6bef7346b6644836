import type { ApolloServerPlugin } from '@apollo/server';
import { AGENCIES } from '@cocuk-koruma/platform';
import type { GatewayContext } from './data-source.js';

const SLUG_BY_CODE = new Map<unknown, string>(AGENCIES.map((a) => [a.code, a.slug]));

/**
 * The family subgraph's cross-agency views relay another agency's outage as an error naming that
 * agency (`extensions.agency`). @apollo/gateway stamps every error with the subgraph that returned
 * it as `serviceName`, which would blame the family ministry for the justice subgraph being down:
 * here `serviceName` is put back to the agency whose data is missing.
 */
export function relayedErrorsNameTheirAgency(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const slug = SLUG_BY_CODE.get(error.extensions?.agency);
            if (slug && error.extensions && error.extensions.serviceName !== slug) {
              (error.extensions as Record<string, unknown>).serviceName = slug;
            }
          }
        },
      };
    },
  };
}
