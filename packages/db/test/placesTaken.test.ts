import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlacesTaken, type DbHandle, insertBranch, insertPeriod, insertWorkArea } from '../src/index';
import { tempDatabase } from './tempDatabase';

let h: DbHandle;
let cleanup: () => void;

beforeEach(() => {
  ({ handle: h, cleanup } = tempDatabase('kader-places-'));
});
afterEach(() => cleanup());

const HOLDING = ['debriefing', 'active'];
const LEFT_EARLY = ['resigned', 'terminated'];

function setUp() {
  const branch = insertBranch(h.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const area = insertWorkArea(h.db, { branchId: branch.id, name: 'Kota Madiun' });
  const period = insertPeriod(h.db, { branchId: branch.id, year: 2026, quota: 10, rules: {} });
  insertPeriod(h.db, { branchId: branch.id, year: 2027, quota: 10, rules: {} });
  let people = 0;
  const candidate = () =>
    Number(
      h.sqlite
        .prepare(
          `INSERT INTO candidates (nik, name, phone, birth_date, sex, education, street, rt_rw, village, district, regency)
           VALUES (?, 'Sri', '+6281234567890', '1990-08-12', 'F', 'SMA', 'Jl. 1', '001/002', 'Kartoharjo', 'Kartoharjo', 'Kota Madiun')`,
        )
        .run(`357701520890${String(++people).padStart(4, '0')}`).lastInsertRowid,
    );
  const application = (state: string) =>
    Number(
      h.sqlite
        .prepare(
          `INSERT INTO applications (candidate_id, period_id, work_area_id, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
           VALUES (?, ?, ?, 'recruitment', 1, ?, '{}', 1, 'x', 'x', 'x')`,
        )
        .run(candidate(), period.id, area.id, state).lastInsertRowid,
    );
  let numbers = 0;
  const contract = (c: { start: string; end: string; state: string; previous?: number | null; decision?: string }) =>
    Number(
      h.sqlite
        .prepare(
          `INSERT INTO contracts (candidate_id, previous_contract_id, branch_id, work_area_id, agreement_number, start_date, end_date,
             evaluation_due_on, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'contract', 1, ?, ?, 1, 'x', 'x', 'x')`,
        )
        .run(
          candidate(),
          c.previous ?? null,
          branch.id,
          area.id,
          `PKS/${++numbers}`,
          c.start,
          c.end,
          c.end,
          c.state,
          JSON.stringify({ context: { decision: c.decision ? { decision: c.decision } : null } }),
        ).lastInsertRowid,
    );
  const places = (year: number) =>
    countPlacesTaken(h.db, { branchId: branch.id, year, holdingStates: HOLDING, leftEarlyStates: LEFT_EARLY });
  return { application, contract, places };
}

describe('the places a branch has taken in a year', () => {
  it("counts the year's signed recruitment, its renewed years and the renewals decided into it", () => {
    const { application, contract, places } = setUp();
    const first = contract({ start: '2025-03-01', end: '2026-02-28', state: 'renewed' });
    // the recruitment: two in debriefing and one active hold a place; a registration does not
    const [signed] = [application('debriefing'), application('debriefing'), application('active'), application('registered')];
    // renewed years starting in 2026, unless the cadre left early; a first year is the recruitment's
    contract({ start: '2026-03-01', end: '2027-02-28', state: 'active', previous: first });
    contract({ start: '2026-05-01', end: '2027-04-30', state: 'resigned', previous: first });
    contract({ start: '2026-01-10', end: '2027-01-09', state: 'active' });
    // decided renewals: the next year starts the day after the end date
    contract({ start: '2025-01-01', end: '2025-12-31', state: 'decided', decision: 'renew' }); // → 2026-01-01
    contract({ start: '2025-12-31', end: '2026-12-30', state: 'decided', decision: 'renew' }); // → 2026-12-31
    contract({ start: '2026-01-01', end: '2026-12-31', state: 'decided', decision: 'renew' }); // → 2027-01-01
    contract({ start: '2025-07-01', end: '2026-06-30', state: 'decided', decision: 'drop' });
    expect(places(2026)).toBe(3 + 1 + 2);
    expect(places(2027)).toBe(1);
    expect(places(2025)).toBe(0);

    // the recruitment's term follows every write to an application (the board's counters)
    h.sqlite.prepare("UPDATE applications SET state = 'withdrawn' WHERE id = ?").run(signed);
    expect(places(2026)).toBe(2 + 1 + 2);
    h.sqlite.prepare("UPDATE applications SET state = 'debriefing' WHERE state = 'registered'").run();
    expect(places(2026)).toBe(3 + 1 + 2);
  });
});
