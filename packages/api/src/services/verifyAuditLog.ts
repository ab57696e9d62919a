import { getApplication, getContract, listApplicationIds, listAudit, listContractIds, type AuditRow, type DbHandle } from '@kader/db';
import {
  canonicalJson,
  replayContract,
  replayRecruitment,
  type ContractInput,
  type RecruitmentInput,
  type ReplayResult,
} from '@kader/workflow';

export type AuditMismatch = { kind: 'application' | 'contract'; id: number; reason: string };

/** The events a machine took, leaving out audit rows that record something else (a month's report). */
const MACHINE_EVENT = (row: AuditRow) => row.fromState !== null || row.toState !== null;

type Stored = { machineVersion: number; snapshot: unknown; state: string; revision: number };

function compare(kind: AuditMismatch['kind'], id: number, stored: Stored | undefined, events: AuditRow[], replay: (first: AuditRow, rest: AuditRow[]) => ReplayResult) {
  const machineEvents = events.filter(MACHINE_EVENT);
  const [first, ...rest] = machineEvents;
  if (!stored || !first || first.fromState !== null) return { kind, id, reason: 'no starting event at seq 1' };
  const result = replay(first, rest);
  if (!result.ok) return { kind, id, reason: `seq ${result.seq}: ${result.reason}` };
  if (result.machineVersion !== stored.machineVersion || canonicalJson(result.persisted) !== canonicalJson(stored.snapshot)) {
    return { kind, id, reason: 'replayed snapshot differs from the stored one' };
  }
  if (result.state !== stored.state) return { kind, id, reason: `state column says ${stored.state}, replay says ${result.state}` };
  if (stored.revision !== machineEvents.length) return { kind, id, reason: `revision ${stored.revision} but ${machineEvents.length} events` };
  return null;
}

const recorded = (rows: AuditRow[]) =>
  rows.map((e) => ({ seq: e.seq, type: e.type, payload: e.payload, machineVersion: e.machineVersion ?? 1 }));

/**
 * Replays every application's and every contract's audit events from their recorded starting
 * input and compares the result with what is stored: the snapshot, the state column and the
 * revision (one per machine event).
 */
export function verifyAuditLog(handle: DbHandle): { checked: number; mismatches: AuditMismatch[] } {
  const { db } = handle;
  const mismatches: AuditMismatch[] = [];
  const applications = listApplicationIds(db);
  for (const id of applications) {
    const m = compare('application', id, getApplication(db, id), listAudit(db, 'application', id), (first, rest) =>
      replayRecruitment(
        { input: (first.payload as { input: RecruitmentInput }).input, machineVersion: first.machineVersion ?? 1 },
        recorded(rest),
      ),
    );
    if (m) mismatches.push(m);
  }
  const contracts = listContractIds(db);
  for (const id of contracts) {
    const m = compare('contract', id, getContract(db, id), listAudit(db, 'contract', id), (first, rest) =>
      replayContract({ input: (first.payload as { input: ContractInput }).input, machineVersion: first.machineVersion ?? 1 }, recorded(rest)),
    );
    if (m) mismatches.push(m);
  }
  return { checked: applications.length + contracts.length, mismatches };
}
