/**
 * The funnel's read model (migration 0017: funnel_* tables kept by triggers) on histories written
 * with plain SQL, as any writer may: what the trigger keeps row by row on a hand-worked history,
 * moves and deletes of applications, the backfill of a database written before the migration,
 * and the plans of the statements that read it.
 */
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  type DbHandle,
  FUNNEL_CHECK_SQL,
  FUNNEL_READ_MODEL_SQL,
  type FunnelFilter,
  funnelCounts,
  funnelCountsFromApplications,
  funnelOutcomes,
  funnelOutcomesFromApplications,
  funnelParams,
  funnelStages,
  funnelStagesFromLog,
  migrateDatabase,
} from '../src/index';
import { madiunPeriod, migrationsUpTo, tempDatabase } from './tempDatabase';

let h: DbHandle;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ handle: h, dir, cleanup } = tempDatabase('kader-funnel-model-', { migrated: false }));
});
afterEach(() => cleanup());

/** An application written with plain SQL (no audit row yet). */
function application(periodId: number, workAreaId: number): number {
  const n = (h.sqlite.prepare('SELECT count(*) FROM candidates').pluck().get() as number) + 1;
  const candidate = h.sqlite
    .prepare(
      `INSERT INTO candidates (nik, name, phone, birth_date, sex, education, street, rt_rw, village, district, regency)
       VALUES (?, 'Sri', '+6281234567890', '1990-08-12', 'F', 'SMA', 'Jl. 1', '001/002', 'Kartoharjo', 'Kartoharjo', 'Kota Madiun')
       RETURNING id`,
    )
    .pluck()
    .get(`35770152089${String(n).padStart(5, '0')}`) as number;
  return h.sqlite
    .prepare(
      `INSERT INTO applications (candidate_id, period_id, work_area_id, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
       VALUES (?, ?, ?, 'recruitment', 1, 'registered', '{}', 1, '', '', '') RETURNING id`,
    )
    .pluck()
    .get(candidate, periodId, workAreaId) as number;
}

/** The application's next audit row: `from → to` at `at` (UTC; Madiun's calendar is WIB, +7 h). */
function row(id: number, from: string | null, to: string, at: string, type = 'EVENT') {
  appendAudit(h.db, {
    entityType: 'application',
    entityId: id,
    type,
    payload: {},
    fromState: from,
    toState: to,
    machineVersion: 3,
    actor: 'uji',
    at,
  });
}

const filterOf = (branchId: number): FunnelFilter => ({
  branchId: null,
  regionCode: null,
  fromYear: 2000,
  toYear: 2100,
  shifts: { [branchId]: '+420 minutes' },
});
const sorted = <T extends { periodId: number; kind: string; state: string | number }>(rows: T[]) =>
  [...rows].sort(
    (a, b) => a.periodId - b.periodId || a.kind.localeCompare(b.kind) || String(a.state).localeCompare(String(b.state)),
  );
const buckets = (stage: string) =>
  h.sqlite
    .prepare('SELECT work_area_id AS area, days, n FROM funnel_stage_days WHERE stage = ? AND n > 0 ORDER BY area, days')
    .all(stage);
const furthest = () =>
  h.sqlite.prepare('SELECT work_area_id AS area, furthest, n FROM funnel_furthest WHERE n > 0 ORDER BY area, furthest').all();

