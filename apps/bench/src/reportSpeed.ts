/**
 * How long every report takes at scale (issue 12 "Speed": under 300 ms with 100,000 applications
 * and 10,000 cadres x 12 months). Builds a database once, kept at the given path and reused: the
 * bulk generator's applications (bulkData.ts), then twelve monthly records for each of ~10,000
 * agreements written through the db's monthly writer (`insertMonthly`, with the figures every
 * writer stores: workflow `monthlyFigures` and `monthlyFeeFigures`; then each agreement's targets
 * rows, `refreshTargetYears`, as `writeMonth` does), varied and plausible. An
 * existing file is migrated first (a file older than a read model backfills it). Then times each
 * report through the tRPC caller, as the server runs it, for head office over every branch and
 * year, one branch over every year and one branch in one year: median of 5 runs after a warm-up,
 * wall time (noisy on a shared machine) and this thread's CPU time, beside the 300 ms goal.
 * Prints figures; asserts nothing.
 *
 *   pnpm --filter @kader/bench bench:reports [file] [applications] [agreements]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createCaller, seededRandom, systemContext } from '@kader/api';
import {
  type DbHandle,
  insertMonthly,
  listProgramSettings,
  migrateDatabase,
  openDatabase,
  refreshTargetYears,
  type TargetYearTargets,
} from '@kader/db';
import {
  DEFAULT_FEE_SCHEDULE_VERSIONS,
  DEFAULT_KPI_SETTINGS_VERSIONS,
  effectiveAt,
  type KpiSettings,
  kpiSettingsSchema,
  type FeeSchedule,
  feeScheduleSchema,
  type MonthlyRecord,
  monthlyFeeFigures,
  monthlyFigures,
  monthlyRecordSchema,
} from '@kader/workflow';
import { bulkDatabase } from './bulkData';
import { timedRuns } from './figures';

const file = process.argv[2] ?? '/tmp/kader-reports-bench.db';
const applications = Number(process.argv[3] ?? 100_000);
const agreements = Number(process.argv[4] ?? 10_000);
const GOAL_MS = 300;

const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
};

/**
 * One cadre-month as a cadre reports it: most families visited some months, a few payments of
 * arrears of every age (some under 2 or over 24 months: flagged), the report usually early in the
 * next month, sometimes late or missing, most meetings attended.
 */
function monthOf(rnd: () => number, month: string, familiesAssigned: number): MonthlyRecord {
  const familiesVisited = Math.floor(familiesAssigned * (0.05 + rnd() * 0.6));
  const collections = Array.from({ length: Math.floor(rnd() * 5) }, () => ({
    arrearsMonths: Math.floor(rnd() * 30),
    amount: 35_000 * (1 + Math.floor(rnd() * 40)),
  }));
  const next = addMonths(month, 1);
  const held = 1 + Math.floor(rnd() * 4);
  return monthlyRecordSchema.parse({
    month,
    familiesAssigned,
    familiesVisited,
    visits: familiesVisited + Math.floor(rnd() * 50),
    collections,
    reportDeliveredOn: rnd() < 0.05 ? null : `${next}-${String(1 + Math.floor(rnd() * 25)).padStart(2, '0')}`,
    meetingsHeld: held,
    meetingsAttended: Math.min(held, Math.floor(rnd() * (held + 2))),
  });
}

/**
 * The targets report's rows of every agreement with months (db `refreshTargetYears`, as `writeMonth`
 * calls it after each month: here once per agreement after its months), under the KPI version in
 * force on its evaluation date. Also fills them in a file built before they existed.
 */
