import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, migrateDatabase, TARGETS_SQL } from '../src';
import { migrationsUpTo, tempDatabase } from './tempDatabase';

describe('the targets report reads through indexes', () => {
  let handle: DbHandle;
  let cleanup = () => {};
  beforeAll(() => {
    ({ handle, cleanup } = tempDatabase('kader-targets-plans-'));
  });
  afterAll(() => cleanup());

  const PARAMS = {
    branchId: 1,
    regionCode: '35.77',
    regionPrefix: '35.77.%',
    fromYear: 2017,
    toYear: 2017,
    fromStart: '2016-01-01',
    toStart: '2017-12-31',
    fromMonth: '2017-01',
    toMonth: '2017-12',
    scopeFrom: '2017-01',
    scopeTo: '2017-12',
    scopeFromYear: 2017,
    scopeToYear: 2017,
    versions: '[]',
    order: 'name',
    limit: 50,
    offset: 0,
  };
  const planOf = (sql: string) =>
    (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(PARAMS) as { detail: string }[]).map((r) => r.detail);

  it.each(Object.entries(TARGETS_SQL))(
    '%s: agreement years by branch and start date, their months from the covering figures index',
    (_, sql) => {
      const plan = planOf(sql);
      const text = plan.join('\n');
      expect(
        plan.filter((step) => /^SCAN (c|m|contracts|monthly_reports)\b/.test(step)),
        text,
      ).toEqual([]);
      expect(text).toMatch(/SEARCH c USING INDEX contracts_branch_start \(branch_id=\? AND start_date>\? AND start_date<\?\)/);
      // the figures come from the index alone: no record JSON is read
      expect(text).toMatch(/SEARCH m USING COVERING INDEX monthly_figures \(contract_id=\? AND month>\? AND month<\?\)/);
      // the cadres' pass reads each agreement's sums per year by the read model's key, never all of it
      if (sql === TARGETS_SQL.cadres) {
        expect(text).toMatch(
          /SEARCH f USING INDEX sqlite_autoindex_target_year_figures_1 \(contract_id=\? AND year>\? AND year<\?\)/,
        );
        expect(text).not.toMatch(/SCAN f\b/);
      }
    },
  );
});

describe('migration 0016 backfills the figures of months recorded before it', () => {
  let dir: string;
  let h: DbHandle;
  let cleanup = () => {};
  beforeAll(() => {
    ({ handle: h, dir, cleanup } = tempDatabase('kader-targets-migration-', { migrated: false }));
  });
  afterAll(() => cleanup());

  it('as workflow monthlyFigures counts them: arrears 2–24 months, report days after the month’s end', () => {
    migrate(h.db, { migrationsFolder: migrationsUpTo(dir, '0015_work_areas_revision') });
    const s = h.sqlite;
    s.prepare("insert into branches (code, name, time_zone) values ('KC-MDN', 'KC Madiun', 'Asia/Jakarta')").run();
    s.prepare("insert into work_areas (branch_id, name) values (1, 'Kota Madiun')").run();
    s.prepare(
      `insert into candidates (nik, name, phone, birth_date, sex, education, street, rt_rw, village, district, regency)
       values ('3577015208900001', 'Sri', '+6281234567890', '1990-08-12', 'F', 'SMA', 'Jl. 1', '001/002', 'K', 'K', 'Kota Madiun')`,
    ).run();
    s.prepare(
      `insert into contracts (candidate_id, branch_id, work_area_id, agreement_number, start_date, end_date,
         evaluation_due_on, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
       values (1, 1, 1, 'PKS/1', '2026-01-01', '2026-12-31', '2026-11-30', 'contract', 1, 'active', '{}', 1, 't', 't', 't')`,
    ).run();
    const insert = s.prepare(
      "insert into monthly_reports (contract_id, month, record, revision, created_at, updated_at) values (1, ?, ?, 1, 't', 't')",
    );
    const record = (month: string, collections: object[], reportDeliveredOn: string | null) =>
      JSON.stringify({
        month,
        familiesAssigned: 500,
        familiesVisited: 120,
        visits: 130,
        collections,
        reportDeliveredOn,
        meetingsHeld: 3,
        meetingsAttended: 3,
      });
    // 1 month (not a cadre's), 2 and 24 (counted), 25 (not billed): 200.000 + 400.000 counted
    insert.run(
      '2026-01',
      record(
        '2026-01',
        [
          { arrearsMonths: 1, amount: 100_000 },
          { arrearsMonths: 2, amount: 200_000 },
          { arrearsMonths: 24, amount: 400_000 },
          { arrearsMonths: 25, amount: 800_000 },
        ],
        '2026-02-05', // 31 January + 5 days
      ),
    );
    insert.run('2026-02', record('2026-02', [], '2026-02-20')); // before 28 February: −8
    insert.run('2026-03', record('2026-03', [], null));

    migrateDatabase(h);

    expect(
      s
        .prepare(
          `select month, families_assigned fa, families_visited fv, collected, report_days_after_month days, meetings_attended att
           from monthly_reports order by month`,
        )
        .all(),
    ).toEqual([
      { month: '2026-01', fa: 500, fv: 120, collected: 600_000, days: 5, att: 3 },
      { month: '2026-02', fa: 500, fv: 120, collected: 0, days: -8, att: 3 },
      { month: '2026-03', fa: 500, fv: 120, collected: 0, days: null, att: 3 },
    ]);
  });
});
