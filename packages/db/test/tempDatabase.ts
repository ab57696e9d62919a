import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type DbHandle, insertBranch, MIGRATIONS_FOLDER, migrateDatabase, openDatabase } from '../src/index';

/**
 * A real SQLite file in a temp folder of its own, migrated unless a test wants to migrate it its own way;
 * `cleanup` closes it and removes the folder.
 */
export function tempDatabase(prefix: string, { migrated = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const handle: DbHandle = openDatabase(join(dir, 'test.db'));
  if (migrated) migrateDatabase(handle);
  return {
    dir,
    handle,
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A copy of the migrations folder, in `dir`, that stops after `tag`: a database as that migration left it. */
export function migrationsUpTo(dir: string, tag: string) {
  const folder = join(dir, 'migrations-old');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/**
 * KC Madiun with two work areas and a 2026 period of two places: what the board's and the
 * exports' tests write their applications into. The areas and the period in plain SQL: some tests
 * write here before the migrations that added their later columns.
 */
export function madiunPeriod(h: DbHandle) {
  const branch = insertBranch(h.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const area = h.sqlite.prepare(
    'insert into work_areas (branch_id, name) values (?, ?) returning id, branch_id as branchId, name',
  );
  const areas = [area.get(branch.id, 'Kota Madiun'), area.get(branch.id, 'Kabupaten Ngawi')] as {
    id: number;
    branchId: number;
    name: string;
  }[];
  const period = h.sqlite
    .prepare("insert into recruitment_periods (branch_id, year, quota, rules) values (?, 2026, 2, '{}') returning id")
    .get(branch.id) as { id: number };
  return { branch, areas, period };
}
