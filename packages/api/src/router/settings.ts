import { addSetting, addSettingSchema } from '../services/contracts/addSetting';
import { listSettings } from '../services/contracts/listSettings';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

/** Head office's KPI settings and fee schedules, each version from its effective date. */
export const settingsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listSettings({ ctx })),
  add: rolesProcedure('admin')
    .input(addSettingSchema)
    .mutation(({ ctx, input }) => addSetting({ ctx, input })),
});
