import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findUserByUsername,
  insertBranch,
  insertPeriod,
  insertWorkArea,
  migrateDatabase,
  openDatabase,
  type DbHandle,
} from '@kader/db';
import { principalOf } from '../src/auth/principal';
import { DEFAULT_RECRUITMENT_RULES } from '@kader/workflow';
import { inject } from 'vitest';
import { systemContext, type Context } from '../src/context';

/** A real SQLite file in a temp folder, migrated; removed by `cleanup`. */
export function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'kader-api-'));
  const file = join(dir, 'kader.db');
  const handle = openDatabase(file);
  migrateDatabase(handle);
  return {
    handle,
    file,
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the demo data seeded once for the whole run (demoTemplate.ts): as of 2026-11-23
 * (`fixed`, what `seedDemo(handle, { today: '2026-11-23' })` gives) or as of today.
 */
export function seededDatabase(kind: 'fixed' | 'today' = 'fixed') {
  const dir = mkdtempSync(join(tmpdir(), 'kader-api-'));
  const file = join(dir, 'kader.db');
  copyFileSync(inject('demoTemplates')[kind], file);
  const handle = openDatabase(file);
  return {
    handle,
    file,
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock that only moves when told to: 23 Nov 2026, 09.00 WIB. */
export function fixedClock(start = '2026-11-23T02:00:00.000Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** Acting as the system (every branch): for tests of the workflow itself, not of permissions. */
export function contextFor(handle: DbHandle, now: () => Date, actor = 'rekruter-uji'): Context {
  return systemContext(handle, now, actor);
}

/** One branch with two work areas and a 2026 period with the given quota. */
export function seedBranch(handle: DbHandle, quota = 2) {
  const branch = insertBranch(handle.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const area = insertWorkArea(handle.db, { branchId: branch.id, name: 'Kota Madiun', regionCode: '35.77' });
  const other = insertWorkArea(handle.db, { branchId: branch.id, name: 'Kabupaten Ngawi', regionCode: '35.21' });
  const period = insertPeriod(handle.db, { branchId: branch.id, year: 2026, quota, rules: DEFAULT_RECRUITMENT_RULES });
  return { branch, area, other, period };
}

export function candidateInput(periodId: number, workAreaId: number, nik = '3577015208900001', name = 'Sri Rahayu') {
  return {
    periodId,
    workAreaId,
    candidate: {
      nik,
      name,
      phone: '0812-3456-7890',
      education: 'SMA' as const,
      address: {
        street: 'Jl. Pahlawan 12',
        rtRw: '003/004',
        village: 'Kartoharjo',
        district: 'Kartoharjo',
        regency: 'Kota Madiun',
      },
    },
  };
}

export const REQUIRED_DOCS = DEFAULT_RECRUITMENT_RULES.documents.filter((d) => d.required).map((d) => d.code);

/** A signed-in user's context, as the HTTP layer builds it from a session. */
export function userContext(handle: DbHandle, username: string, now: () => Date = () => new Date()): Context {
  const user = findUserByUsername(handle.db, username);
  if (!user) throw new Error(`no user ${username}`);
  return { ...systemContext(handle, now), principal: principalOf(user), clientAddress: 'test' };
}

/** The demo seed's KC Madiun period of 2026 (ids depend on the seed's order, so look it up). */
export function madiun2026(handle: DbHandle): number {
  const row = handle.sqlite
    .prepare(
      "select p.id from recruitment_periods p join branches b on b.id = p.branch_id where b.code = 'KC-MDN' and p.year = 2026",
    )
    .get() as { id: number };
  return row.id;
}
