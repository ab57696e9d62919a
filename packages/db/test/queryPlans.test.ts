import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractsDueQuery, type DbHandle, migrateDatabase, openDatabase } from '../src';

let dir: string;
let handle: DbHandle;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kader-plans-'));
  handle = openDatabase(path.join(dir, 'kader.db'));
  migrateDatabase(handle);
});

afterAll(() => {
  handle?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** SQLite's plan for a drizzle query, one line per step (`SEARCH contracts USING INDEX …`). */
function planOf(query: { toSQL: () => { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = query.toSQL();
  const rows = handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

describe('the scheduler reads only what is due', () => {
  it('finds due contracts through indexes, never by reading every contract', () => {
    const plan = planOf(
      contractsDueQuery(handle.db, {
        openStates: ['active', 'evaluationDue', 'decided'],
        awaitingEvaluation: 'active',
        today: '2027-03-01',
      }),
    );
    const onContracts = plan.filter((step) => /\bcontracts\b/.test(step));
    expect(
      onContracts.some((step) => /contracts_state_evaluation/.test(step)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      onContracts.some((step) => /contracts_state_end/.test(step)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      onContracts.filter((step) => /^SCAN contracts\b/.test(step)),
      plan.join('\n'),
    ).toEqual([]);
  });
});
