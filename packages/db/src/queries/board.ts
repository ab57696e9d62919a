import type { DbOrTx } from '../types';
import { prepared } from './prepared';

/**
 * The board: one page of cards per state of a period, and each column's count. Both stay the same
 * cost however many applications there are:
 * - a page is a keyset walk of `applications_board` / `applications_board_area` (period, state
 *   [, work area], state_entered_at, id) from the last card shown, so SQLite reads `pageSize`
 *   rows in index order and sorts nothing (no offset: page 500 costs what page 1 does);
 * - without a search the counts come from `board_counts`, kept by triggers on `applications` in
 *   the same transaction as every insert, state change and delete (migration 0009), so no code
 *   path can leave them wrong;
 * - a search (name or NIK) has to look at candidates, so its count stops at `SEARCH_COUNT_LIMIT`
 *   matches and says so; the page itself still walks the index and stops at `pageSize` matches.
 * Plain better-sqlite3 statements, prepared once per connection (`prepared`): the board is the page everyone
 * opens first, and drizzle's builder would cost more than the queries.
 */

export type BoardFilter = {
  periodId: number;
  workAreaId?: number | undefined;
  search?: string | undefined;
  /**
   * 'partial' finds a NIK by any run of its digits; 'exact' only by all 16. Whoever sees NIKs
   * masked gets 'exact', or a few dozen searches would rebuild the hidden digits one by one.
   */
  nikMatch?: 'partial' | 'exact';
};

/** Where a column's next page starts: the last card shown (the board's order is state_entered_at, id). */
export type BoardCursor = { stateEnteredAt: string; id: number };

/** A search's count stops here: past it the column shows "1.000+" rather than scan on. */
export const SEARCH_COUNT_LIMIT = 1000;

export type BoardCardRow = {
  id: number;
  state: string;
  stateEnteredAt: string;
  /** the stored snapshot, JSON text: parsed only for the cards that show a schedule */
  snapshot: string;
  candidateName: string;
  nik: string;
  workArea: string;
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Search = { kind: 'name' | 'nikExact' | 'nikPartial'; value: string };

/** A search of digits is a NIK (or part of one); anything else is a name. */
function searchOf(filter: BoardFilter): Search | null {
  const term = filter.search?.trim();
  if (!term) return null;
  const digits = term.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits)) return { kind: 'name', value: `%${escapeLike(term)}%` };
  if (filter.nikMatch === 'exact') return { kind: 'nikExact', value: digits };
  return { kind: 'nikPartial', value: `%${escapeLike(digits)}%` };
}

const SEARCH_SQL: Record<Search['kind'], string> = {
  name: "c.name LIKE @search ESCAPE '\\'",
  nikExact: 'c.nik = @search',
  nikPartial: "c.nik LIKE @search ESCAPE '\\'",
};

/** The WHERE of a column, in the order of the index's columns. */
function boardWhere({ area, search }: { area: boolean; search: Search['kind'] | null }): string {
  const parts = ['a.period_id = @periodId', 'a.state = @state'];
  if (area) parts.push('a.work_area_id = @workAreaId');
  if (search) parts.push(SEARCH_SQL[search]);
  return parts.join(' AND ');
}

/** The SQL of one column's page (exported for the EXPLAIN QUERY PLAN test). */
export function boardPageSql({ area, search, after }: { area: boolean; search: Search['kind'] | null; after: boolean }): string {
  const where = [boardWhere({ area, search })];
  // a row value compared with the index's trailing columns: the walk starts right after the cursor
  if (after) where.push('(a.state_entered_at, a.id) > (@afterAt, @afterId)');
  return `SELECT a.id AS id, a.state AS state, a.state_entered_at AS stateEnteredAt, a.snapshot AS snapshot,
      c.name AS candidateName, c.nik AS nik, w.name AS workArea
    FROM applications a
    JOIN candidates c ON c.id = a.candidate_id
    JOIN work_areas w ON w.id = a.work_area_id
    WHERE ${where.join(' AND ')}
    ORDER BY a.state_entered_at, a.id
    LIMIT @limit`;
}

/** The SQL of a search's bounded count (exported for the EXPLAIN QUERY PLAN test). */
export function boardSearchCountSql({ area, search }: { area: boolean; search: Search['kind'] }): string {
  return `SELECT count(*) AS n FROM (
    SELECT 1 FROM applications a JOIN candidates c ON c.id = a.candidate_id
    WHERE ${boardWhere({ area, search })}
    LIMIT @limit)`;
}

/** The SQL of the counts without a search: the counters, summed over the work areas unless one is chosen. */
export function boardCountsSql({ area }: { area: boolean }): string {
  return `SELECT state, sum(n) AS n FROM board_counts
    WHERE period_id = @periodId${area ? ' AND work_area_id = @workAreaId' : ''}
    GROUP BY state`;
}

function params(filter: BoardFilter, search: Search | null): Record<string, unknown> {
  const p: Record<string, unknown> = { periodId: filter.periodId };
  if (filter.workAreaId !== undefined) p.workAreaId = filter.workAreaId;
  if (search) p.search = search.value;
  return p;
}

/** One page of a column: up to `pageSize` cards after `after` (from the first when null), and where the next starts. */
export function boardColumnPage(
  db: DbOrTx,
  { filter, state, after, pageSize }: { filter: BoardFilter; state: string; after: BoardCursor | null; pageSize: number },
): { items: BoardCardRow[]; next: BoardCursor | null } {
  const search = searchOf(filter);
  const sql = boardPageSql({ area: filter.workAreaId !== undefined, search: search?.kind ?? null, after: after !== null });
  const p = { ...params(filter, search), state, limit: pageSize + 1 };
  if (after) Object.assign(p, { afterAt: after.stateEnteredAt, afterId: after.id });
  // one row more than the page says whether there is a next page, without counting
  const rows = prepared(db, sql).all(p) as BoardCardRow[];
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return { items, next: rows.length > pageSize && last ? { stateEnteredAt: last.stateEnteredAt, id: last.id } : null };
}

/**
 * Every column's count. Without a search, from the counters (exact, a few rows read); with one,
 * each column counts its matches up to `SEARCH_COUNT_LIMIT` and `capped` says the count is a floor.
 */
export function boardCounts(
  db: DbOrTx,
  { filter, states }: { filter: BoardFilter; states: readonly string[] },
): Map<string, { n: number; capped: boolean }> {
  const search = searchOf(filter);
  const area = filter.workAreaId !== undefined;
  const out = new Map<string, { n: number; capped: boolean }>();
  if (!search) {
    const rows = prepared(db, boardCountsSql({ area })).all(params(filter, null)) as { state: string; n: number }[];
    const byState = new Map(rows.map((r) => [r.state, r.n]));
    for (const state of states) out.set(state, { n: byState.get(state) ?? 0, capped: false });
    return out;
  }
  const count = prepared(db, boardSearchCountSql({ area, search: search.kind }));
  for (const state of states) {
    const { n } = count.get({ ...params(filter, search), state, limit: SEARCH_COUNT_LIMIT + 1 }) as { n: number };
    out.set(state, { n: Math.min(n, SEARCH_COUNT_LIMIT), capped: n > SEARCH_COUNT_LIMIT });
  }
  return out;
}
