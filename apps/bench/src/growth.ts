/**
 * The growth section: what one transition, one signing, the board, the cadres list, the renewal
 * queue and the scheduler's tick cost as the data grows — 1k, 10k and 100k applications, the
 * largest with over a million audit rows — each size its own programme from the bulk generator
 * (`seedBulk`, bulkData.ts), measured on the product's connection (`openDatabase`: WAL,
 * synchronous FULL) through the services the router calls. The smallest size is the flat
 * baseline: a figure is flat when every larger size stays within 1.2x of it, or within 1 ms of it
 * while it is under 5 ms (issue 10). Each figure is the median of several repetitions, the figures
 * interleaved within each repetition.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type BulkSeedSummary,
  listBoard,
  listContracts,
  renewalQueue,
  runContractScheduler,
  sendApplicationEvent,
  systemContext,
} from '@kader/api';
import { type DbHandle, openDatabase } from '@kader/db';
import { bulkDatabase } from './bulkData';
import { median, ms } from './figures';
import type { Section, SectionRun } from './section';

const growthSizes = (smoke: boolean) =>
  smoke ? { applications: [200, 500, 1_000], repetitions: 3 } : { applications: [1_000, 10_000, 100_000], repetitions: 7 };

const FIGURES = ['transition', 'signing', 'board', 'cadres', 'renewals', 'tick'] as const;
type Figure = (typeof FIGURES)[number];

const LABELS: Record<Figure, string> = {
  transition: 'one transition (`sendApplicationEvent`, a document checked in the administrative check)',
  signing: 'one signing (`SIGN_AGREEMENT` through `sendApplicationEvent`, a free place, a new number)',
  board: "the board (`listBoard`: every column's count and first page, the measured period)",
  cadres: 'the cadres list, first page (`listContracts`)',
  renewals: 'the renewal queue (`renewalQueue`)',
  tick: "the scheduler's tick (`runContractScheduler`, nothing due)",
};

/** Transitions sent before the figures are timed (~4.3 WAL pages each; the checkpoint is at 1,000). */
const WAL_WARMUP_SENDS = 300;

type SizeRun = { summary: BulkSeedSummary; times: Record<Figure, number[]>; openContracts: number; renewalPage: number };

/** The queue's page as the list asks for it; the smallest size may hold fewer (see `queuePage`). */
const RENEWAL_PAGE = 50;

/**
 * The renewal queue's page every size is measured with: the list's own, or the smallest size's
 * whole queue when that is shorter (19 agreements at 1k, from 50 at 10k), so every size answers
 * as many cards: the queue's cost is per card, and a short page at the smallest size had made the
 * larger ones look like growth.
 */
function queuePage(handle: DbHandle, summary: BulkSeedSummary): number {
  const ctx = systemContext(handle, () => new Date(summary.now), 'bench');
  const held = renewalQueue({ ctx, input: { pageSize: RENEWAL_PAGE } }).items.length;
  if (held === 0) throw new Error('growth: the smallest size has an empty renewal queue');
  return held;
}

/** How long `f` took, in ms, and what it gave. */
function timed<T>(f: () => T): { ms: number; out: T } {
  const t0 = performance.now();
  const out = f();
  return { ms: performance.now() - t0, out };
}

/** The commands and reads of one size, on its own database; each returns how long it took (ms). */
function probes(handle: DbHandle, summary: BulkSeedSummary, renewalPage: number): Record<Figure, () => number> {
  const ctx = systemContext(handle, () => new Date(summary.now), 'bench');
  const revisionOf = handle.sqlite.prepare('SELECT revision FROM applications WHERE id = ?').pluck();
  const { adminCheck, agreementSigning } = summary.sample;
  const verified = new Set<number>();
  let transitions = 0;
  let signings = 0;
  const year = summary.today.slice(0, 4);
  return {
    transition: () => {
      const id = adminCheck[transitions++ % adminCheck.length]!;
      const type = verified.has(id) ? 'UNVERIFY_DOCUMENT' : 'VERIFY_DOCUMENT';
      const revision = revisionOf.get(id) as number;
      const { ms } = timed(() => sendApplicationEvent({ ctx, input: { id, revision, event: { type, document: 'KTP' } } }));
      if (verified.has(id)) verified.delete(id);
      else verified.add(id);
      return ms;
    },
    signing: () => {
      const id = agreementSigning[signings]!;
      const revision = revisionOf.get(id) as number;
      const event = {
        type: 'SIGN_AGREEMENT',
        agreementNumber: `PKS/BENCH-${++signings}/KC-MDN/${year}`,
        signedOn: summary.today,
        startDate: summary.today,
      };
      return timed(() => sendApplicationEvent({ ctx, input: { id, revision, event } })).ms;
    },
    board: () => timed(() => listBoard({ ctx, input: { periodId: summary.measured.periodId } })).ms,
    cadres: () => timed(() => listContracts({ ctx, input: {} })).ms,
    renewals: () => {
      const { ms, out } = timed(() => renewalQueue({ ctx, input: { pageSize: renewalPage } }));
      // the same answer at every size, or the figure would compare a short page with a full one
      if (out.items.length !== renewalPage) throw new Error(`renewal queue: ${out.items.length} cards, not ${renewalPage}`);
      return ms;
    },
    tick: () => {
      const { ms, out } = timed(() => runContractScheduler(handle, new Date(summary.now)));
      if (out.failures.length) throw new Error(`scheduler failures: ${JSON.stringify(out.failures.slice(0, 3))}`);
      return ms;
    },
  };
}

