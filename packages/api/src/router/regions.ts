import { regionChainOf, regionCodeInputSchema, regionSearchSchema, searchRegionsOf } from '../services/regions/search';
import { router, signedInProcedure } from '../trpc';

/** Kemendagri's regions for the address picker: asked as the user types, so never in the admin's bundle. */
export const regionsRouter = router({
  search: signedInProcedure.input(regionSearchSchema).query(({ ctx, input }) => searchRegionsOf({ ctx, input })),
  chain: signedInProcedure.input(regionCodeInputSchema).query(({ ctx, input }) => regionChainOf({ ctx, input })),
});
