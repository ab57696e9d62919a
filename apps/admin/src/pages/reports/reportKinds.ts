import type { ComponentType } from 'react';
import type { Key } from '../../i18n';
import { CadresReport } from './CadresReport';
import { FeesReport } from './FeesReport';
import { FunnelReport } from './FunnelReport';
import { RenewalsReport } from './RenewalsReport';
import { TargetsReport } from './TargetsReport';
import type { ReportProps } from './types';

/**
 * The reports of the Laporan section, in the order of their tabs. `key` is the URL's `?laporan=`
 * (so a report can be linked and "back" returns to it); `label` its tab's words.
 */
export const REPORT_KINDS = [
  { key: 'corong', label: 'reports.funnel', component: FunnelReport },
  { key: 'kader', label: 'reports.cadres', component: CadresReport },
  { key: 'target', label: 'reports.targets', component: TargetsReport },
  { key: 'perpanjangan', label: 'reports.renewals', component: RenewalsReport },
  { key: 'imbal-jasa', label: 'reports.fees', component: FeesReport },
] as const satisfies readonly {
  key: string;
  label: Key;
  component: ComponentType<ReportProps>;
}[];
