import { publicProcedure, router } from '../trpc';
import { listPeriods } from '../services/periods';

export const periodsRouter = router({
  list: publicProcedure.query(({ ctx }) => listPeriods({ ctx })),
});
