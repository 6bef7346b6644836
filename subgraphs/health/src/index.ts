import { runTracedSubgraph } from '@cocuk-koruma/platform/telemetry/entry';

await runTracedSubgraph('health', () => import('./definition.js'));
