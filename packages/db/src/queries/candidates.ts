import { eq } from 'drizzle-orm';
import { candidates } from '../schema';
import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { type RevisionWrite, updateIfRevision } from './revision';

export type CandidateRow = typeof candidates.$inferSelect;

export function findCandidateByNik(db: DbOrTx, nik: string): CandidateRow | undefined {
  return db.select().from(candidates).where(eq(candidates.nik, nik)).get();
}

/** Every application page and send's answer reads the candidate: prepared once per connection. */
export function getCandidate(db: DbOrTx, id: number): CandidateRow | undefined {
  return prepared(
    db,
    `SELECT id, nik, name, phone, birth_date AS birthDate, sex, education, street, rt_rw AS rtRw, village, district,
            regency, created_at AS createdAt, updated_at AS updatedAt, revision
     FROM candidates WHERE id = ?`,
  ).get(id) as CandidateRow | undefined;
}

export function insertCandidate(db: DbOrTx, values: typeof candidates.$inferInsert): CandidateRow {
  return db.insert(candidates).values(values).returning().get();
}

/** Contact details may change between periods; the NIK and birth date never do. */
export function updateCandidateContact(
  db: DbOrTx,
  {
    id,
    values,
  }: {
    id: number;
    values: Pick<
      CandidateRow,
      'name' | 'phone' | 'education' | 'street' | 'rtRw' | 'village' | 'district' | 'regency' | 'updatedAt'
    >;
  },
): void {
  db.update(candidates).set(values).where(eq(candidates.id, id)).run();
}

/**
 * A supervisor's correction of the candidate's data, only if the row still has the revision the
 * caller saw. Returns false when someone else changed it first.
 */
export function correctCandidateIfRevision(
  db: DbOrTx,
  write: RevisionWrite<
    Pick<
      CandidateRow,
      'name' | 'phone' | 'nik' | 'birthDate' | 'sex' | 'street' | 'rtRw' | 'village' | 'district' | 'regency' | 'updatedAt'
    >
  >,
): boolean {
  return updateIfRevision(db, candidates, write);
}
