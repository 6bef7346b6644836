import { startTelemetry } from '@cocuk-koruma/platform/telemetry/start';

// Tracing before the gateway's modules: they load http, express and graphql, which it patches.
await startTelemetry('gateway');
await import('./main.js');
