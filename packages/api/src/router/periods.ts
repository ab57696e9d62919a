import {
  setAreaQuotasSchema,
  setChannelsSchema,
  setPeriodRulesSchema,
  setQuotaSchema,
  setRegistrationWindowSchema,
} from '@kader/workflow';
import { listPeriods } from '../services/periods';
import { setAreaQuotas } from '../services/planning/setAreaQuotas';
import { setChannels } from '../services/planning/setChannels';
import { setPeriodRules } from '../services/planning/setPeriodRules';
import { setQuota } from '../services/planning/setQuota';
import { setRegistrationWindow } from '../services/planning/setRegistrationWindow';
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
  /** Head office sets or extends the registration window (revision-checked, audited). */
  setRegistrationWindow: rolesProcedure('admin')
    .input(setRegistrationWindowSchema)
    .mutation(({ ctx, input }) => setRegistrationWindow({ ctx, input })),
  /** The announcement channels used (the branch's recruiters and supervisors, or head office). */
  setChannels: rolesProcedure('admin', 'recruiter', 'supervisor')
    .input(setChannelsSchema)
    .mutation(({ ctx, input }) => setChannels({ ctx, input })),
  /** The branch's places split by work area, within head office's total. */
  setAreaQuotas: rolesProcedure('admin', 'recruiter', 'supervisor')
    .input(setAreaQuotasSchema)
    .mutation(({ ctx, input }) => setAreaQuotas({ ctx, input })),
});
