import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DbHandle, migrateDatabase } from '../src/index';
import { migrationsUpTo, tempDatabase } from './tempDatabase';

let dir: string;
let h: DbHandle;
let cleanup: () => void;

beforeEach(() => {
  ({ handle: h, dir, cleanup } = tempDatabase('kader-periods-', { migrated: false }));
});
afterEach(() => cleanup());

describe('periods written before registration windows (migration 0014)', () => {
  it('take their dates from their year, keep their quota, and have no area split', () => {
    migrate(h.db, { migrationsFolder: migrationsUpTo(dir, '0013_regions') });
    h.sqlite.prepare("insert into branches (code, name, time_zone) values ('KC-MDN', 'KC Madiun', 'Asia/Jakarta')").run();
    h.sqlite.prepare("insert into work_areas (branch_id, name) values (1, 'Kota Madiun')").run();
    const insert = h.sqlite.prepare("insert into recruitment_periods (branch_id, year, quota, rules) values (1, ?, ?, '{}')");
    insert.run(2025, 4);
    insert.run(2026, 7);

    migrateDatabase(h);

    expect(
      h.sqlite
        .prepare(
          `select year, quota, registration_opens_on opensOn, registration_closes_on closesOn, channels, channels_version v, revision
           from recruitment_periods order by year`,
        )
        .all(),
    ).toEqual([
      { year: 2025, quota: 4, opensOn: '2025-01-01', closesOn: '2025-12-31', channels: '[]', v: 1, revision: 1 },
      { year: 2026, quota: 7, opensOn: '2026-01-01', closesOn: '2026-12-31', channels: '[]', v: 1, revision: 1 },
    ]);
    expect(h.sqlite.prepare('select count(*) n from period_area_quotas').get()).toEqual({ n: 0 });
    expect(h.sqlite.prepare('pragma table_info(applications)').all()).toContainEqual(
      expect.objectContaining({ name: 'heard_from', notnull: 0 }),
    );
  });
});
