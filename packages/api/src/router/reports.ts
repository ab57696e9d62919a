import { funnelInputSchema, selectionFunnel } from '../services/reports/funnel';
import { router, signedInProcedure } from '../trpc';

/**
 * The reports (docs/reports.md): read-only, for every signed-in user within what they may read —
 * head office every branch, a branch user their own (the service narrows the filter).
 */
export const reportsRouter = router({
  funnel: signedInProcedure.input(funnelInputSchema).query(({ ctx, input }) => selectionFunnel({ ctx, input })),
});
