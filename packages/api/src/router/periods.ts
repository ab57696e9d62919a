import { listPeriods } from '../services/periods';
import { router, signedInProcedure } from '../trpc';

export const periodsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listPeriods({ ctx })),
});