async function runSize(dir: string, applications: number, repetitions: number, page: number | undefined): Promise<SizeRun> {
  const file = join(dir, `growth-${applications}.db`);
  const summary = await bulkDatabase(file, applications, { label: `growth ${applications.toLocaleString('en-US')}` });
  // A signing uses up an application at the signing stage, and a place.
  const signings = Math.min(summary.sample.agreementSigning.length, summary.measured.freePlaces);
  if (signings < repetitions + 1) throw new Error(`growth: only ${signings} applications to sign at ${applications}`);
  const handle = openDatabase(file);
  try {
    const renewalPage = page ?? queuePage(handle, summary);
    const run = probes(handle, summary, renewalPage);
    const times = Object.fromEntries(FIGURES.map((f) => [f, [] as number[]])) as Record<Figure, number[]>;
    // warm-up: statements prepared, JIT, pages in cache; and transitions enough to take the WAL past
    // its first checkpoint, as in a running server (until then each commit grows the file, which at
    // synchronous=FULL costs ~0.5 ms more per command: workloads.ts)
    for (let i = 0; i < WAL_WARMUP_SENDS; i++) run.transition();
    for (const f of FIGURES) run[f]();
    for (let r = 0; r < repetitions; r++) {
      // the order turns each repetition, so no figure always follows the same one
      const order = FIGURES.map((_, i) => FIGURES[(i + r) % FIGURES.length]!);
      for (const f of order) times[f].push(run[f]());
    }
    const openContracts = handle.sqlite
      .prepare("SELECT count(*) FROM contracts WHERE state IN ('active', 'evaluationDue', 'decided')")
      .pluck()
      .get() as number;
    console.log(
      `growth ${applications.toLocaleString('en-US')}: ${FIGURES.map((f) => `${f} ${ms(median(times[f]))}`).join(', ')}`,
    );
    return { summary, times, openContracts, renewalPage };
  } finally {
    handle.close();
  }
}

/** Flat (issue 10): within 1.2x of the baseline, or within 1 ms of it while the baseline is under 5 ms. */
const flat = (baseline: number, x: number) => x <= baseline * 1.2 || (baseline < 5 && x - baseline <= 1);

const short = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const count = (n: number) => n.toLocaleString('en-US');

async function runGrowth({ smoke, dir }: SectionRun) {
  const { applications, repetitions } = growthSizes(smoke);
  const runs: SizeRun[] = [];
  for (const size of applications) runs.push(await runSize(dir, size, repetitions, runs[0]?.renewalPage));
  const sizes = applications.map(short).join(' / ');
  const rows = FIGURES.map((f) => {
    const [base, ...larger] = runs.map((r) => median(r.times[f]));
    const over = larger.flatMap((x, i) => (flat(base!, x) ? [] : [short(applications[i + 1]!)]));
    const verdict = over.length ? `grows at ${over.join(', ')}` : 'flat';
    return `| ${LABELS[f]} at ${sizes} applications | **${ms(base!)}** (the flat baseline) | ${larger.map(ms).join(' · ')} | ${(larger.at(-1)! / base!).toFixed(2)} (${verdict}) |`;
  });
  const generation = runs.map((r) => `${r.summary.seconds.toFixed(1)} s`).join(' · ');
  const rates = runs.map((r) => count(Math.round(r.summary.applications / r.summary.seconds))).join(' · ');
  rows.push(
    `| bulk generation (\`seedBulk\`) of ${sizes} applications | — | ${generation} (${rates} applications/s); ${runs.map((r) => count(r.summary.auditRows)).join(' · ')} audit rows | — |`,
  );
  const largest = runs.at(-1)!.summary;
  return {
    rows,
    notes: [
      `growth: each size is its own database from the bulk generator (9 branches in three zones, periods of ${Number(largest.today.slice(0, 4)) - 3}-${Number(largest.today.slice(0, 4)) + 1}, half of the applications in one period, KC Madiun's current year, whose board is measured); at ${short(largest.applications)}: ${count(largest.candidates)} candidates, ${count(largest.contracts)} contract years (${count(runs.at(-1)!.openContracts)} open), ${count(largest.auditRows)} audit rows`,
      `growth: the product's connection (\`openDatabase\`, synchronous FULL) and the services as the router calls them, as the system user; ${repetitions} repetitions after one warm-up of each figure and ${WAL_WARMUP_SENDS} untimed transitions (the WAL past its first checkpoint, as in a running server), figures interleaved, median reported`,
      'growth: "flat" (issue 10): every larger size within 1.2x of the smallest, or within 1 ms of it while it is under 5 ms; the ratio is the largest size over the smallest',
      `growth: the renewal queue is asked for a page of ${runs[0]!.renewalPage} at every size (the list's page is ${RENEWAL_PAGE}; the smallest size's whole queue is ${runs[0]!.renewalPage === RENEWAL_PAGE ? 'at least that' : runs[0]!.renewalPage}), and every size answers that many cards: its cost is per card`,
      "growth: the scheduler's tick runs on the data's today, when the generator has already sent everything due: it measures finding what is due among all contracts",
    ],
  };
}

export const growth: Section = { name: 'growth', run: runGrowth };
