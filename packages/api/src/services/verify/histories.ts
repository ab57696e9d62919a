import type { DbHandle } from '@kader/db';

type Sqlite = DbHandle['sqlite'];
/** What is used here of a prepared better-sqlite3 statement. */
type Statement = { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };

/** The entities verify-audit replays: each one's table and its rows' `entity_type` in the audit log. */
export type ReplayedKind = 'application' | 'contract';
const TABLE: Record<ReplayedKind, string> = { application: 'applications', contract: 'contracts' };

/** A stored row's columns the check compares, as stored: the snapshot is its JSON text. */
export type StoredRow = { id: number; machineVersion: number; state: string; snapshot: string; revision: number };

/**
 * An audit row's columns the replay reads, as stored (`payload` and `meta` are JSON text), in the
 * array SQLite gave (`.raw()`): no object per row (~5% of reading and parsing the histories).
 */
export type HistoryRow = [
  entityId: number,
  seq: number,
  type: string,
  payload: string,
  fromState: string | null,
  toState: string | null,
  machineVersion: number | null,
  meta: string | null,
];

export type History = { stored: StoredRow; rows: HistoryRow[] };

/**
 * Entities read per page: two prepared queries per page rather than two per entity (per-entity
 * drizzle reads cost more than the replay itself), and never more than a page of rows in memory.
 */
const PAGE = 256;

type Statements = { stored: Statement; storedBetween: Statement; rows: Statement; count: Statement; ids: Statement };
const statements = new WeakMap<Sqlite, Record<ReplayedKind, Statements>>();

function statementsFor(sqlite: Sqlite, kind: ReplayedKind): Statements {
  let s = statements.get(sqlite);
  if (!s) {
    const forKind = (k: ReplayedKind): Statements => ({
      stored: sqlite
        .prepare(`SELECT id, machine_version, state, snapshot, revision FROM ${TABLE[k]} WHERE id > ? ORDER BY id LIMIT ${PAGE}`)
        .raw(),
      storedBetween: sqlite
        .prepare(`SELECT id, machine_version, state, snapshot, revision FROM ${TABLE[k]} WHERE id >= ? AND id <= ? ORDER BY id`)
        .raw(),
      ids: sqlite.prepare(`SELECT id FROM ${TABLE[k]} ORDER BY id`).pluck(),
      // the (entity_type, entity_id, seq) index serves both the range and the order
      rows: sqlite
        .prepare(
          `SELECT entity_id, seq, type, payload, from_state, to_state, machine_version, meta FROM audit_events
           WHERE entity_type = '${k}' AND entity_id >= ? AND entity_id <= ? ORDER BY entity_id, seq`,
        )
        .raw(),
      count: sqlite.prepare(`SELECT count(*) FROM audit_events WHERE entity_type = '${k}'`).pluck(),
    });
    s = { application: forKind('application'), contract: forKind('contract') };
    statements.set(sqlite, s);
  }
  return s[kind];
}

/** The entities verify-audit replays, in the order it replays and reports them. */
export const REPLAYED_KINDS: readonly ReplayedKind[] = ['application', 'contract'];

/** How many audit rows the replayed entities have: the replay's progress counts them. */
export function replayRowCount(sqlite: Sqlite): number {
  return REPLAYED_KINDS.reduce((n, kind) => n + (statementsFor(sqlite, kind).count.get() as number), 0);
}

type RawStored = [number, number, string, string, number];

/** The histories of one page of stored rows (in id order), its audit rows read in one query. */
function* pageHistories(s: Statements, page: RawStored[]): Generator<History> {
  const first = page[0];
  const last = page[page.length - 1];
  if (!first || !last) return;
  const rows = s.rows.all(first[0], last[0]) as HistoryRow[];
  let r = 0;
  for (const stored of page) {
    const id = stored[0];
    while (r < rows.length && rows[r]![0] < id) r++; // rows of an id with no stored row
    const from = r;
    while (r < rows.length && rows[r]![0] === id) r++;
    yield {
      stored: { id, machineVersion: stored[1], state: stored[2], snapshot: stored[3], revision: stored[4] },
      rows: rows.slice(from, r),
    };
  }
}

/**
 * Every stored entity of `kind` in id order with its audit rows in seq order, a page of entities
 * at a time. Audit rows of an id without a stored row are not read (only stored rows are checked).
 */
export function* histories(sqlite: Sqlite, kind: ReplayedKind): Generator<History> {
  const s = statementsFor(sqlite, kind);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const page = s.stored.all(after) as RawStored[];
    yield* pageHistories(s, page);
    if (page.length < PAGE) return;
    after = page[page.length - 1]![0];
  }
}

/** The same for the stored rows with ids from `fromId` to `toId`: one page of `historyPages`. */
export function historiesBetween(sqlite: Sqlite, kind: ReplayedKind, fromId: number, toId: number): Generator<History> {
  const s = statementsFor(sqlite, kind);
  return pageHistories(s, s.storedBetween.all(fromId, toId) as RawStored[]);
}

/** The stored ids of `kind` cut into pages of PAGE ids: the units of work handed to the workers. */
export function historyPages(sqlite: Sqlite, kind: ReplayedKind): { fromId: number; toId: number }[] {
  const ids = statementsFor(sqlite, kind).ids.all() as number[];
  const pages: { fromId: number; toId: number }[] = [];
  for (let i = 0; i < ids.length; i += PAGE) pages.push({ fromId: ids[i]!, toId: ids[Math.min(i + PAGE, ids.length) - 1]! });
  return pages;
}
