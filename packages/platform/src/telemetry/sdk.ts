import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';

/** Paths asked many times a minute by probes and scrapers: a trace for each would bury the requests. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

/**
 * Starts the OpenTelemetry SDK as the standard variables configure it (exporter, endpoint,
 * protocol, sampler, propagators, resource), with the instrumentations of this stack: HTTP in and
 * out (node:http; undici, which the gateway and the family's read-back call through), express,
 * graphql and pg. Loaded only when tracing is on, and before any of those modules: the
 * instrumentations patch them as they are first loaded, through require for CommonJS and, for ES
 * modules, through import-in-the-middle's loader hook, which is told to wrap only the modules the
 * instrumentations name.
 */
export async function startSdk(defaultServiceName: string): Promise<() => Promise<void>> {
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, where set, names the service; the SDK would let this option win over it.
    serviceName: process.env.OTEL_SERVICE_NAME?.trim() ? undefined : defaultServiceName,
    // Logs stay pino's, on stdout, with the trace id in each line (see logger.ts): not OTLP.
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
      }),
      new UndiciInstrumentation(),
      new ExpressInstrumentation(),
      // Resolvers that only read a property are no spans of their own; lists are one span, not one per item.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      // No statement parameters in spans: they are the agencies' data. Only SQL sent for a request
      // (or another traced operation) is traced, not the migrations and seed at start.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();
  return () => sdk.shutdown();
}
