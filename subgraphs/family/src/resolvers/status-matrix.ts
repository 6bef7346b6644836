import type { Resolvers } from '../generated/resolvers-types.js';
import { statusMatrix } from '../status-matrix.js';

export const statusMatrixResolvers = {
  Query: {
    statusMatrix: (_parent, _args, ctx) => statusMatrix(ctx),
  },
  StatusMatrixCell: {
    goal: (cell) => cell.goal,
    counts: (cell) => {
      if (cell.counts instanceof Error) throw cell.counts;
      return cell.counts;
    },
  },
} satisfies Resolvers;
