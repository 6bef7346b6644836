import { runTracedSubgraph } from '@cocuk-koruma/platform/telemetry/entry';

await runTracedSubgraph('education', () => import('./definition.js'));
