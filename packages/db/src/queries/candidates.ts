import { eq } from 'drizzle-orm';
import { candidates } from '../schema';
import type { DbOrTx } from '../types';
import { prepared } from './prepared';
import { type RevisionWrite, updateIfRevision } from './revision';

export type CandidateRow = typeof candidates.$inferSelect;
/** The Kemendagri codes of a picked address (all null for a free-text one). */
type AddressCodes = 'provinceCode' | 'regencyCode' | 'districtCode' | 'villageCode';

/** The columns of `CandidateRow`, named as drizzle names them. */
const CANDIDATE_COLUMNS = `id, nik, name, phone, birth_date AS birthDate, sex, education, street, rt_rw AS rtRw, village, district,
            regency, province_code AS provinceCode, regency_code AS regencyCode, district_code AS districtCode,
            village_code AS villageCode, created_at AS createdAt, updated_at AS updatedAt, revision`;

/** Every registration looks the NIK up first (an import, thousands in a row): prepared once per connection. */
export function findCandidateByNik(db: DbOrTx, nik: string): CandidateRow | undefined {
  return prepared(db, `SELECT ${CANDIDATE_COLUMNS} FROM candidates WHERE nik = ?`).get(nik) as CandidateRow | undefined;
}

/** Every application page and send's answer reads the candidate: prepared once per connection. */
export function getCandidate(db: DbOrTx, id: number): CandidateRow | undefined {
  return prepared(db, `SELECT ${CANDIDATE_COLUMNS} FROM candidates WHERE id = ?`).get(id) as CandidateRow | undefined;
}

/**
 * Every registration inserts one (an import, thousands in a row): prepared once per connection, as
 * drizzle's builder compiled it afresh each time (~60% of a registration's CPU). Defaults as the schema's.
 */
export function insertCandidate(db: DbOrTx, values: typeof candidates.$inferInsert): CandidateRow {
  return prepared(
    db,
    `INSERT INTO candidates (nik, name, phone, birth_date, sex, education, street, rt_rw, village, district, regency,
       province_code, regency_code, district_code, village_code, created_at, updated_at, revision)
     VALUES (@nik, @name, @phone, @birthDate, @sex, @education, @street, @rtRw, @village, @district, @regency,
       @provinceCode, @regencyCode, @districtCode, @villageCode,
       coalesce(@createdAt, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), coalesce(@updatedAt, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
       coalesce(@revision, 1))
     RETURNING ${CANDIDATE_COLUMNS}`,
  ).get({
    provinceCode: null,
    regencyCode: null,
    districtCode: null,
    villageCode: null,
    createdAt: null,
    updatedAt: null,
    revision: null,
    ...values,
  }) as CandidateRow;
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
      'name' | 'phone' | 'education' | 'street' | 'rtRw' | 'village' | 'district' | 'regency' | AddressCodes | 'updatedAt'
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
      | 'name'
      | 'phone'
      | 'nik'
      | 'birthDate'
      | 'sex'
      | 'street'
      | 'rtRw'
      | 'village'
      | 'district'
      | 'regency'
      | AddressCodes
      | 'updatedAt'
    >
  >,
): boolean {
  return updateIfRevision(db, candidates, write);
}
