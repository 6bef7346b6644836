import { subgraphServerFactory } from '@cocuk-koruma/platform';
import { definition } from './definition.js';

/** Builds the interior subgraph without listening; tests and the process entry share it. */
export const createServer = subgraphServerFactory(definition);
