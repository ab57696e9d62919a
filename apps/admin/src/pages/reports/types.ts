import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api/router';

export type FunnelReport = inferRouterOutputs<AppRouter>['reports']['funnel'];
export type FunnelPeriod = FunnelReport['periods'][number];
