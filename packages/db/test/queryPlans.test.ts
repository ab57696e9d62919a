import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardCountsSql,
  boardPageSql,
  boardSearchCountSql,
  contractsCountQuery,
  contractsDueQuery,
  contractsPageQuery,
  type ContractFilter,
  type DbHandle,
  renewalPartQuery,
} from '../src';
import { tempDatabase } from './tempDatabase';

let handle: DbHandle;
let cleanup = () => {};

beforeAll(() => {
  ({ handle, cleanup } = tempDatabase('kader-plans-'));
});

afterAll(() => cleanup());

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

/** The plan of one of the board's SQL texts with its named parameters. */
function planOfSql(sql: string, params: Record<string, unknown>): string[] {
  const rows = handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

const boardParams = (area: boolean, after: boolean, search = false) => ({
  periodId: 1,
  state: 'registered',
  limit: 21,
  ...(area ? { workAreaId: 2 } : {}),
  ...(after ? { afterAt: '2026-01-01T00:00:00.000Z', afterId: 3 } : {}),
  ...(search ? { search: '%sri%' } : {}),
});

describe('the board costs a page, not a column', () => {
  it.each([
    [false, false, 'applications_board'],
    [false, true, 'applications_board'],
    [true, false, 'applications_board_area'],
    [true, true, 'applications_board_area'],
  ])('a page (work area %s, after a cursor %s) walks %s in order: no sort, no scan', (area, after, index) => {
    const plan = planOfSql(boardPageSql({ area, search: null, after }), boardParams(area, after));
    const text = plan.join('\n');
    expect(
      plan.some((step) => step.startsWith(`SEARCH a USING INDEX ${index} (period_id=? AND state=?`)),
      text,
    ).toBe(true);
    expect(
      plan.filter((step) => /TEMP B-TREE/.test(step)),
      text,
    ).toEqual([]);
    expect(
      plan.filter((step) => /^SCAN/.test(step)),
      text,
    ).toEqual([]);
  });

  it('a name search walks the same index, in the same order', () => {
    const plan = planOfSql(boardPageSql({ area: false, search: 'name', after: true }), boardParams(false, true, true));
    expect(plan[0], plan.join('\n')).toMatch(/^SEARCH a USING INDEX applications_board \(period_id=\? AND state=\?/);
    expect(
      plan.filter((step) => /TEMP B-TREE|^SCAN a\b/.test(step)),
      plan.join('\n'),
    ).toEqual([]);
  });

  it('the counts without a search read the counters, never applications', () => {
    for (const area of [false, true]) {
      const plan = planOfSql(boardCountsSql({ area }), { periodId: 1, ...(area ? { workAreaId: 2 } : {}) });
      expect(
        plan.filter((step) => /applications/.test(step)),
        plan.join('\n'),
      ).toEqual([]);
      expect(
        plan.some((step) => /^SEARCH board_counts/.test(step)),
        plan.join('\n'),
      ).toBe(true);
    }
  });

  it("a search's count reads the column through its index and stops at its bound", () => {
    const sql = boardSearchCountSql({ area: false, search: 'name' });
    expect(sql).toMatch(/LIMIT @limit/);
    const plan = planOfSql(sql, { ...boardParams(false, false, true), limit: 1001 });
    expect(
      plan.some((step) => /^SEARCH a USING INDEX applications_board/.test(step)),
      plan.join('\n'),
    ).toBe(true);
  });
});

describe('the cadres list and the renewal queue cost a page, not the table', () => {
  const after = { endDate: '2026-06-30', id: 7 };
  it.each([
    [{}, 'contracts_end'],
    [{ endingBefore: '2027-01-01' }, 'contracts_end'],
    [{ branchIds: [1] }, 'contracts_branch_end'],
    [{ workAreaId: 2 }, 'contracts_area_end'],
    [{ states: ['active'] }, 'contracts_state_end'],
    [{ branchIds: [1], states: ['active'] }, 'contracts_branch_state_end'],
  ] as const)('a page filtered by %j walks %s in (end_date, id) order', (filter, index) => {
    const plan = planOf(contractsPageQuery(handle.db, { filter: filter as ContractFilter, after, limit: 21 }));
    const text = plan.join('\n');
    expect(
      plan.some((step) => step.startsWith(`SEARCH contracts USING INDEX ${index} (`)),
      text,
    ).toBe(true);
    expect(
      plan.filter((step) => /TEMP B-TREE|^SCAN/.test(step)),
      text,
    ).toEqual([]);
  });

  it('the count stops at its bound and joins candidates only for a name search', () => {
    const plain = contractsCountQuery(handle.db, { states: ['active'] }).toSQL();
    expect(plain.sql).not.toMatch(/candidates/);
    expect(plain.sql).toMatch(/limit \?/i);
    expect(plain.params.at(-1)).toBe(1001);
    expect(contractsCountQuery(handle.db, { search: 'sri' }).toSQL().sql).toMatch(/candidates/);
  });

  it.each([undefined, [1]])('each part of the renewal queue is one index range (branches %j)', (branchIds) => {
    const parts = [
      [{ kind: 'due', state: 'decided' }, /contracts_(branch_)?state_end/],
      [{ kind: 'endedSince', state: 'lapsed', since: '2026-01-01' }, /contracts_(branch_)?state_end/],
      [
        { kind: 'evaluationBy', state: 'active', by: '2027-01-01' },
        /contracts_state_evaluation \(state=\? AND evaluation_due_on<\?\)/,
      ],
    ] as const;
    for (const [part, index] of parts) {
      const plan = planOf(
        renewalPartQuery(handle.db, { part, branchIds: branchIds ? [...branchIds] : undefined, after, limit: 21 }),
      );
      const text = plan.join('\n');
      expect(
        // a part reads keys only, so its index covers it (USING COVERING INDEX)
        plan.some((step) => /^SEARCH contracts USING (COVERING )?INDEX/.test(step) && index.test(step)),
        text,
      ).toBe(true);
      expect(
        plan.filter((step) => /^SCAN/.test(step)),
        text,
      ).toEqual([]);
      // the active part sorts its window (agreements whose evaluation falls due within a month); the others sort nothing
      if (part.kind !== 'evaluationBy')
        expect(
          plan.filter((step) => /TEMP B-TREE/.test(step)),
          text,
        ).toEqual([]);
    }
  });
});
