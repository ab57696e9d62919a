/**
 * The verify-audit section: `kader verify-audit` beside its limit, the pure replay of the same
 * events (validation + machine step, events already parsed in memory, no I/O), side by side in one
 * run on one database from the bulk generator. Counted in events: the audit rows of the
 * applications and contracts, which both sides go through (the check also hashes every row of the
 * log). The raw read of the event table is measured too, as context. Rounds interleaved (the order
 * turns round each round), median reported.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { verifyAuditLog, verifyAuditLogInParallel } from '@kader/api';
import { type DbHandle, openDatabase } from '@kader/db';
import {
  type ContractInput,
  type RecordedEvent,
  type RecruitmentInput,
  type ReplayResult,
  replayContract,
  replayRecruitment,
} from '@kader/workflow';
import { bulkDatabase } from './bulkData';
import { cell, median, perCommand, rate } from './figures';
import type { Section, SectionRun } from './section';

// the smoke size is under the check's worker threshold: `workersFrom: 0` still takes the threads' path
const verifySizes = (smoke: boolean) =>
  smoke ? { applications: 300, rounds: 1, workersFrom: 0 } : { applications: 12_000, rounds: 3, workersFrom: undefined };

type Start = { input: unknown; machineVersion: number };
type Entity = { kind: 'application' | 'contract'; start: Start; events: RecordedEvent[] };

const REPLAY = {
  application: (s: Start, events: RecordedEvent[]) =>
    replayRecruitment({ input: s.input as RecruitmentInput, machineVersion: s.machineVersion }, events),
  contract: (s: Start, events: RecordedEvent[]) =>
    replayContract({ input: s.input as ContractInput, machineVersion: s.machineVersion }, events),
} satisfies Record<Entity['kind'], (s: Start, e: RecordedEvent[]) => ReplayResult>;

/** Every application's and contract's machine events, parsed once, as the limit replays them; and how many rows that is. */
function eventsInMemory(handle: DbHandle): { entities: Entity[]; rows: number } {
  type Raw = [Entity['kind'], number, number, string, string, string | null, string | null, number | null];
  const rows = handle.sqlite
    .prepare(
      `SELECT entity_type, entity_id, seq, type, payload, from_state, to_state, machine_version FROM audit_events
       WHERE entity_type IN ('application', 'contract') ORDER BY entity_type, entity_id, seq`,
    )
    .raw()
    .all() as Raw[];
  const entities: Entity[] = [];
  let current: (Entity & { id: number }) | null = null;
  for (const [kind, id, seq, type, payload, from, to, version] of rows) {
    if (from === null && to === null) continue; // not a machine step (a month's report)
    const parsed = JSON.parse(payload) as { input?: unknown };
    if (from === null) {
      current = { kind, id, start: { input: parsed.input, machineVersion: version ?? 1 }, events: [] };
      entities.push(current);
    } else if (current && current.kind === kind && current.id === id) {
      current.events.push({ seq, type, payload: parsed, machineVersion: version ?? 1 });
    }
  }
  return { entities, rows: rows.length };
}

/** The limit: each entity replayed from its start, in memory. Returns events/s. */
function pureReplay(entities: Entity[], rows: number): number {
  const t0 = performance.now();
  for (const e of entities) {
    if (!REPLAY[e.kind](e.start, e.events).ok) throw new Error(`the pure replay refused a ${e.kind}`);
  }
  return rows / ((performance.now() - t0) / 1000);
}

/** Kader: the check as `kader verify-audit` runs it. Returns events/s and CPU time over wall time (threads at work). */
async function kaderVerify(
  handle: DbHandle,
  rows: number,
  inParallel: { workersFrom?: number } | false,
): Promise<{ rate: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = inParallel ? await verifyAuditLogInParallel(handle, inParallel) : verifyAuditLog(handle);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (report.mismatches.length > 0)
    throw new Error(`verify-audit found ${report.mismatches.length} mismatch(es) in generated data`);
  return { rate: rows / (wall / 1000), cpu: (cpu.user + cpu.system) / 1000 / wall };
}

/** Context: every column of every audit row, in id order, as stored. Returns rows/s. */
function rawRead(handle: DbHandle): number {
  const t0 = performance.now();
  let n = 0;
  for (const _row of handle.sqlite.prepare('SELECT * FROM audit_events ORDER BY id').raw().iterate()) n++;
  return n / ((performance.now() - t0) / 1000);
}

async function runVerify({ smoke, dir }: SectionRun) {
  const SIZES = verifySizes(smoke);
  const file = join(dir, 'verify.db');
  const summary = await bulkDatabase(file, SIZES.applications, { label: 'verify' });
  const handle = openDatabase(file);
  try {
    const { entities, rows } = eventsInMemory(handle);
    const allRows = handle.sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    // warm-up: JIT for both sides, the file in the page cache, tsx's transforms for the workers
    pureReplay(entities, rows);
    await kaderVerify(handle, rows, { workersFrom: SIZES.workersFrom });

    const limit: number[] = [];
    const parallel: number[] = [];
    const oneThread: number[] = [];
    const raw: number[] = [];
    const cpu: number[] = [];
    const steps: (() => Promise<void> | void)[] = [
      () => void limit.push(pureReplay(entities, rows)),
      async () => {
        const k = await kaderVerify(handle, rows, { workersFrom: SIZES.workersFrom });
        parallel.push(k.rate);
        cpu.push(k.cpu);
      },
      async () => void oneThread.push((await kaderVerify(handle, rows, false)).rate),
      () => void raw.push(rawRead(handle)),
    ];
    for (let r = 0; r < SIZES.rounds; r++) {
      for (const step of r % 2 ? [...steps].reverse() : steps) await step();
      console.log(
        `verify round ${r + 1}/${SIZES.rounds}: pure replay ${rate(limit[r]!)}, verify-audit ${rate(parallel[r]!)} ` +
          `(one thread ${rate(oneThread[r]!)}), raw read ${rate(raw[r]!)}`,
      );
    }
    const ratio = (xs: number[]) => (median(xs) / median(limit)).toFixed(2);
    return {
      rows: [
        `| verify-audit, events/s (\`verifyAuditLogInParallel\`, as \`kader verify-audit\`) vs the pure replay of the same events | ${cell(limit, perCommand)} | ${cell(parallel, perCommand)} | ${ratio(parallel)} |`,
        `| verify-audit in one thread (\`verifyAuditLog\`) | ${cell(limit, perCommand)} | ${cell(oneThread, perCommand)} | ${ratio(oneThread)} |`,
        `| a raw read of the event table (every column, id order; context) | ${cell(raw, perCommand)} | — | — |`,
      ],
      notes: [
        `verify: one database from the bulk generator, ${summary.applications.toLocaleString('en-US')} applications, ${summary.contracts.toLocaleString('en-US')} contracts, ${allRows.toLocaleString('en-US')} audit rows of which ${rows.toLocaleString('en-US')} are the applications' and contracts' (the events counted on both sides); ${SIZES.rounds} round(s), interleaved, median reported`,
        'verify limit: `replayRecruitment` / `replayContract` of every entity from its recorded start (zod validation + machine step + persist), events parsed in memory beforehand, one thread',
        `verify Kader: the hash chain over every audit row, then every application and contract replayed and compared with its stored snapshot, state and revision, read from the file; in parallel over worker threads, CPU time / wall time ${median(cpu).toFixed(2)} (1 = one core busy)`,
      ],
    };
  } finally {
    handle.close();
  }
}

export const verify: Section = { name: 'verify', run: runVerify };
