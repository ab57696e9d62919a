/**
 * The verify section's limit in a process of its own: the pure replay of every application and
 * contract (zod validation + machine step + persist), events parsed in memory beforehand. Started
 * by verify.ts with the database file; answers each round asked for with its events/s and CPU
 * seconds (this process's only). In its own process because its working set, every event of the
 * log parsed (121k at the full size), kept in the same heap as the check made each of verify-audit's
 * garbage collections dearer: measured side by side, one thread of the check took 4.4-5.7 s with
 * them in the heap and 3.6 s without. `kader verify-audit` runs in a process of its own too.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@kader/db';
import { replayFromStart } from '@kader/api';
import type { RecordedEvent } from '@kader/workflow';

type Start = { input: unknown; machineVersion: number };
type Entity = { kind: 'application' | 'contract'; start: Start; events: RecordedEvent[] };

/** A round's figures, as sent to the parent: events/s and the CPU seconds of this process. */
export type LimitRound = { rate: number; cpuSeconds: number };
/** What the process says first: how many audit rows the replayed entities have (the events counted). */
export type LimitReady = { rows: number };

/** Every application's and contract's machine events, parsed once, as the limit replays them; and how many rows that is. */
function eventsInMemory(file: string): { entities: Entity[]; rows: number } {
  type Raw = [Entity['kind'], number, number, string, string, string | null, string | null, number | null];
  const handle = openDatabase(file);
  try {
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
  } finally {
    handle.close();
  }
}

/** Each entity replayed from its start, in memory. */
function pureReplay(entities: Entity[], rows: number): LimitRound {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const e of entities) {
    if (!replayFromStart[e.kind](e.start, e.events).ok) throw new Error(`the pure replay refused a ${e.kind}`);
  }
  const { user, system } = process.cpuUsage(cpu0);
  return { rate: rows / ((performance.now() - t0) / 1000), cpuSeconds: (user + system) / 1e6 };
}

const send = process.send?.bind(process);
if (!send) throw new Error('verifyLimit.ts runs as a child process of verify.ts (fork)');
const { entities, rows } = eventsInMemory(process.argv[2]!);
send({ rows } satisfies LimitReady);
process.on('message', (message: 'round' | 'stop') => {
  if (message === 'stop') process.disconnect();
  else send(pureReplay(entities, rows) satisfies LimitRound);
});
