import { registerCandidateSchema } from '@kader/workflow';
import { registerCandidate } from '../services/registerCandidate';
import { publicProcedure, router } from '../trpc';

export const candidatesRouter = router({
  register: publicProcedure.input(registerCandidateSchema).mutation(({ ctx, input }) => registerCandidate({ ctx, input })),
});
