import { applicationsRouter } from './router/applications';
import { candidatesRouter } from './router/candidates';
import { periodsRouter } from './router/periods';
import { createCallerFactory, publicProcedure, router } from './trpc';

export const appRouter = router({
  health: publicProcedure.query(() => ({ ok: true as const })),
  periods: periodsRouter,
  candidates: candidatesRouter,
  applications: applicationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
