/**
 * How long the selection funnel report takes at scale (issue 12: under 300 ms with 100,000
 * applications). Fills a database with the bulk generator once (kept beside the given path and
 * reused), then times `reports.funnel`'s query for head office (every branch, every year) and for
 * one branch and year. Prints figures; asserts nothing (noisy on a shared machine).
 *
 *   pnpm --filter @kader/bench bench:funnel [file] [applications]
 */
import { existsSync } from 'node:fs';
import { createCaller, systemContext } from '@kader/api';
import { openDatabase } from '@kader/db';
import { bulkDatabase } from './bulkData';

const file = process.argv[2] ?? '/tmp/kader-funnel-bench.db';
const applications = Number(process.argv[3] ?? 100_000);

if (!existsSync(file)) await bulkDatabase(file, applications, { label: 'funnel' });
const handle = openDatabase(file);
const count = handle.sqlite.prepare('SELECT count(*) FROM applications').pluck().get() as number;
const madiun = handle.sqlite.prepare("SELECT id FROM branches WHERE code = 'KC-MDN'").pluck().get() as number;
const years = handle.sqlite.prepare('SELECT min(year) AS fromYear, max(year) AS toYear FROM recruitment_periods').get() as {
  fromYear: number;
  toYear: number;
};

const reports = createCaller(systemContext(handle, () => new Date())).reports;
type Filter = Parameters<typeof reports.funnel>[0];

async function time(label: string, filter: Filter) {
  // the first run compiles and warms the page cache
  const covered = (await reports.funnel(filter)).periods.reduce((n, p) => n + p.registered, 0);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await reports.funnel(filter);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `${label}: median ${runs[2]!.toFixed(0)} ms, best ${runs[0]!.toFixed(0)} ms (5 runs; ${covered.toLocaleString('en-US')} of the ${count.toLocaleString('en-US')} applications in the report)`,
  );
}

// the last period year holds only next year's renewals: the current one is the year before
const current = years.toYear - 1;
await time('funnel, head office, every branch and year', years);
await time('funnel, KC Madiun, every year', { branchId: madiun, ...years });
await time(`funnel, KC Madiun, ${current} (the measured period)`, { branchId: madiun, fromYear: current, toYear: current });
await time(`funnel, KC Madiun, ${current - 1}`, { branchId: madiun, fromYear: current - 1, toYear: current - 1 });
handle.close();
