import { getSetting } from '@kader/db';
import { applicationsRouter } from './router/applications';
import { authRouter } from './router/auth';
import { candidatesRouter } from './router/candidates';
import { contractsRouter } from './router/contracts';
import { settingsRouter } from './router/settings';
import { periodsRouter } from './router/periods';
import { regionsRouter } from './router/regions';
import { reportsRouter } from './router/reports';
import { branchesRouter } from './router/branches';
import { setupRouter } from './router/setup';
import { usersRouter } from './router/users';
import { anyoneProcedure, createCallerFactory, router } from './trpc';

export const appRouter = router({
  health: anyoneProcedure.query(({ ctx }) => ({
    ok: true as const,
    // The UI shows a DEMO banner: demo users with published passwords exist in this database.
    demo: getSetting(ctx.handle.db, 'mode') === 'demo',
  })),
  auth: authRouter,
  users: usersRouter,
  branches: branchesRouter,
  periods: periodsRouter,
  candidates: candidatesRouter,
  applications: applicationsRouter,
  contracts: contractsRouter,
  settings: settingsRouter,
  regions: regionsRouter,
  setup: setupRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
