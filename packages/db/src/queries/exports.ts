import { type BoardCardRow, type BoardCursor, type BoardFilter, boardColumnPage } from './board';
import { type ContractCursor, type ContractFilter, type ContractListItem, listContracts } from './contracts';
import { prepared } from './prepared';
import type { DbOrTx } from '../types';

/**
 * The row sources of the CSV exports (`GET /export/<list>.csv`): each list's own keyset page walked
 * from its first page to its last, one page per step. A page is one statement run to completion
 * (`.all()`), never an open `.iterate()`: the HTTP writer waits for the client between pages, and
 * while a better-sqlite3 iterator is open the connection refuses every other statement, so one
 * slow download would stop the whole server. A keyset walk also costs the same per page however
 * deep it is, and a row that moves while the export runs (a board card changing stage) is met at
 * most once in its old place and once in its new — the list's own paging has the same property.
 */

/** How many rows an export reads per statement: a few hundred KB of CSV, a few ms of the event loop. */
export const EXPORT_PAGE_SIZE = 500;

/** Every page of a keyset-paged list, in its order: `page(after)` gives one page and where the next starts. */
export function* keysetPages<T, C>(page: (after: C | null) => { items: T[]; next: C | null }): Generator<T[], void, void> {
  let after: C | null = null;
  for (;;) {
    const { items, next } = page(after);
    if (items.length) yield items;
    if (!next) return;
    after = next;
  }
}

/**
 * A period's board as its columns list it: each state in the order given, then its cards in the
 * board's order (state_entered_at, id), each page the same keyset walk of `applications_board` the
 * board's own columns page with (`boardColumnPage`), so the filter (work area, search, the NIK
 * match allowed) means exactly what it means on the board.
 */
export function* boardExportPages(
  db: DbOrTx,
  { filter, states, pageSize = EXPORT_PAGE_SIZE }: { filter: BoardFilter; states: readonly string[]; pageSize?: number },
): Generator<BoardCardRow[], void, void> {
  for (const state of states) {
    yield* keysetPages<BoardCardRow, BoardCursor>((after) => boardColumnPage(db, { filter, state, after, pageSize }));
  }
}

/** Agreement years as the cadres list pages them (soonest end first, `listContracts`), every page. */
export function contractExportPages(
  db: DbOrTx,
  { filter, pageSize = EXPORT_PAGE_SIZE }: { filter: ContractFilter; pageSize?: number },
): Generator<ContractListItem[], void, void> {
  return keysetPages<ContractListItem, ContractCursor>((after) => listContracts(db, { filter, after, pageSize }));
}

const RECORD_NIK_VIEWS_BY_NIK = `INSERT INTO nik_views (user_id, candidate_id, at)
  SELECT @userId, c.id, @at FROM candidates c WHERE c.nik IN (SELECT value FROM json_each(@niks))`;

/**
 * An export that carries full NIKs is logged like a reveal: one `nik_views` row per candidate
 * whose NIK left in the file. Found by NIK (unique per candidate), so the list rows need carry no
 * candidate id; one statement per page. Returns how many were logged.
 */
export function recordNikViewsByNik(
  db: DbOrTx,
  { userId, niks, at }: { userId: number; niks: readonly string[]; at: string },
): number {
  if (niks.length === 0) return 0;
  return prepared(db, RECORD_NIK_VIEWS_BY_NIK).run({ userId, at, niks: JSON.stringify(niks) }).changes;
}
