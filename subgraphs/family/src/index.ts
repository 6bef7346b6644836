import { runSubgraph } from '@cocuk-koruma/common';
import { definition } from './definition';

await runSubgraph(definition);
