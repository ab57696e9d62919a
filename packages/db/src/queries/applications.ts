import { and, asc, eq } from 'drizzle-orm';
import { applications } from '../schema';
import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import type { RevisionWrite } from './revision';

export type ApplicationRow = typeof applications.$inferSelect;

/** Every registration inserts one (an import, thousands in a row): prepared once per connection, as `insertCandidate`. */
export function insertApplication(db: DbOrTx, values: typeof applications.$inferInsert): ApplicationRow {
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO applications (candidate_id, period_id, work_area_id, heard_from, machine_id, machine_version, state, snapshot,
       revision, state_entered_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    values.candidateId,
    values.periodId,
    values.workAreaId,
    values.heardFrom ?? null,
    values.machineId,
    values.machineVersion,
    values.state,
    JSON.stringify(values.snapshot),
    values.revision,
    values.stateEnteredAt,
    values.createdAt,
    values.updatedAt,
  );
  return { ...values, id: Number(lastInsertRowid), heardFrom: values.heardFrom ?? null };
}

/** The columns of `ApplicationRow`, named as drizzle names them; `snapshot` still JSON text. */
const APPLICATION_COLUMNS = `id, candidate_id AS candidateId, period_id AS periodId, work_area_id AS workAreaId,
  machine_id AS machineId, machine_version AS machineVersion, state, snapshot, revision,
  state_entered_at AS stateEnteredAt, created_at AS createdAt, updated_at AS updatedAt`;

/** Every command reads its application first: a statement prepared once per connection. */
export function getApplication(db: DbOrTx, id: number): ApplicationRow | undefined {
  const row = prepared(db, `SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = ?`).get(id) as
    | (Omit<ApplicationRow, 'snapshot'> & { snapshot: string })
    | undefined;
  return row && { ...row, snapshot: JSON.parse(row.snapshot) as unknown };
}

export function findApplication(
  db: DbOrTx,
  { candidateId, periodId }: { candidateId: number; periodId: number },
): ApplicationRow | undefined {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.candidateId, candidateId), eq(applications.periodId, periodId)))
    .get();
}

/**
 * Writes the new snapshot only if the row still has the revision the caller saw. Returns false
 * when another command got there first: the caller turns that into a CONFLICT.
 */
export function updateApplicationIfRevision(
  db: DbOrTx,
  {
    id,
    expectedRevision,
    values,
  }: RevisionWrite<Pick<ApplicationRow, 'state' | 'snapshot' | 'machineVersion' | 'stateEnteredAt' | 'updatedAt'>>,
): boolean {
  // Every send writes here: prepared once per connection (the shared drizzle writer compiled it
  // each time). An event that keeps the state (a document ticked) leaves state and
  // state_entered_at out of the SET, so SQLite leaves the board's indexes and counts alone and the
  // commit writes fewer pages.
  const { state, machineVersion, stateEnteredAt, updatedAt } = values;
  const snapshot = JSON.stringify(values.snapshot);
  const keepsState = prepared(
    db,
    'UPDATE applications SET snapshot = ?, machine_version = ?, updated_at = ?, revision = ? WHERE id = ? AND revision = ? AND state = ? AND state_entered_at = ?',
  ).run(snapshot, machineVersion, updatedAt, expectedRevision + 1, id, expectedRevision, state, stateEnteredAt);
  if (keepsState.changes === 1) return true;
  const result = prepared(
    db,
    `UPDATE applications SET state = ?, snapshot = ?, machine_version = ?, state_entered_at = ?, updated_at = ?, revision = ?
     WHERE id = ? AND revision = ?`,
  ).run(state, snapshot, machineVersion, stateEnteredAt, updatedAt, expectedRevision + 1, id, expectedRevision);
  return result.changes === 1;
}

export function listApplicationIds(db: DbOrTx): number[] {
  return db
    .select({ id: applications.id })
    .from(applications)
    .orderBy(asc(applications.id))
    .all()
    .map((r) => r.id);
}

export type OtherApplication = { id: number; state: string; year: number; branchName: string; branchId: number };

/**
 * Other applications of the same candidate (earlier or later periods), newest first. A reopening
 * and every application page read it: prepared once per connection.
 */
export function listOtherApplications(
  db: DbOrTx,
  { candidateId, exceptId }: { candidateId: number; exceptId: number },
): OtherApplication[] {
  return prepared(
    db,
    `SELECT a.id, a.state, p.year, b.name AS branchName, b.id AS branchId
     FROM applications a
     JOIN recruitment_periods p ON p.id = a.period_id
     JOIN branches b ON b.id = p.branch_id
     WHERE a.candidate_id = ? AND a.id <> ?
     ORDER BY p.year DESC`,
  ).all(candidateId, exceptId) as OtherApplication[];
}

/** The branch an application belongs to (through its period): what a read of its parts checks access against. */
export function applicationBranchId(db: DbOrTx, id: number): number | undefined {
  const row = prepared(
    db,
    'SELECT p.branch_id AS branchId FROM applications a JOIN recruitment_periods p ON p.id = a.period_id WHERE a.id = ?',
  ).get(id) as { branchId: number } | undefined;
  return row?.branchId;
}
