import { setupProgress } from '../services/setupProgress';
import { router, signedInProcedure } from '../trpc';

/** The first start: what comes first (head office) or whom to ask (a branch without a period). Read-only. */
export const setupRouter = router({
  progress: signedInProcedure.query(({ ctx }) => setupProgress({ ctx })),
});
