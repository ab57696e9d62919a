import { ageOn } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index';
import { madiun2026, seededDatabase, userContext } from './helpers';

/**
 * A NIK's digits 7-12 are the birth date (day + 40 for women) as DDMMYY: whoever sees the NIK
 * masked must not get them back from a birth date or a sex beside it. The age is all they get.
 */
let db: ReturnType<typeof seededDatabase>;
type Person = { id: number; nik: string; birthDate: string; sex: string };
let people: Person[];
const TODAY = '2026-11-23';
const now = () => new Date(`${TODAY}T02:00:00.000Z`); // 09.00 WIB

beforeAll(async () => {
  db = seededDatabase();
  people = db.handle.sqlite.prepare('select id, nik, birth_date birthDate, sex from candidates').all() as Person[];
});
afterAll(() => db.cleanup());

const as = (username: string) => createCaller(userContext(db.handle, username, now));
const ids = (sql: string) => (db.handle.sqlite.prepare(sql).all() as { id: number }[]).map((r) => r.id);

/** Every answer a person can read about candidates and cadres of KC Madiun. */
async function everythingReadBy(username: string): Promise<{ name: string; answer: unknown }[]> {
  const caller = as(username);
  const answers: { name: string; answer: unknown }[] = [];
  const madiun = "(select p.id from recruitment_periods p join branches b on b.id = p.branch_id where b.code = 'KC-MDN')";
  for (const id of ids(`select id from applications where period_id in ${madiun}`)) {
    answers.push({ name: `applications.get ${id}`, answer: await caller.applications.get({ id }) });
  }
  answers.push({ name: 'applications.board', answer: await caller.applications.board({ periodId: madiun2026(db.handle) }) });
  answers.push({ name: 'contracts.list', answer: await caller.contracts.list({}) });
  answers.push({ name: 'contracts.renewalQueue', answer: await caller.contracts.renewalQueue({}) });
  for (const id of ids("select c.id from contracts c join branches b on b.id = c.branch_id where b.code = 'KC-MDN'")) {
    answers.push({ name: `contracts.get ${id}`, answer: await caller.contracts.get({ id }) });
  }
  answers.push({ name: 'periods.list', answer: await caller.periods.list() });
  return answers;
}

describe('birth date and sex go with the full NIK only', () => {
  // Head office's viewer and admin, and the branch's own head (a viewer): all see the NIK masked.
  it.each(['pemantau.pusat', 'pimpinan.madiun', 'admin.pusat'])(
    "%s's answers hold no birth date, no sex and no NIK digits 7-12",
    async (username) => {
      const answers = await everythingReadBy(username);
      expect(answers.length).toBeGreaterThan(10);
      for (const { name, answer } of answers) {
        const json = JSON.stringify(answer);
        expect(json, name).not.toContain('"birthDate"');
        expect(json, name).not.toContain('"sex"');
        for (const p of people) {
          expect(json, `${name}: NIK digits 7-12 of candidate ${p.id}`).not.toContain(p.nik.slice(6, 12));
          expect(json, `${name}: birth date of candidate ${p.id}`).not.toContain(p.birthDate);
        }
      }
    },
  );

  it("a masked view gives the age in whole years on the branch's today, and nothing else of the birth date", async () => {
    const endang = people.find((p) => p.nik.slice(6, 12) === '591082')!; // Endang Sulastri, born 19-10-1982
    const appId = ids(`select id from applications where candidate_id = ${endang.id}`)[0]!;
    const detail = await as('pemantau.pusat').applications.get({ id: appId });
    expect(detail.candidate).toMatchObject({ piiMasked: true, age: ageOn(endang.birthDate, TODAY) });
    expect(detail.candidate.age).toBe(44);
    expect(Object.keys(detail.candidate).sort()).toEqual([
      'address',
      // the Kemendagri codes of the address, no more personal than the address beside them
      'addressCodes',
      'age',
      'canRevealNik',
      'education',
      'id',
      'name',
      'nik',
      'phone',
      'piiMasked',
      'revision',
    ]);
  });

  it("the branch's recruiter and supervisor get the birth date and the sex only beside the revealed NIK", async () => {
    const endang = people.find((p) => p.nik.slice(6, 12) === '591082')!;
    const appId = ids(`select id from applications where candidate_id = ${endang.id}`)[0]!;
    for (const username of ['rekruter.madiun', 'penyelia.madiun']) {
      const detail = await as(username).applications.get({ id: appId });
      // Read, the NIK is masked like everyone's: the birth date and sex would give its digits 7-12 back.
      expect(detail.candidate).toMatchObject({ piiMasked: false, canRevealNik: true, age: 44 });
      expect(detail.candidate).not.toHaveProperty('birthDate');
      expect(detail.candidate).not.toHaveProperty('sex');
      expect(JSON.stringify(detail)).not.toContain(endang.nik.slice(6, 12));
      const revealed = await as(username).candidates.revealNik({ candidateId: endang.id });
      expect(revealed).toEqual({ nik: endang.nik, birthDate: '1982-10-19', sex: 'F' });
    }
  });
});
