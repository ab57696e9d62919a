import {
  canonicalJson,
  type ContractInput,
  type RecordedEvent,
  type RecruitmentInput,
  type ReplayResult,
  replayContract,
  replayRecruitment,
} from '@kader/workflow';
import type { History, ReplayedKind } from './histories';

/**
 * One broken entity. `kind` is the audit log's entity type (application, contract, branch, period,
 * user, candidate, setting…); `seq` names the audit row when the break is in one row.
 */
export type AuditMismatch = { kind: string; id: number; seq?: number; reason: string };

type Start = { input: unknown; machineVersion: number };
type Row = {
  seq: number;
  type: string;
  payload: unknown;
  fromState: string | null;
  toState: string | null;
  machineVersion: number;
};

/**
 * An application or a contract rebuilt from its recorded start and machine events, by the
 * workflow's replay for its kind (the benchmark's pure replay calls the same).
 */
export const REPLAY: Record<ReplayedKind, (start: Start, events: RecordedEvent[]) => ReplayResult> = {
  application: (start, events) =>
    replayRecruitment({ input: start.input as RecruitmentInput, machineVersion: start.machineVersion }, events),
  contract: (start, events) =>
    replayContract({ input: start.input as ContractInput, machineVersion: start.machineVersion }, events),
};

/**
 * The starting event's machine input. A forged or corrupt payload (not an object, no `input`)
 * is named here; an input of the wrong shape is left to the replay, whose refusal or exception
 * becomes this entity's mismatch.
 */
function startOf(first: Row): Start | string {
  const payload = first.payload as { input?: unknown } | null;
  if (payload === null || typeof payload !== 'object' || typeof payload.input !== 'object' || payload.input === null) {
    return 'the starting event carries no machine input';
  }
  return { input: payload.input, machineVersion: first.machineVersion };
}

/**
 * Replays one entity from its audit rows and compares the result with what is stored: the
 * snapshot, the state column and the revision (one per machine event). Every row's payload and
 * meta are parsed, as reading the rows would: unreadable JSON anywhere in the entity's history is
 * that entity's exception (see `replayedMismatch`).
 */
function compare(kind: ReplayedKind, { stored, rows }: History): AuditMismatch | null {
  const id = stored.id;
  const machineEvents: Row[] = [];
  for (const [, , , seq, type, text, fromState, toState, machineVersion, , , meta] of rows) {
    const payload = JSON.parse(text) as unknown;
    if (meta !== null) JSON.parse(meta);
    // leaves out audit rows that record something else than a machine step (a month's report)
    if (fromState === null && toState === null) continue;
    machineEvents.push({ seq, type, payload, fromState, toState, machineVersion: machineVersion ?? 1 });
  }
  const [first, ...rest] = machineEvents;
  if (!first || first.fromState !== null) return { kind, id, reason: 'no starting event at seq 1' };
  const start = startOf(first);
  if (typeof start === 'string') return { kind, id, reason: `seq ${first.seq}: ${start}` };
  const result = REPLAY[kind](start, rest);
  if (!result.ok) return { kind, id, reason: `seq ${result.seq}: ${result.reason}` };
  // The stored text is what JSON.stringify wrote for a snapshot: when the replay's gives the same
  // text they are equal, and the key-order independent comparison (dearer) is only for the rest.
  const same =
    JSON.stringify(result.persisted) === stored.snapshot ||
    canonicalJson(result.persisted) === canonicalJson(JSON.parse(stored.snapshot));
  if (result.machineVersion !== stored.machineVersion || !same) {
    return { kind, id, reason: 'replayed snapshot differs from the stored one' };
  }
  if (result.state !== stored.state)
    return { kind, id, reason: `state column says ${stored.state}, replay says ${result.state}` };
  if (stored.revision !== machineEvents.length)
    return { kind, id, reason: `revision ${stored.revision} but ${machineEvents.length} events` };
  return null;
}

/**
 * One entity's check, whatever its rows hold: an exception (unreadable JSON, an input the
 * machine chokes on) is that entity's mismatch, and the check goes on to the next entity. A stored
 * snapshot that is not JSON is named before anything else found in the entity, as when the stored
 * row was read first; it is parsed only then: a snapshot equal to the replay's text is JSON.
 */
export function replayedMismatch(kind: ReplayedKind, history: History): AuditMismatch | null {
  try {
    const found = compare(kind, history);
    if (found) JSON.parse(history.stored.snapshot);
    return found;
  } catch (error) {
    return {
      kind,
      id: history.stored.id,
      reason: `cannot be replayed: ${describe(tryParse(history.stored.snapshot) ?? error)}`,
    };
  }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** The error parsing `text` throws, if it throws. */
function tryParse(text: string): unknown {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error;
  }
}
