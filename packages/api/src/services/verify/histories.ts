import { AUDIT_CONTENT_COLUMNS, type AuditContentRow, type DbHandle } from '@kader/db';

type Sqlite = DbHandle['sqlite'];
/** What is used here of a prepared better-sqlite3 statement. */
type Statement = { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };

/** The entities verify-audit replays: each one's table and its rows' `entity_type` in the audit log. */
export type ReplayedKind = 'application' | 'contract';
const TABLE: Record<ReplayedKind, string> = { application: 'applications', contract: 'contracts' };

/** A stored row's columns the check compares, as stored: the snapshot is its JSON text. */
export type StoredRow = { id: number; machineVersion: number; state: string; snapshot: string; revision: number };

/**
 * An audit row as stored, in the array SQLite gave (`.raw()`: no object per row, ~5% of reading and
 * parsing the histories): every column the hash chain seals (db's AUDIT_CONTENT_COLUMNS), so that
 * the replay, which reads each row anyway, checks its seal too and the chain's check does not read
 * it again. Indexes used here and in replayEntity.ts: 2 entity_id, 3 seq, 4 type, 5 payload (JSON
 * text), 6 from_state, 7 to_state, 8 machine_version, 11 meta (JSON text or null).
 */
export type HistoryRow = AuditContentRow;
export const ENTITY_ID = 2;

export type History = { stored: StoredRow; rows: HistoryRow[] };

/**
 * Entities per page: two prepared queries per page rather than two per entity (per-entity drizzle
 * reads cost more than the replay itself), and never more than a page of rows in memory.
 */
const PAGE = 256;

type Statements = {
  /** a page's stored rows and audit rows, read in one read transaction */
  page: { deferred: (fromId: number, toId: number) => [unknown[], unknown[]] };
  count: Statement;
  ids: Statement;
  sealed: boolean;
};
const statements = new WeakMap<Sqlite, Record<ReplayedKind, Statements>>();

function statementsFor(sqlite: Sqlite, kind: ReplayedKind): Statements {
  let s = statements.get(sqlite);
  if (!s) {
    // a log older than the hash chain (migration 0005) has no seals: its rows are read without them
    const sealed =
      (sqlite.prepare("SELECT count(*) FROM pragma_table_info('audit_events') WHERE name = 'hash'").pluck().get() as number) > 0;
    const columns = sealed ? AUDIT_CONTENT_COLUMNS : AUDIT_CONTENT_COLUMNS.replace('prev_hash, hash', 'NULL, NULL');
    const forKind = (k: ReplayedKind): Statements => {
      const storedBetween = sqlite
        .prepare(`SELECT id, machine_version, state, snapshot, revision FROM ${TABLE[k]} WHERE id >= ? AND id <= ? ORDER BY id`)
        .raw();
      // the (entity_type, entity_id, seq) index serves both the range and the order
      const rows = sqlite
        .prepare(
          `SELECT ${columns} FROM audit_events
           WHERE entity_type = '${k}' AND entity_id >= ? AND entity_id <= ? ORDER BY entity_id, seq`,
        )
        .raw();
      return {
        sealed,
        // One read transaction for both: a command committing between the two reads (the server
        // running meanwhile) would otherwise show as a stored row behind its own audit rows.
        page: sqlite.transaction((fromId: number, toId: number): [unknown[], unknown[]] => [
          storedBetween.all(fromId, toId),
          rows.all(fromId, toId),
        ]),
        ids: sqlite.prepare(`SELECT id FROM ${TABLE[k]} ORDER BY id`).pluck(),
        count: sqlite.prepare(`SELECT count(*) FROM audit_events WHERE entity_type = '${k}'`).pluck(),
      };
    };
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

/**
 * One page: every audit row of `kind` whose entity id is from `fromId` to `toId` (in entity and
 * seq order), and the history of each stored entity in that range. Rows of an id without a stored
 * row are in `rows` (their seals are checked) but in no history (only stored rows are replayed).
 * `sealed` is false for a log older than the hash chain: its rows have no seal to check.
 */
export function historyPage(
  sqlite: Sqlite,
  kind: ReplayedKind,
  fromId: number,
  toId: number,
): { rows: HistoryRow[]; histories: History[]; sealed: boolean } {
  const s = statementsFor(sqlite, kind);
  const [stored, rows] = s.page.deferred(fromId, toId) as [RawStored[], HistoryRow[]];
  const histories: History[] = [];
  let r = 0;
  for (const [id, machineVersion, state, snapshot, revision] of stored) {
    while (r < rows.length && rows[r]![ENTITY_ID] < id) r++; // rows of an id with no stored row
    const from = r;
    while (r < rows.length && rows[r]![ENTITY_ID] === id) r++;
    histories.push({ stored: { id, machineVersion, state, snapshot, revision }, rows: rows.slice(from, r) });
  }
  return { rows, histories, sealed: s.sealed };
}

/**
 * The entity ids of `kind` cut into ranges of PAGE stored entities: the units of work handed to the
 * threads. The ranges are back to back from the lowest id to the highest there can be, so every
 * audit row of the kind falls in one, also one of an entity without a stored row or one written
 * after this plan.
 */
export function historyPages(sqlite: Sqlite, kind: ReplayedKind): { fromId: number; toId: number }[] {
  const ids = statementsFor(sqlite, kind).ids.all() as number[];
  const starts = ids.filter((_, i) => i % PAGE === 0);
  starts[0] = Number.MIN_SAFE_INTEGER;
  return starts.map((fromId, i) => ({
    fromId,
    toId: i + 1 < starts.length ? starts[i + 1]! - 1 : Number.MAX_SAFE_INTEGER,
  }));
}
