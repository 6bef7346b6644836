import { runSubgraph } from '@cocuk-koruma/platform';
import { definition } from './definition.js';

await runSubgraph(definition);
