import { describeAgencySubgraph } from '@cocuk-koruma/testing/agency-suite';
import { createServer } from '../src/server.js';

// The family ministry is also an agency with actions of its own: the same promises hold for it.
describeAgencySubgraph('family', createServer);
