import { tracingEnabled } from './enabled.js';

let stopTracing: (() => Promise<void>) | undefined;

/**
 * Starts tracing when the OTEL_* variables ask for it, before the service loads anything it
 * traces: a process entry calls it first and imports the service afterwards (see entry.ts).
 * Untraced, the SDK is not even loaded, and @apollo/gateway's spans fall on the API's no-op tracer.
 */
export async function startTelemetry(defaultServiceName: string): Promise<void> {
  if (stopTracing || !tracingEnabled()) return;
  const { startSdk } = await import('./sdk.js');
  stopTracing = await startSdk(defaultServiceName);
}

/**
 * How long a stopping service waits for its last spans to leave: a collector that does not answer
 * must not hold the stop past its deadline (STOP_DEADLINE_MS), whose exit would then be a failure.
 */
const FLUSH_MS = 1000;

/** Sends the spans still buffered and stops the SDK; a stopping service calls it before it exits. */
export async function stopTelemetry(): Promise<void> {
  const stop = stopTracing;
  stopTracing = undefined;
  if (!stop) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    stop().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, FLUSH_MS);
    }),
  ]);
  clearTimeout(timer);
}
