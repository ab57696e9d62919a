import { getApplication, listApplicationIds, listAudit, type DbHandle } from '@kader/db';
import { canonicalJson, replayRecruitment, type RecruitmentInput } from '@kader/workflow';

export type AuditMismatch = { applicationId: number; reason: string };

/**
 * Replays every application's audit events from its recorded registration input and compares the
 * result with what is stored: the snapshot, the state column and the revision (one per event).
 */
export function verifyAuditLog(handle: DbHandle): { checked: number; mismatches: AuditMismatch[] } {
  const { db } = handle;
  const mismatches: AuditMismatch[] = [];
  const ids = listApplicationIds(db);
  for (const id of ids) {
    const row = getApplication(db, id);
    const events = listAudit(db, 'application', id);
    const [registration, ...rest] = events;
    if (!row || !registration || registration.type !== 'REGISTERED') {
      mismatches.push({ applicationId: id, reason: 'no REGISTERED event at seq 1' });
      continue;
    }
    const replay = replayRecruitment(
      {
        input: (registration.payload as { input: RecruitmentInput }).input,
        machineVersion: registration.machineVersion ?? 1,
      },
      rest.map((e) => ({ seq: e.seq, type: e.type, payload: e.payload, machineVersion: e.machineVersion ?? 1 })),
    );
    if (!replay.ok) {
      mismatches.push({ applicationId: id, reason: `seq ${replay.seq}: ${replay.reason}` });
    } else if (replay.machineVersion !== row.machineVersion || canonicalJson(replay.persisted) !== canonicalJson(row.snapshot)) {
      mismatches.push({ applicationId: id, reason: 'replayed snapshot differs from the stored one' });
    } else if (replay.state !== row.state) {
      mismatches.push({ applicationId: id, reason: `state column says ${row.state}, replay says ${replay.state}` });
    } else if (row.revision !== events.length) {
      mismatches.push({ applicationId: id, reason: `revision ${row.revision} but ${events.length} events` });
    }
  }
  return { checked: ids.length, mismatches };
}
