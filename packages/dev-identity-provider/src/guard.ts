import { ConfigError } from '@cocuk-koruma/platform/config';

export class ProductionRefusedError extends ConfigError {
  override name = 'ProductionRefusedError';
}

/** The development identity provider never runs in production. */
export function refuseProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production') {
    throw new ProductionRefusedError(
      'The development identity provider refuses to run with NODE_ENV=production; point KEYCLOAK_URL at a real Keycloak.',
    );
  }
}
