import { ConfigError, createLogger, GATEWAY_DEFAULT_PORT, portFromEnv } from '@cocuk-koruma/common';
import { createGateway } from './gateway';

const logger = createLogger('gateway');
try {
  const port = portFromEnv('gateway', GATEWAY_DEFAULT_PORT);
  const gateway = await createGateway();
  const listening = await gateway.listen(port, process.env.HOST ?? '127.0.0.1');
  logger.info({ url: listening.url, subgraphs: gateway.subgraphUrls }, 'gateway ready');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await gateway.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
