import { runSubgraph } from '@cocuk-koruma/common';
import { definition } from './definition.js';

await runSubgraph(definition);
