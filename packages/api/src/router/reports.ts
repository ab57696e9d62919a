import { reportAreas, reportAreasInputSchema, reportFilterSchema } from '../services/reports/filter';
import { selectionFunnel } from '../services/reports/funnel';
import { renewalOutcomes } from '../services/reports/renewals';
import { cadresInputSchema, cadresPerYear } from '../services/reports/cadres';
import { feePayout, feesInputSchema } from '../services/reports/fees';
import { targetsReport, targetsReportSchema } from '../services/reports/targets';
import { router, signedInProcedure } from '../trpc';

/**
 * The reports (docs/reports.md): read-only, for every signed-in user within what they may read —
 * head office every branch, a branch user their own (services/reports/filter.ts narrows the filter).
 * Each report takes the same filter (reportFilterSchema).
 */
export const reportsRouter = router({
  areas: signedInProcedure.input(reportAreasInputSchema).query(({ ctx, input }) => reportAreas({ ctx, input })),
  funnel: signedInProcedure.input(reportFilterSchema).query(({ ctx, input }) => selectionFunnel({ ctx, input })),
  targets: signedInProcedure.input(targetsReportSchema).query(({ ctx, input }) => targetsReport({ ctx, input })),
  renewals: signedInProcedure.input(reportFilterSchema).query(({ ctx, input }) => renewalOutcomes({ ctx, input })),
  cadres: signedInProcedure.input(cadresInputSchema).query(({ ctx, input }) => cadresPerYear({ ctx, input })),
  fees: signedInProcedure.input(feesInputSchema).query(({ ctx, input }) => feePayout({ ctx, input })),
});