function refreshAllTargetYears(handle: DbHandle) {
  const started = performance.now();
  const stored = listProgramSettings(handle.db, 'kpi').map((r) => kpiSettingsSchema.parse(r.value));
  const versions: readonly KpiSettings[] = stored.length ? stored : DEFAULT_KPI_SETTINGS_VERSIONS;
  const targetsOn = (date: string): TargetYearTargets => {
    const v = versions.some((k) => k.effectiveFrom <= date) ? effectiveAt(versions, date) : versions[0]!;
    return { effectiveFrom: v.effectiveFrom, ...v.targets };
  };
  const agreements = handle.sqlite
    .prepare(
      'SELECT id, evaluation_due_on AS due FROM contracts c WHERE EXISTS (SELECT 1 FROM monthly_reports m WHERE m.contract_id = c.id)',
    )
    .all() as { id: number; due: string }[];
  handle.db.transaction((tx) => {
    for (const a of agreements) refreshTargetYears(tx, a.id, targetsOn(a.due));
  });
  console.log(
    `reports: target year rows of ${agreements.length.toLocaleString('en-US')} agreements in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Twelve months (or as many as the agreement has) for the `agreements` latest agreements, in one transaction. */
function fillMonths(handle: DbHandle) {
  const started = performance.now();
  const stored = listProgramSettings(handle.db, 'fee').map((r) => feeScheduleSchema.parse(r.value));
  const schedules: readonly FeeSchedule[] = stored.length ? stored : DEFAULT_FEE_SCHEDULE_VERSIONS;
  const contracts = handle.sqlite
    .prepare(
      'SELECT id, start_date AS startDate, end_date AS endDate, families_assigned AS familiesAssigned FROM contracts ORDER BY start_date DESC, id LIMIT ?',
    )
    .all(agreements) as { id: number; startDate: string; endDate: string; familiesAssigned: number }[];
  // the bulk generator's seeded generator, so every build holds the same months
  const rnd = seededRandom(12).next;
  const at = new Date().toISOString();
  let written = 0;
  handle.db.transaction((tx) => {
    for (const c of contracts) {
      for (let i = 0; i < 12; i++) {
        const month = addMonths(c.startDate.slice(0, 7), i);
        if (month > c.endDate.slice(0, 7)) break;
        const record = monthOf(rnd, month, c.familiesAssigned);
        insertMonthly(tx, {
          contractId: c.id,
          month,
          record,
          ...monthlyFigures(record),
          ...monthlyFeeFigures(record, schedules),
          revision: 1,
          createdAt: at,
          updatedAt: at,
        });
        written++;
      }
    }
  });
  handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  console.log(
    `reports: ${written.toLocaleString('en-US')} monthly records of ${contracts.length.toLocaleString('en-US')} agreements written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (!existsSync(file)) await bulkDatabase(file, applications, { label: 'reports' });
const handle = openDatabase(file);
const migrating = performance.now();
migrateDatabase(handle);
console.log(`reports: migrations ${(performance.now() - migrating).toFixed(0)} ms`);
if ((handle.sqlite.prepare('SELECT count(*) FROM monthly_reports').pluck().get() as number) === 0) fillMonths(handle);
if ((handle.sqlite.prepare('SELECT count(*) FROM target_year_figures').pluck().get() as number) === 0)
  refreshAllTargetYears(handle);

const count = (sql: string) => (handle.sqlite.prepare(sql).pluck().get() as number).toLocaleString('en-US');
const madiun = handle.sqlite.prepare("SELECT id FROM branches WHERE code = 'KC-MDN'").pluck().get() as number;
const span = handle.sqlite
  .prepare(
    `SELECT min(y) AS fromYear, max(y) AS toYear FROM (
       SELECT year AS y FROM recruitment_periods UNION ALL SELECT CAST(substr(month, 1, 4) AS INTEGER) FROM monthly_reports)`,
  )
  .get() as { fromYear: number; toYear: number };
// the busiest month and its year: the one-year rows and the fee payout's month
const busiest = handle.sqlite
  .prepare('SELECT month FROM monthly_reports GROUP BY month ORDER BY count(*) DESC, month DESC LIMIT 1')
  .pluck()
  .get() as string;
const year = Number(busiest.slice(0, 4));
console.log(
  `reports: ${count('SELECT count(*) FROM applications')} applications, ${count('SELECT count(*) FROM contracts')} agreements, ` +
    `${count('SELECT count(*) FROM monthly_reports')} monthly records of ${count('SELECT count(DISTINCT contract_id) FROM monthly_reports')} agreements; ` +
    `years ${span.fromYear}-${span.toYear}, busiest month ${busiest}`,
);

const reports = createCaller(systemContext(handle, () => new Date())).reports;

/** Median wall and CPU time of 5 runs after a warm-up (which compiles and fills the page cache). */
/** One untimed run (statements prepared, pages in cache), then the median of 5. */
async function timed(run: () => Promise<unknown>) {
  await run();
  return timedRuns(5, run);
}

type Scope = { label: string; branchId?: number; fromYear: number; toYear: number; year?: number };
const scopes: Scope[] = [
  { label: 'head office, every branch and year', ...span },
  { label: 'KC Madiun, every year', branchId: madiun, ...span },
  { label: `KC Madiun, ${year}`, branchId: madiun, fromYear: year, toYear: year, year },
  // head office's one year: the targets by month of every branch's cadres
  { label: `head office, every branch, ${year}`, fromYear: year, toYear: year, year },
];
// each report's input for a scope: the targets' chosen year shows its months; the payout's month is the busiest
const runs: [string, (s: Scope) => Promise<unknown>][] = [
  ['funnel', ({ branchId, fromYear, toYear }) => reports.funnel({ branchId, fromYear, toYear })],
  ['cadres', ({ branchId, fromYear, toYear }) => reports.cadres({ branchId, fromYear, toYear })],
  ['targets', ({ branchId, fromYear, toYear, year: y }) => reports.targets({ branchId, fromYear, toYear, year: y })],
  ['renewals', ({ branchId, fromYear, toYear }) => reports.renewals({ branchId, fromYear, toYear })],
  ['fees', ({ branchId, fromYear, toYear }) => reports.fees({ branchId, fromYear, toYear, month: busiest })],
];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(`reports: load average ${load()} (2 shared cores: wall times are noisy, CPU steadier)`);
const cell = (ms: number) => `${ms.toFixed(0).padStart(5)} ms ${ms < GOAL_MS ? 'ok  ' : 'OVER'}`;
console.log(`${'report'.padEnd(9)} ${'scope'.padEnd(36)} ${'wall'.padEnd(13)} ${'CPU'.padEnd(13)} goal`);
for (const [name, run] of runs) {
  for (const scope of scopes) {
    const t = await timed(() => run(scope));
    console.log(`${name.padEnd(9)} ${scope.label.padEnd(36)} ${cell(t.wall)} ${cell(t.cpu)} ${GOAL_MS} ms`);
  }
}
console.log(`reports: load average ${load()}`);
handle.close();
