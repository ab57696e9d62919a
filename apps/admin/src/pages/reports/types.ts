import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api/router';

type Reports = inferRouterOutputs<AppRouter>['reports'];
export type FunnelReport = Reports['funnel'];
export type FunnelPeriod = FunnelReport['periods'][number];

/** The filter every report takes (the server's `reportFilterSchema`), chosen once above the tabs. */
export type ReportFilterValue = { branchId: number | null; regionCode: string | null; fromYear: number; toYear: number };
/** What a report's component gets from the Laporan page: the filter, and whether this user is head office. */
export type ReportProps = { filter: ReportFilterValue; headOffice: boolean };
