import type { ApolloServerPlugin } from '@apollo/server';
import { AGENCIES, ErrorCode } from '@cocuk-koruma/platform';
import type { GatewayContext } from './data-source.js';

const SLUG_BY_CODE = new Map<unknown, string>(AGENCIES.map((a) => [a.code, a.slug]));

/** An agency's outage, reported by the gateway or relayed by a view (a refused meeting close). */
function namesAnOutage(extensions: Record<string, unknown>): boolean {
  return extensions.code === ErrorCode.SUBGRAPH_UNAVAILABLE || extensions.reason === 'AGENCY_UNAVAILABLE';
}

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
            const extensions = error.extensions as Record<string, unknown> | undefined;
            const slug = SLUG_BY_CODE.get(extensions?.agency);
            if (extensions && slug && namesAnOutage(extensions)) extensions.serviceName = slug;
          }
        },
      };
    },
  };
}
