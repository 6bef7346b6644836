import { runTracedSubgraph } from '@cocuk-koruma/platform/telemetry/entry';

await runTracedSubgraph('family', () => import('./definition.js'));
