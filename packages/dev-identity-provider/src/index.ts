/**
 * Process entry: the development identity provider on IDP_PORT (default 8080) at HOST (default
 * 127.0.0.1), answering on Keycloak's realm paths. Refuses to run with NODE_ENV=production.
 */
import { ConfigError, IDP_DEFAULT_PORT, portFromEnv } from '@cocuk-koruma/platform/config';
import { createLogger } from '@cocuk-koruma/platform/logger';
import { announceReady } from '@cocuk-koruma/platform/server/readiness';
import { stopOn } from '@cocuk-koruma/platform/server/shutdown';
import { refuseProduction } from './guard.js';
import { RealmExportError } from './realm.js';

async function main(): Promise<void> {
  const logger = createLogger('identity-provider');
  // Registered before the (slow) start so Ctrl-C during startup also exits cleanly.
  let close: (() => Promise<void>) | undefined;
  stopOn(async () => {
    await close?.();
    process.exit(0);
  });
  try {
    refuseProduction();
    // Loaded after the check so a refused start prints its one line and nothing from the library.
    const { createIdentityProvider } = await import('./server.js');
    const port = portFromEnv('idp', IDP_DEFAULT_PORT);
    const host = process.env.HOST ?? '127.0.0.1';
    const idp = createIdentityProvider({ issuerBaseUrl: process.env.KEYCLOAK_URL?.trim() || undefined });
    const listening = await idp.listen(port, host);
    logger.info(
      { url: listening.url, issuer: listening.issuer },
      `development identity provider ready at ${listening.url}`,
    );
    close = () => idp.close();
    announceReady();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RealmExportError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`Port ${portFromEnv('idp', IDP_DEFAULT_PORT)} is in use; set IDP_PORT to another port.\n`);
      process.exit(1);
    }
    throw error;
  }
}

await main();
