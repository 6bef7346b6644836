import {
  announceReady,
  ConfigError,
  createLogger,
  GATEWAY_DEFAULT_PORT,
  portFromEnv,
  stopOn,
  stopTelemetry,
} from '@cocuk-koruma/platform';
import { createGateway } from './gateway.js';

const logger = createLogger('gateway');
try {
  const port = portFromEnv('gateway', GATEWAY_DEFAULT_PORT);
  const gateway = await createGateway();
  const listening = await gateway.listen(port, process.env.HOST ?? '127.0.0.1');
  logger.info({ url: listening.url, subgraphs: gateway.subgraphUrls }, 'gateway ready');
  announceReady();
  stopOn(async () => {
    await gateway.stop();
    await stopTelemetry();
    process.exit(0);
  });
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