describe('the trigger keeps the funnel read model', () => {
  it('row by row on a hand-worked history: stays summed over a reopening, furthest kept, samples only once left', () => {
    migrateDatabase(h);
    const { branch, areas, period } = madiunPeriod(h);
    const a = application(period.id, areas[0]!.id);
    // WIB calendar days: reg 2 Nov 23.30 (16.30 UTC) · admin 3 Nov 00.30 (2 Nov 17.30 UTC): 1 day
    row(a, null, 'registered', '2026-11-02T16:30:00.000Z', 'REGISTERED');
    row(a, 'registered', 'administrativeCheck', '2026-11-02T17:30:00.000Z');
    expect(buckets('registered')).toEqual([{ area: areas[0]!.id, days: 1, n: 1 }]);
    // a row that keeps the state is no stay's end
    row(a, 'administrativeCheck', 'administrativeCheck', '2026-11-04T02:00:00.000Z', 'VERIFY_DOCUMENT');
    // rejected 5 Nov (admin: 2 days), reopened 9 Nov: back in admin, its sample is out until it leaves
    row(a, 'administrativeCheck', 'rejected', '2026-11-05T02:00:00.000Z');
    expect(buckets('administrativeCheck')).toEqual([{ area: areas[0]!.id, days: 2, n: 1 }]);
    row(a, 'rejected', 'administrativeCheck', '2026-11-09T02:00:00.000Z');
    expect(buckets('administrativeCheck')).toEqual([]);
    expect(furthest()).toEqual([{ area: areas[0]!.id, furthest: 1, n: 1 }]);
    // written test 12 Nov: admin 2 + 3 days (not the 4 rejected)
    row(a, 'administrativeCheck', 'writtenTest', '2026-11-12T02:00:00.000Z');
    expect(buckets('administrativeCheck')).toEqual([{ area: areas[0]!.id, days: 5, n: 1 }]);
    expect(buckets('rejected')).toEqual([]);
    // rejected at the written test and reopened into the interview: furthest goes to 3, never back
    row(a, 'writtenTest', 'rejected', '2026-11-13T02:00:00.000Z');
    row(a, 'rejected', 'interview', '2026-11-20T02:00:00.000Z');
    row(a, 'interview', 'withdrawn', '2026-11-21T02:00:00.000Z');
    expect(furthest()).toEqual([{ area: areas[0]!.id, furthest: 3, n: 1 }]);
    expect(buckets('writtenTest')).toEqual([{ area: areas[0]!.id, days: 1, n: 1 }]);
    expect(buckets('interview')).toEqual([{ area: areas[0]!.id, days: 1, n: 1 }]);
    expect(buckets('toActive')).toEqual([]);

    // another one to active: registration (3 Nov WIB) to active (9 Nov WIB) = 6 days
    const b = application(period.id, areas[1]!.id);
    const path = ['registered', 'administrativeCheck', 'writtenTest', 'interview', 'agreementSigning', 'debriefing', 'active'];
    path.forEach((to, i) => row(b, i === 0 ? null : path[i - 1]!, to, `2026-11-${String(3 + i).padStart(2, '0')}T02:00:00.000Z`));
    expect(buckets('toActive')).toEqual([{ area: areas[1]!.id, days: 6, n: 1 }]);
    expect(sorted(funnelStages(h.db, filterOf(branch.id)))).toEqual(sorted(funnelStagesFromLog(h.db, filterOf(branch.id))));
  });

  it('moves an application’s counts with a change of area or period, and takes them out on a delete', () => {
    migrateDatabase(h);
    const { branch, areas, period } = madiunPeriod(h);
    const other = h.sqlite
      .prepare("INSERT INTO recruitment_periods (branch_id, year, quota, rules) VALUES (?, 2025, 2, '{}') RETURNING id")
      .pluck()
      .get(branch.id) as number;
    const ids = [0, 1, 2].map(() => application(period.id, areas[0]!.id));
    for (const [i, id] of ids.entries()) {
      row(id, null, 'registered', '2026-11-02T02:00:00.000Z', 'REGISTERED');
      row(id, 'registered', 'administrativeCheck', `2026-11-0${3 + i}T02:00:00.000Z`);
      row(id, 'administrativeCheck', 'writtenTest', '2026-11-08T02:00:00.000Z');
    }
    const same = () => {
      expect(sorted(funnelStages(h.db, filterOf(branch.id)))).toEqual(sorted(funnelStagesFromLog(h.db, filterOf(branch.id))));
      // the region filter reads the areas: Ngawi alone has a code here
      const ngawi = { ...filterOf(branch.id), regionCode: '35.21' };
      expect(sorted(funnelStages(h.db, ngawi))).toEqual(sorted(funnelStagesFromLog(h.db, ngawi)));
      const canonical = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(canonical(funnelCounts(h.db, ngawi))).toEqual(canonical(funnelCountsFromApplications(h.db, ngawi)));
      expect(canonical(funnelCounts(h.db, filterOf(branch.id)))).toEqual(
        canonical(funnelCountsFromApplications(h.db, filterOf(branch.id))),
      );
      expect(canonical(funnelOutcomes(h.db, filterOf(branch.id)))).toEqual(
        canonical(funnelOutcomesFromApplications(h.db, filterOf(branch.id))),
      );
    };
    h.sqlite.prepare("UPDATE work_areas SET region_code = '35.21' WHERE id = ?").run(areas[1]!.id);
    same();
    h.sqlite.prepare('UPDATE applications SET work_area_id = ? WHERE id = ?').run(areas[1]!.id, ids[0]);
    expect(buckets('registered')).toEqual([
      { area: areas[0]!.id, days: 2, n: 1 },
      { area: areas[0]!.id, days: 3, n: 1 },
      { area: areas[1]!.id, days: 1, n: 1 },
    ]);
    same();
    h.sqlite.prepare('UPDATE applications SET period_id = ? WHERE id = ?').run(other, ids[1]);
    same();
    h.sqlite.prepare('DELETE FROM applications WHERE id = ?').run(ids[2]);
    same();
    // one in Ngawi (this period), one in Kota Madiun (the other period), the deleted one nowhere
    expect(furthest()).toEqual([
      { area: areas[0]!.id, furthest: 2, n: 1 },
      { area: areas[1]!.id, furthest: 2, n: 1 },
    ]);
    expect(h.sqlite.prepare('SELECT count(*) FROM funnel_applications').pluck().get()).toBe(2);
  });

  it('backfills a database written before migrations 0017 and 0019 to what the triggers keep', () => {
    // the same histories written twice: into a database at 0016 then migrated, and into a migrated one
    const write = () => {
      const { branch, areas, period } = madiunPeriod(h);
      for (let i = 0; i < 12; i++) {
        const id = application(period.id, areas[i % 2]!.id);
        const at = (day: number, hour = 2) =>
          `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
        row(id, null, 'registered', at(1, 16 + (i % 3) * 3), 'REGISTERED');
        if (i % 4 === 3) continue;
        row(id, 'registered', 'administrativeCheck', at(2 + (i % 5)));
        row(id, 'administrativeCheck', 'rejected', at(8));
        if (i % 3 === 0) continue;
        row(id, 'rejected', 'administrativeCheck', at(10 + (i % 2)));
        row(id, 'administrativeCheck', 'writtenTest', at(14, 18));
        if (i % 2 === 0) continue;
        for (const [d, [from, to]] of [
          ['writtenTest', 'interview'],
          ['interview', 'agreementSigning'],
          ['agreementSigning', 'debriefing'],
          ['debriefing', 'active'],
        ].entries()) {
          row(id, from!, to!, at(16 + d * (i % 4)));
        }
      }
      return branch.id;
    };
    const tables = () =>
      Object.fromEntries(
        [
          'funnel_applications',
          'funnel_application_stages',
          'funnel_stage_days WHERE n > 0',
          'funnel_furthest WHERE n > 0',
          'funnel_counts WHERE n > 0',
          'funnel_outcomes WHERE n > 0',
        ].map((t) => [t, h.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]),
      );

    migrate(h.db, { migrationsFolder: migrationsUpTo(dir, '0016_monthly_figures') });
    const branchId = write();
    migrateDatabase(h);
    const backfilled = tables();
    expect(backfilled.funnel_applications).toHaveLength(12);
    expect(sorted(funnelStages(h.db, filterOf(branchId)))).toEqual(sorted(funnelStagesFromLog(h.db, filterOf(branchId))));

    cleanup();
    ({ handle: h, dir, cleanup } = tempDatabase('kader-funnel-model-'));
    write();
    expect(tables()).toEqual(backfilled);
  });
});

describe('the funnel read model is read through its keys', () => {
  const TABLE = { h: ['funnel_stage_days', 'funnel_furthest'], c: ['funnel_counts'], o: ['funnel_outcomes'] } as const;
  it.each(Object.entries(FUNNEL_READ_MODEL_SQL))(
    '%s: each period’s rows by the primary key, never a scan of the read model, the applications or the log',
    (_, sql) => {
      migrateDatabase(h);
      const plan = (
        h.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(funnelParams({ branchId: 1, regionCode: '35.77', fromYear: 2025, toYear: 2026, shifts: {} })) as {
          detail: string;
        }[]
      ).map((r) => r.detail);
      const text = plan.join('\n');
      expect(
        plan.filter((step) => /^SCAN (h|c|o|w|funnel_\w+|applications|audit_events)\b/.test(step)),
        text,
      ).toEqual([]);
      const searched = [
        ...text.matchAll(/SEARCH (\w) USING (?:COVERING )?INDEX sqlite_autoindex_(funnel_\w+)_1 \(period_id=\?\)/g),
      ];
      expect(searched.length, text).toBeGreaterThan(0);
      for (const [, alias, table] of searched) expect(TABLE[alias as keyof typeof TABLE]).toContain(table);
      // the periods (a few per branch and year) through their own index
      expect(text).toMatch(/(SCAN|SEARCH) p USING (COVERING )?INDEX periods_branch_year/);
    },
  );
});

describe('verify-audit’s check of the read model', () => {
  it('walks each application’s audit rows by audit_entity_seq and looks each recomputed row up by its key', () => {
    migrateDatabase(h);
    const text = (h.sqlite.prepare(`EXPLAIN QUERY PLAN ${FUNNEL_CHECK_SQL}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    // one pass: the applications in id order, each one's state changes through the index, in seq
    // order, the order LEAD reads them in
    expect(text).toMatch(/SCAN a\b/);
    expect(text).toContain('SEARCH e USING INDEX audit_entity_seq (entity_type=? AND entity_id=?)');
    expect(text).not.toMatch(/SCAN e\b/);
    // the stored per-application rows by primary key, not by a temporary index or a sort of the store
    expect(text).toMatch(/SEARCH f USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(text).toMatch(/SEARCH s USING INDEX sqlite_autoindex_funnel_application_stages_1 \(application_id=\? AND stage=\?\)/);
  });
});
