import { setPeriodRulesVerb, setQuota, setQuotaSchema, setRulesSchema } from '../services/planning';
import { listPeriods } from '../services/periods';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

export const periodsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listPeriods({ ctx })),
  /** Head office sets a branch's places for a year (opening the year's period if needed). */
  setQuota: rolesProcedure('admin')
    .input(setQuotaSchema)
    .mutation(({ ctx, input }) => setQuota({ ctx, input })),
  /** Passing grades, required documents and eligibility of a period (for later registrations). */
  setRules: rolesProcedure('admin')
    .input(setRulesSchema)
    .mutation(({ ctx, input }) => setPeriodRulesVerb({ ctx, input })),
});
