import { runTracedSubgraph } from '@cocuk-koruma/platform/telemetry/entry';

await runTracedSubgraph('justice', () => import('./definition.js'));
