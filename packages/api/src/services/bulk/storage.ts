/**
 * The bulk generator's writes: better-sqlite3 statements prepared once, and the audit log's hash
 * chain kept in memory (the previous row's hash; each entity's seq is counted by its writer), so
 * every row is chained exactly as `appendAudit` chains it (db/src/auditChain.ts) without reading
 * the last row back each time. Only valid while this connection is the only writer.
 */
import { auditRowHash, type DbHandle, insertApplication, insertCandidate, type StoredAuditRow } from '@kader/db';

export type AuditInsert = Omit<StoredAuditRow, 'payload' | 'meta'> & { payload: unknown; meta: unknown };

export type BulkStorage = ReturnType<typeof bulkStorage>;

export function bulkStorage({ db, sqlite }: DbHandle) {
  const candidateSeen = sqlite.prepare('UPDATE candidates SET updated_at = ? WHERE id = ?');
  const contract = sqlite.prepare(
    `INSERT INTO contracts (candidate_id, application_id, previous_contract_id, branch_id, work_area_id, agreement_number, start_date, end_date,
       evaluation_due_on, families_assigned, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = sqlite.prepare(
    `INSERT INTO audit_events (entity_type, entity_id, seq, type, payload, from_state, to_state, machine_version, actor, at, meta, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let prevHash =
    (sqlite.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
  let auditRows = 0;

  return {
    get auditRows() {
      return auditRows;
    },
    /** Through the product's own writer (a statement prepared once per connection), stamped at `at`. */
    insertCandidate({
      at,
      ...c
    }: Omit<Parameters<typeof insertCandidate>[1], 'createdAt' | 'updatedAt'> & { at: string }): number {
      return insertCandidate(db, { ...c, createdAt: at, updatedAt: at }).id;
    },
    /** A returning candidate's record is touched by the new registration, as registerCandidate does. */
    touchCandidate(id: number, at: string): void {
      candidateSeen.run(at, id);
    },
    insertApplication(a: Parameters<typeof insertApplication>[1]): number {
      return insertApplication(db, a).id;
    },
    insertContract(c: {
      candidateId: number;
      applicationId: number | null;
      previousContractId: number | null;
      branchId: number;
      workAreaId: number;
      agreementNumber: string;
      startDate: string;
      endDate: string;
      evaluationDueOn: string;
      familiesAssigned: number;
      machineId: string;
      machineVersion: number;
      state: string;
      snapshot: unknown;
      revision: number;
      stateEnteredAt: string;
      createdAt: string;
      updatedAt: string;
    }): number {
      const r = contract.run(
        c.candidateId,
        c.applicationId,
        c.previousContractId,
        c.branchId,
        c.workAreaId,
        c.agreementNumber,
        c.startDate,
        c.endDate,
        c.evaluationDueOn,
        c.familiesAssigned,
        c.machineId,
        c.machineVersion,
        c.state,
        JSON.stringify(c.snapshot),
        c.revision,
        c.stateEnteredAt,
        c.createdAt,
        c.updatedAt,
      );
      return Number(r.lastInsertRowid);
    },
    /** Appends one audit row after the last, payload and meta stored as JSON text and hashed as that text. */
    appendAudit(row: AuditInsert): void {
      const stored: StoredAuditRow = {
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        seq: row.seq,
        type: row.type,
        payload: JSON.stringify(row.payload),
        from_state: row.from_state,
        to_state: row.to_state,
        machine_version: row.machine_version,
        actor: row.actor,
        at: row.at,
        meta: row.meta == null ? null : JSON.stringify(row.meta),
      };
      const hash = auditRowHash(prevHash, stored);
      audit.run(
        stored.entity_type,
        stored.entity_id,
        stored.seq,
        stored.type,
        stored.payload,
        stored.from_state,
        stored.to_state,
        stored.machine_version,
        stored.actor,
        stored.at,
        stored.meta,
        prevHash,
        hash,
      );
      prevHash = hash;
      auditRows++;
    },
  };
}
