import {
  checkAuditChain,
  getApplication,
  getContract,
  listApplicationIds,
  listAudit,
  listContractIds,
  type AuditRow,
  type DbHandle,
} from '@kader/db';
import {
  canonicalJson,
  replayContract,
  replayRecruitment,
  type ContractInput,
  type RecruitmentInput,
  type ReplayResult,
} from '@kader/workflow';

/**
 * One broken entity. `kind` is the audit log's entity type (application, contract, branch, period,
 * user, candidate, setting…); `seq` names the audit row when the break is in one row.
 */
export type AuditMismatch = { kind: string; id: number; seq?: number; reason: string };

/** The events a machine took, leaving out audit rows that record something else (a month's report). */
const MACHINE_EVENT = (row: AuditRow) => row.fromState !== null || row.toState !== null;

type Stored = { machineVersion: number; snapshot: unknown; state: string; revision: number };
type Start = { input: unknown; machineVersion: number };

/**
 * The starting event's machine input. A forged or corrupt payload (not an object, no `input`)
 * is named here; an input of the wrong shape is left to the replay, whose refusal or exception
 * becomes this entity's mismatch.
 */
function startOf(first: AuditRow): Start | string {
  const payload = first.payload as { input?: unknown } | null;
  if (payload === null || typeof payload !== 'object' || typeof payload.input !== 'object' || payload.input === null) {
    return 'the starting event carries no machine input';
  }
  return { input: payload.input, machineVersion: first.machineVersion ?? 1 };
}

function compare(
  kind: 'application' | 'contract',
  id: number,
  stored: Stored | undefined,
  events: AuditRow[],
  replay: (start: Start, rest: AuditRow[]) => ReplayResult,
): AuditMismatch | null {
  const machineEvents = events.filter(MACHINE_EVENT);
  const [first, ...rest] = machineEvents;
  if (!stored || !first || first.fromState !== null) return { kind, id, reason: 'no starting event at seq 1' };
  const start = startOf(first);
  if (typeof start === 'string') return { kind, id, reason: `seq ${first.seq}: ${start}` };
  const result = replay(start, rest);
  if (!result.ok) return { kind, id, reason: `seq ${result.seq}: ${result.reason}` };
  if (result.machineVersion !== stored.machineVersion || canonicalJson(result.persisted) !== canonicalJson(stored.snapshot)) {
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
 * machine chokes on) is that entity's mismatch, and the check goes on to the next entity.
 */
function checked(kind: AuditMismatch['kind'], id: number, check: () => AuditMismatch | null): AuditMismatch | null {
  try {
    return check();
  } catch (error) {
    return {
      kind,
      id,
      reason: `cannot be replayed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
  }
}

const recorded = (rows: AuditRow[]) =>
  rows.map((e) => ({ seq: e.seq, type: e.type, payload: e.payload, machineVersion: e.machineVersion ?? 1 }));

/** Every break in the hash chain, named by the entity whose audit row it is in. */
function chainMismatches(handle: DbHandle): AuditMismatch[] {
  try {
    return checkAuditChain(handle.sqlite).map((b) => ({ kind: b.entityType, id: b.entityId, seq: b.seq, reason: b.reason }));
  } catch (error) {
    return [
      {
        kind: 'audit_events',
        id: 0,
        reason: `hash chain not checked: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

/**
 * Checks the audit log two ways. The hash chain over every row (any entity: branches, periods,
 * users, candidates have no machine to replay) shows a row changed, removed or slipped in after it
 * was written. Then every application's and contract's events are replayed from their recorded
 * starting input and compared with what is stored: the snapshot, the state column and the
 * revision (one per machine event).
 */
export function verifyAuditLog(handle: DbHandle): { checked: number; mismatches: AuditMismatch[] } {
  const { db } = handle;
  const mismatches = chainMismatches(handle);
  const applications = listApplicationIds(db);
  for (const id of applications) {
    const m = checked('application', id, () =>
      compare(
        'application',
        id,
        getApplication(db, id),
        listAudit(db, { entityType: 'application', entityId: id }),
        (start, rest) =>
          replayRecruitment({ input: start.input as RecruitmentInput, machineVersion: start.machineVersion }, recorded(rest)),
      ),
    );
    if (m) mismatches.push(m);
  }
  const contracts = listContractIds(db);
  for (const id of contracts) {
    const m = checked('contract', id, () =>
      compare('contract', id, getContract(db, id), listAudit(db, { entityType: 'contract', entityId: id }), (start, rest) =>
        replayContract({ input: start.input as ContractInput, machineVersion: start.machineVersion }, recorded(rest)),
      ),
    );
    if (m) mismatches.push(m);
  }
  return { checked: applications.length + contracts.length, mismatches };
}
