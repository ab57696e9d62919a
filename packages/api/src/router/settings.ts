import { addSetting, addSettingSchema, listSettings } from '../services/contracts/programSettings';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

/** Head office's KPI settings and fee schedules, each version from its effective date. */
export const settingsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listSettings({ ctx })),
  add: rolesProcedure('admin')
    .input(addSettingSchema)
    .mutation(({ ctx, input }) => addSetting({ ctx, input })),
});
