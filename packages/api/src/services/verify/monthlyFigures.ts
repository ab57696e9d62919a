import { type DbHandle, TARGET_SUM_KEYS, TARGET_YEARS_OF, type TargetSums, targetYearsParams } from '@kader/db';
import { feeStatement, type MonthlyRecord, monthlyFigures } from '@kader/workflow';
import { feeVersions, kpiVersions } from '../contracts/settings';
import type { AuditMismatch } from './replayEntity';

type StoredRow = {
  id: number;
  contractId: number;
  month: string;
  record: string;
  familiesAssigned: number;
  familiesVisited: number;
  collected: number;
  reportDaysAfterMonth: number | null;
  meetingsAttended: number;
  collectedTotal: number;
  fee: number | null;
  feeFlaggedLines: number | null;
  feeScheduleFrom: string | null;
};

const ROWS = `SELECT id, contract_id AS contractId, month, record,
  families_assigned AS familiesAssigned, families_visited AS familiesVisited, collected,
  report_days_after_month AS reportDaysAfterMonth, meetings_attended AS meetingsAttended,
  collected_total AS collectedTotal, fee, fee_flagged_lines AS feeFlaggedLines, fee_schedule_from AS feeScheduleFrom
  FROM monthly_reports ORDER BY id`;

/**
 * The reports' read model on monthly_reports checked against the records it is kept from: each
 * record's figure columns (the targets report's: workflow `monthlyFigures`) and fee columns (the fee
 * payout's: its statement under the schedule named in `fee_schedule_from`, as `monthlyFeeFigures`
 * worked it out) worked out again from its JSON and compared. A fee stored under a schedule that is
 * no longer the one in force for its month is not a mismatch (the payout works those out again);
 * one stored under a schedule head office never had, or a fee without its schedule, is. A
 * difference names the contract, the month and both sides. One pass over every record, by id
 * (the statement streams: memory stays flat at 120,000 records).
 */
export function monthlyFigureMismatches(handle: DbHandle): AuditMismatch[] {
  const schedules = new Map(feeVersions(handle.db).map((s) => [s.effectiveFrom, s]));
  const mismatches: AuditMismatch[] = [];
  for (const row of handle.sqlite.prepare(ROWS).iterate() as IterableIterator<StoredRow>) {
    const record = JSON.parse(row.record) as MonthlyRecord;
    const differences: string[] = [];
    const compare = (name: string, stored: unknown, worked: unknown) => {
      if (stored !== worked) differences.push(`${name} stored ${String(stored)}, from the record ${String(worked)}`);
    };
    for (const [key, value] of Object.entries(monthlyFigures(record))) compare(key, row[key as keyof StoredRow], value);
    compare(
      'collectedTotal',
      row.collectedTotal,
      record.collections.reduce((s, c) => s + c.amount, 0),
    );
    if (row.feeScheduleFrom === null) {
      // not worked out (written before the fee columns, or before any schedule): nothing else stored
      compare('fee', row.fee, null);
      compare('feeFlaggedLines', row.feeFlaggedLines, null);
    } else {
      const schedule = schedules.get(row.feeScheduleFrom);
      if (!schedule) differences.push(`fee worked out under a schedule from ${row.feeScheduleFrom}, which head office never had`);
      else {
        const statement = feeStatement(record, schedule);
        compare('fee', row.fee, statement.totals.fee);
        compare('feeFlaggedLines', row.feeFlaggedLines, statement.lines.filter((l) => l.flag !== null).length);
      }
    }
    if (differences.length) {
      mismatches.push({
        kind: 'contract',
        id: row.contractId,
        reason: `monthly record ${row.month}: ${differences.join('; ')}`,
      });
    }
  }
  return mismatches;
}

type TargetYearRow = TargetSums & { contractId: number; year: number; kpiFrom: string };
const TARGET_YEAR_ROWS = `SELECT contract_id AS contractId, year, kpi_from AS kpiFrom, months, visited,
  visits_target AS visitsTarget, collected, collection_target AS collectionTarget,
  reports_on_time AS reportsOnTime, attended, meetings_target AS meetingsTarget
  FROM target_year_figures ORDER BY contract_id, year`;

/**
 * The targets report's rows per agreement year (`target_year_figures`) checked against the months
 * they are kept from: each agreement's rows summed again from its figure columns under the targets
 * of the version they name (db `TARGET_YEARS_OF`, the writer's statement) and compared, including
 * a year missing on either side. A version no longer in force for the agreement is not a mismatch
 * (the report sums those months itself); one head office never had is. Run after
 * `monthlyFigureMismatches`, which checks the figure columns against the records.
 */
export function targetYearMismatches(handle: DbHandle): AuditMismatch[] {
  const versions = new Map(kpiVersions(handle.db).map((v) => [v.effectiveFrom, v]));
  const recompute = handle.sqlite.prepare(TARGET_YEARS_OF);
  const byContract = new Map<number, TargetYearRow[]>();
  for (const row of handle.sqlite.prepare(TARGET_YEAR_ROWS).iterate() as IterableIterator<TargetYearRow>) {
    byContract.set(row.contractId, [...(byContract.get(row.contractId) ?? []), row]);
  }
  const mismatches: AuditMismatch[] = [];
  for (const [contractId, rows] of byContract) {
    const v = versions.get(rows[0]!.kpiFrom);
    if (!v || rows.some((r) => r.kpiFrom !== rows[0]!.kpiFrom)) {
      mismatches.push({
        kind: 'contract',
        id: contractId,
        reason: `target year rows name KPI versions ${rows.map((r) => r.kpiFrom).join(', ')}, not one head office has`,
      });
      continue;
    }
    const worked = recompute.all(
      targetYearsParams(contractId, {
        effectiveFrom: v.effectiveFrom,
        familiesVisitedShare: v.targets.familiesVisitedShare,
        collectionPerMonth: v.targets.collectionPerMonth,
        meetingsPerMonth: v.targets.meetingsPerMonth,
        reportDueDay: v.targets.reportDueDay,
      }),
    ) as TargetYearRow[];
    const text = (r: TargetYearRow | undefined) => (r ? TARGET_SUM_KEYS.map((k) => `${k} ${r[k]}`).join(', ') : 'none');
    for (const year of new Set([...rows, ...worked].map((r) => r.year))) {
      const stored = rows.find((r) => r.year === year);
      const fromMonths = worked.find((r) => r.year === year);
      // the visits target is a float sum: equal to a millionth of a family
      const same =
        stored &&
        fromMonths &&
        TARGET_SUM_KEYS.every((k) =>
          k === 'visitsTarget' ? Math.abs(stored[k] - fromMonths[k]) < 1e-6 : stored[k] === fromMonths[k],
        );
      if (!same) {
        mismatches.push({
          kind: 'contract',
          id: contractId,
          reason: `target year ${year}: stored ${text(stored)}; from the months ${text(fromMonths)}`,
        });
      }
    }
  }
  return mismatches;
}
