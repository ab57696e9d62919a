import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BoardCursor, boardColumnPage, boardCounts, type DbHandle, migrateDatabase, SEARCH_COUNT_LIMIT } from '../src/index';
import { madiunPeriod, migrationsUpTo, tempDatabase } from './tempDatabase';

let dir: string;
let h: DbHandle;
let cleanup: () => void;

beforeEach(() => {
  ({ handle: h, dir, cleanup } = tempDatabase('kader-board-', { migrated: false }));
});
afterEach(() => cleanup());

/** `n` applications written with plain SQL, as any writer (the bulk generator, a hand-run fix) may. */
function addApplications(
  n: number,
  {
    periodId,
    workAreaId,
    state = 'registered',
    name = 'Sri',
    at = () => '2026-11-23T01:00:00.000Z',
  }: {
    periodId: number;
    workAreaId: number;
    state?: string;
    name?: string;
    at?: (i: number) => string;
  },
): number[] {
  const candidate = h.sqlite.prepare(
    `INSERT INTO candidates (nik, name, phone, birth_date, sex, education, street, rt_rw, village, district, regency)
     VALUES (?, ?, '+6281234567890', '1990-08-12', 'F', 'SMA', 'Jl. 1', '001/002', 'Kartoharjo', 'Kartoharjo', 'Kota Madiun')`,
  );
  const application = h.sqlite.prepare(
    `INSERT INTO applications (candidate_id, period_id, work_area_id, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
     VALUES (?, ?, ?, 'recruitment', 1, ?, '{}', 1, ?, ?, ?)`,
  );
  const base = (h.sqlite.prepare('SELECT count(*) FROM candidates').pluck().get() as number) + 1;
  return h.sqlite.transaction(() =>
    Array.from({ length: n }, (_, i) => {
      const c = candidate.run(`35770152089${String(base + i).padStart(5, '0')}`, `${name} ${base + i}`);
      return Number(application.run(c.lastInsertRowid, periodId, workAreaId, state, at(i), at(i), at(i)).lastInsertRowid);
    }),
  )();
}

/** The counts the counters must equal: counted from the rows themselves. */
function countedFromRows(periodId: number) {
  return h.sqlite
    .prepare(
      'SELECT work_area_id AS area, state, count(*) AS n FROM applications WHERE period_id = ? GROUP BY 1, 2 ORDER BY 1, 2',
    )
    .all(periodId);
}
function counters(periodId: number) {
  return h.sqlite
    .prepare('SELECT work_area_id AS area, state, n FROM board_counts WHERE period_id = ? AND n > 0 ORDER BY 1, 2')
    .all(periodId);
}

describe('the board counters', () => {
  it('follow every insert, change of state or area, and delete, in the writing transaction', () => {
    migrateDatabase(h);
    const { period, areas } = madiunPeriod(h);
    const a = areas[0]!;
    const b = areas[1]!;
    const ids = addApplications(5, { periodId: period.id, workAreaId: a.id });
    addApplications(2, { periodId: period.id, workAreaId: b.id, state: 'interview' });
    h.sqlite.prepare("UPDATE applications SET state = 'administrativeCheck' WHERE id IN (?, ?)").run(ids[0], ids[1]);
    h.sqlite.prepare('UPDATE applications SET work_area_id = ? WHERE id = ?').run(b.id, ids[2]);
    // a write that leaves state, period and area alone moves nothing
    h.sqlite.prepare('UPDATE applications SET state = state, snapshot = \'{"x":1}\' WHERE id = ?').run(ids[3]);
    h.sqlite.prepare('DELETE FROM applications WHERE id = ?').run(ids[4]);
    // a rolled-back change leaves them as they were
    expect(() =>
      h.sqlite.transaction(() => {
        h.sqlite.prepare("UPDATE applications SET state = 'rejected' WHERE id = ?").run(ids[3]);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(counters(period.id)).toEqual(countedFromRows(period.id));
    const all = boardCounts(h.db, {
      filter: { periodId: period.id },
      states: ['registered', 'administrativeCheck', 'interview', 'rejected'],
    });
    expect(Object.fromEntries(all)).toEqual({
      registered: { n: 2, capped: false },
      administrativeCheck: { n: 2, capped: false },
      interview: { n: 2, capped: false },
      rejected: { n: 0, capped: false },
    });
    const inB = boardCounts(h.db, { filter: { periodId: period.id, workAreaId: b.id }, states: ['interview', 'registered'] });
    expect(Object.fromEntries(inB)).toEqual({ interview: { n: 2, capped: false }, registered: { n: 1, capped: false } });
  });

  it('count the applications written before the migration that brought them', () => {
    // migrate only as far as the migration before the counters, write, then migrate the rest
    const older = migrationsUpTo(dir, '0008_applications_agreement_number');
    migrate(h.db, { migrationsFolder: older });
    const { period, areas } = madiunPeriod(h);
    addApplications(3, { periodId: period.id, workAreaId: areas[0]!.id });
    addApplications(2, { periodId: period.id, workAreaId: areas[1]!.id, state: 'writtenTest' });
    migrateDatabase(h);
    expect(counters(period.id)).toEqual(countedFromRows(period.id));
    expect(counters(period.id)).toHaveLength(2);
  });
});

describe('a board column', () => {
  it('pages by the last card shown: every card once, in order, ties on the time broken by id', () => {
    migrateDatabase(h);
    const { period, areas } = madiunPeriod(h);
    // three cards per second: equal times must neither repeat nor skip a card across pages
    addApplications(23, {
      periodId: period.id,
      workAreaId: areas[0]!.id,
      at: (i) => `2026-11-23T01:00:${String(Math.floor(i / 3)).padStart(2, '0')}.000Z`,
    });
    const seen: { id: number; stateEnteredAt: string }[] = [];
    let after: BoardCursor | null = null;
    let pages = 0;
    do {
      const page = boardColumnPage(h.db, { filter: { periodId: period.id }, state: 'registered', after, pageSize: 5 });
      seen.push(...page.items);
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(seen.map((c) => c.id)).toEqual(
      [...seen].sort((x, y) => x.stateEnteredAt.localeCompare(y.stateEnteredAt) || x.id - y.id).map((c) => c.id),
    );
    expect(new Set(seen.map((c) => c.id)).size).toBe(23);
  });

  it("a search's count stops at its bound and says so", () => {
    migrateDatabase(h);
    const { period, areas } = madiunPeriod(h);
    addApplications(SEARCH_COUNT_LIMIT + 5, { periodId: period.id, workAreaId: areas[0]!.id, name: 'Sri' });
    addApplications(3, { periodId: period.id, workAreaId: areas[0]!.id, name: 'Budi' });
    const count = (search: string) =>
      boardCounts(h.db, { filter: { periodId: period.id, search }, states: ['registered'] }).get('registered');
    expect(count('sri')).toEqual({ n: SEARCH_COUNT_LIMIT, capped: true });
    expect(count('budi')).toEqual({ n: 3, capped: false });
    // without a search the counter is exact, however many
    expect(boardCounts(h.db, { filter: { periodId: period.id }, states: ['registered'] }).get('registered')).toEqual({
      n: SEARCH_COUNT_LIMIT + 8,
      capped: false,
    });
  });
});
