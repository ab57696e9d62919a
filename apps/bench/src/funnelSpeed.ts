/**
 * How long the selection funnel report takes at scale (issue 12: under 300 ms with 100,000
 * applications). Fills a database with the bulk generator once (kept beside the given path and
 * reused; an older file is migrated first, which backfills the funnel's read model, timed), then
 * times `reports.funnel` for head office (every branch, every year) and for one branch and year,
 * and beside it, on the same database in the same run, its figures two ways: from the read model
 * (what the report reads) and from the audit log and the applications (`funnelStagesFromLog`,
 * `…FromApplications`: the statements the report ran before, which verify-audit still runs over
 * every period). Prints figures and whether both ways agree; asserts nothing (noisy on a shared machine).
 *
 *   pnpm --filter @kader/bench bench:funnel [file] [applications] [log runs]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createCaller, systemContext } from '@kader/api';
import {
  type FunnelFilter,
  funnelCounts,
  funnelCountsFromApplications,
  funnelOutcomes,
  funnelOutcomesFromApplications,
  funnelStages,
  funnelStagesFromLog,
  migrateDatabase,
  openDatabase,
} from '@kader/db';
import { bulkDatabase } from './bulkData';
import { timedRuns } from './figures';

const file = process.argv[2] ?? '/tmp/kader-funnel-bench.db';
const applications = Number(process.argv[3] ?? 100_000);
// the log-based statement takes seconds per run at this scale: fewer runs of it
const logRuns = Number(process.argv[4] ?? 2);

if (!existsSync(file)) await bulkDatabase(file, applications, { label: 'funnel' });
const handle = openDatabase(file);
const migrating = performance.now();
migrateDatabase(handle);
console.log(
  `funnel: migrations (a file older than the read model backfills it) ${(performance.now() - migrating).toFixed(0)} ms`,
);
const count = handle.sqlite.prepare('SELECT count(*) FROM applications').pluck().get() as number;
const madiun = handle.sqlite.prepare("SELECT id FROM branches WHERE code = 'KC-MDN'").pluck().get() as number;
const years = handle.sqlite.prepare('SELECT min(year) AS fromYear, max(year) AS toYear FROM recruitment_periods').get() as {
  fromYear: number;
  toYear: number;
};
// each branch's shift as the api's shiftOf gives it (Indonesia's three zones, no daylight saving)
const zones = handle.sqlite
  .prepare(
    "SELECT id, CASE time_zone WHEN 'Asia/Makassar' THEN 480 WHEN 'Asia/Jayapura' THEN 540 ELSE 420 END AS minutes FROM branches",
  )
  .all() as {
  id: number;
  minutes: number;
}[];
const shifts = Object.fromEntries(zones.map((z) => [z.id, `+${z.minutes} minutes`]));

const reports = createCaller(systemContext(handle, () => new Date())).reports;
type Filter = Parameters<typeof reports.funnel>[0];

const ms = (x: number) => `${x.toFixed(0)} ms`;
const canonical = (rows: object[]) => JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());

async function time(label: string, filter: Filter) {
  // the first run compiles and warms the page cache
  const covered = (await reports.funnel(filter)).periods.reduce((n, p) => n + p.registered, 0);
  const report = await timedRuns(5, () => reports.funnel(filter));
  const f: FunnelFilter = {
    branchId: filter.branchId ?? null,
    regionCode: null,
    fromYear: filter.fromYear,
    toYear: filter.toYear,
    shifts,
  };
  // the figures the report reads, from the read model, then as the report computed them before
  const fromModel = () => [funnelStages(handle.db, f), funnelCounts(handle.db, f), funnelOutcomes(handle.db, f)];
  const fromLog = () => [
    funnelStagesFromLog(handle.db, f),
    funnelCountsFromApplications(handle.db, f),
    funnelOutcomesFromApplications(handle.db, f),
  ];
  const model = await timedRuns(5, fromModel);
  const log = await timedRuns(logRuns, fromLog);
  const same = fromModel().every((rows, i) => canonical(rows) === canonical(fromLog()[i]!));
  console.log(
    `${label} (${covered.toLocaleString('en-US')} of the ${count.toLocaleString('en-US')} applications): report median ${ms(report.wall)}, best ${ms(report.best)}, CPU ${ms(report.cpu)} (5 runs); ` +
      `stages, counts and outcomes from the read model ${ms(model.wall)} (CPU ${ms(model.cpu)}) vs from the log and applications ${ms(log.wall)} (CPU ${ms(log.cpu)}; median of ${logRuns}): ${(log.wall / model.wall).toFixed(0)}x; same figures: ${same ? 'yes' : 'NO'}`,
  );
}

console.log(
  `funnel: load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
// the last period year holds only next year's renewals: the current one is the year before
const current = years.toYear - 1;
await time(`funnel, KC Madiun, ${current} (the measured period)`, { branchId: madiun, fromYear: current, toYear: current });
await time(`funnel, KC Madiun, ${current - 1}`, { branchId: madiun, fromYear: current - 1, toYear: current - 1 });
await time('funnel, KC Madiun, every year', { branchId: madiun, ...years });
await time('funnel, head office, every branch and year', years);
console.log(
  `funnel: load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
handle.close();
