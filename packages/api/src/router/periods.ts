import { setPeriodRulesSchema, setQuotaSchema } from '@kader/workflow';
import { listPeriods } from '../services/periods';
import { setPeriodRules } from '../services/planning/setPeriodRules';
import { setQuota } from '../services/planning/setQuota';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

export const periodsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listPeriods({ ctx })),
  /** Head office sets a branch's places for a year (opening the year's period if needed). */
  setQuota: rolesProcedure('admin')
    .input(setQuotaSchema)
    .mutation(({ ctx, input }) => setQuota({ ctx, input })),
  /** Passing grades, required documents and eligibility of a period (for later registrations). */
  setRules: rolesProcedure('admin')
    .input(setPeriodRulesSchema)
    .mutation(({ ctx, input }) => setPeriodRules({ ctx, input })),
});
