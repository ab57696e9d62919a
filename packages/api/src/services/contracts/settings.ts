import { listProgramSettings, type DbOrTx } from '@kader/db';
import {
  DEFAULT_FEE_SCHEDULE_VERSIONS,
  DEFAULT_KPI_SETTINGS_VERSIONS,
  feeScheduleSchema,
  kpiSettingsSchema,
  type FeeSchedule,
  type KpiSettings,
} from '@kader/workflow';

/**
 * Head office's versions of the KPI settings and fee schedules, each from its effective date;
 * until head office sets any, the programme defaults (domain.md section C) apply.
 */
export function kpiVersions(db: DbOrTx): KpiSettings[] {
  const rows = listProgramSettings(db, 'kpi').map((r) => kpiSettingsSchema.parse(r.value));
  return rows.length ? rows : [...DEFAULT_KPI_SETTINGS_VERSIONS];
}

export function feeVersions(db: DbOrTx): FeeSchedule[] {
  const rows = listProgramSettings(db, 'fee').map((r) => feeScheduleSchema.parse(r.value));
  return rows.length ? rows : [...DEFAULT_FEE_SCHEDULE_VERSIONS];
}
