import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boardExportPages, type DbHandle, keysetPages, recordNikViewsByNik } from '../src/index';
import { madiunPeriod, tempDatabase } from './tempDatabase';

/**
 * The exports' row sources: every row of the list exactly once, in the list's order, a bounded page
 * at a time, with no statement left open between pages (the HTTP writer runs other requests then).
 */
let h: DbHandle;
let cleanup: () => void;
beforeEach(() => {
  ({ handle: h, cleanup } = tempDatabase('kader-exports-'));
});
afterEach(() => cleanup());

function seed() {
  const { areas, period } = madiunPeriod(h);
  const candidate = h.sqlite.prepare(
    `INSERT INTO candidates (nik, name, phone, birth_date, sex, education, street, rt_rw, village, district, regency)
     VALUES (?, ?, '+6281234567890', '1990-08-12', 'F', 'SMA', 'Jl. 1', '001/002', 'Kartoharjo', 'Kartoharjo', 'Kota Madiun')`,
  );
  const application = h.sqlite.prepare(
    `INSERT INTO applications (candidate_id, period_id, work_area_id, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
     VALUES (?, ?, ?, 'recruitment', 1, ?, '{}', 1, ?, ?, ?)`,
  );
  const states = ['interview', 'registered', 'writtenTest'];
  h.sqlite.transaction(() => {
    for (let i = 0; i < 23; i++) {
      const c = candidate.run(`35770152089${String(i + 1).padStart(5, '0')}`, `Sri ${i + 1}`);
      // entry times out of id order, several equal, so the order is (state_entered_at, id) and not the insert order
      const at = `2026-11-${String(20 - (i % 4)).padStart(2, '0')}T01:00:00.000Z`;
      application.run(c.lastInsertRowid, period.id, areas[i % 2]!.id, states[i % 3], at, at, at);
    }
  })();
  return { periodId: period.id, areas };
}

describe('boardExportPages', () => {
  it("walks every column in the states' order, each in the board's order, in pages of the size asked, every row once", () => {
    const { periodId } = seed();
    const order = ['registered', 'writtenTest', 'interview'];
    const pages = [...boardExportPages(h.db, { filter: { periodId }, states: order, pageSize: 3 })];
    expect(Math.max(...pages.map((p) => p.length))).toBe(3);
    const rows = pages.flat();
    const expected = h.sqlite
      .prepare(
        `SELECT id FROM applications WHERE period_id = ?
         ORDER BY CASE state WHEN 'registered' THEN 0 WHEN 'writtenTest' THEN 1 ELSE 2 END, state_entered_at, id`,
      )
      .pluck()
      .all(periodId);
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(23);
  });

  it('keeps the filter (work area, an exact NIK only)', () => {
    const { periodId, areas } = seed();
    const inArea = [
      ...boardExportPages(h.db, {
        filter: { periodId, workAreaId: areas[1]!.id },
        states: ['registered', 'writtenTest', 'interview'],
      }),
    ].flat();
    expect(inArea.length).toBe(11);
    expect(new Set(inArea.map((r) => r.workArea))).toEqual(new Set(['Kabupaten Ngawi']));
    const partial = { periodId, search: '0001', nikMatch: 'exact' as const };
    expect([...boardExportPages(h.db, { filter: partial, states: ['registered', 'writtenTest', 'interview'] })].flat()).toEqual(
      [],
    );
  });

  it('holds no statement open between pages: the connection answers other statements while a walk is paused', () => {
    const { periodId } = seed();
    const walk = boardExportPages(h.db, { filter: { periodId }, states: ['registered'], pageSize: 2 });
    walk.next();
    // an open better-sqlite3 iterator would make this throw "This database connection is busy"
    expect(() => h.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('x', 'y')).not.toThrow();
    expect(walk.next().done).toBe(false);
  });
});

describe('keysetPages', () => {
  it('goes on past an empty page while there is a next one (a page whose rows were all filtered out)', () => {
    const pages = [[1, 2], [], [3]];
    const walk = keysetPages<number, number>((after) => {
      const i = after ?? 0;
      return { items: pages[i]!, next: i + 1 < pages.length ? i + 1 : null };
    });
    expect([...walk]).toEqual([[1, 2], [3]]);
  });
});

describe('recordNikViewsByNik', () => {
  it('logs one view per candidate whose NIK is given, by this user at this time', () => {
    seed();
    const user = h.sqlite
      .prepare(
        "INSERT INTO users (username, name, role, branch_id, password_hash, created_at, updated_at) VALUES ('r', 'R', 'recruiter', 1, 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
      )
      .pluck()
      .get() as number;
    const n = recordNikViewsByNik(h.db, {
      userId: user,
      niks: ['3577015208900001', '3577015208900002', '9999999999999999'],
      at: 'T',
    });
    expect(n).toBe(2);
    expect(h.sqlite.prepare('SELECT user_id, candidate_id, at FROM nik_views ORDER BY id').raw().all()).toEqual([
      [user, 1, 'T'],
      [user, 2, 'T'],
    ]);
  });
});
