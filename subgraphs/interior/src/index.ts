import { runTracedSubgraph } from '@cocuk-koruma/platform/telemetry/entry';

await runTracedSubgraph('interior', () => import('./definition.js'));
