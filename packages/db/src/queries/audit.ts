import type Database from 'better-sqlite3';
import { and, asc, eq } from 'drizzle-orm';
import { auditRowHash, type StoredAuditRow } from '../auditChain';
import { auditEvents } from '../schema';
import type { DbOrTx } from '../types';
import { connectionOf, prepared } from './prepared';

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAudit = Omit<typeof auditEvents.$inferInsert, 'id' | 'seq' | 'prevHash' | 'hash'>;

// Every command appends: with statements cached per connection the whole chained append (~55 µs
// here) costs less than drizzle's builder took for the seq lookup alone (~130 µs).

type Statements = { nextSeq: Database.Statement; lastHash: Database.Statement; insert: Database.Statement };
const statements = new WeakMap<Database.Database, Statements>();

function statementsFor(sqlite: Database.Database): Statements {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      nextSeq: sqlite
        .prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM audit_events WHERE entity_type = ? AND entity_id = ?')
        .pluck(),
      lastHash: sqlite.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').pluck(),
      insert: sqlite.prepare(
        `INSERT INTO audit_events (entity_type, entity_id, seq, type, payload, from_state, to_state, machine_version, actor, at, meta, prev_hash, hash)
         VALUES (@entity_type, @entity_id, @seq, @type, @payload, @from_state, @to_state, @machine_version, @actor, @at, @meta, @prev_hash, @hash)`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/**
 * Appends the entity's next event, chained to the last row of the log (see auditChain.ts); the
 * insert trigger refuses a racing duplicate seq and a row that does not follow the last one.
 * payload and meta are stored as JSON text (as drizzle's json columns did) and hashed as that text.
 */
export function appendAudit(db: DbOrTx, row: NewAudit): AuditRow {
  const sqlite = connectionOf(db);
  const s = statementsFor(sqlite);
  const append = (): AuditRow => {
    const prevHash = (s.lastHash.get() as string | null | undefined) ?? null;
    const stored: StoredAuditRow = {
      entity_type: row.entityType,
      entity_id: row.entityId,
      seq: s.nextSeq.get(row.entityType, row.entityId) as number,
      type: row.type,
      payload: JSON.stringify(row.payload),
      from_state: row.fromState ?? null,
      to_state: row.toState ?? null,
      machine_version: row.machineVersion ?? null,
      actor: row.actor,
      at: row.at,
      meta: row.meta == null ? null : JSON.stringify(row.meta),
    };
    const hash = auditRowHash(prevHash, stored);
    const { lastInsertRowid } = s.insert.run({ ...stored, prev_hash: prevHash, hash });
    return {
      id: Number(lastInsertRowid),
      entityType: stored.entity_type,
      entityId: stored.entity_id,
      seq: stored.seq,
      type: stored.type,
      payload: JSON.parse(stored.payload) as unknown,
      fromState: stored.from_state,
      toState: stored.to_state,
      machineVersion: stored.machine_version,
      actor: stored.actor,
      at: stored.at,
      meta: stored.meta === null ? null : (JSON.parse(stored.meta) as unknown),
      prevHash,
      hash,
    };
  };
  // Callers append inside their write transaction; a lone append gets one of its own, so reading
  // the last hash and inserting after it cannot interleave with another connection's append.
  return sqlite.inTransaction ? append() : sqlite.transaction(append).immediate();
}

export function listAudit(db: DbOrTx, { entityType, entityId }: { entityType: string; entityId: number }): AuditRow[] {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.seq))
    .all();
}

/** One entry of an entity's timeline as a page shows it: what happened, when, by whom, from and to which state. */
export type TimelineEntry = {
  seq: number;
  type: string;
  payload: unknown;
  fromState: string | null;
  toState: string | null;
  actor: string;
  at: string;
};

/**
 * A page of an entity's timeline, newest first, the entries before `before` (a seq; the newest
 * when absent): a keyset on the (entity_type, entity_id, seq) index, so a page costs the same
 * however long the history is.
 */
export function listTimelinePage(
  db: DbOrTx,
  { entityType, entityId, before, limit }: { entityType: string; entityId: number; before?: number | undefined; limit: number },
): TimelineEntry[] {
  const rows = prepared(
    db,
    `SELECT seq, type, payload, from_state AS fromState, to_state AS toState, actor, at
     FROM audit_events WHERE entity_type = ? AND entity_id = ? AND seq < ?
     ORDER BY seq DESC LIMIT ?`,
  ).all(entityType, entityId, before ?? Number.MAX_SAFE_INTEGER, limit) as (Omit<TimelineEntry, 'payload'> & {
    payload: string;
  })[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}

/** A step an entity has taken: the event and the states it went from and to. */
export type PathStep = { type: string; fromState: string | null; toState: string | null };

/**
 * The distinct steps an entity has taken (each event type with its from and to state), which is
 * what a state diagram marks: as many as the machine has edges, however long the history.
 */
export function listPathSteps(db: DbOrTx, { entityType, entityId }: { entityType: string; entityId: number }): PathStep[] {
  return prepared(
    db,
    `SELECT DISTINCT type, from_state AS fromState, to_state AS toState
     FROM audit_events WHERE entity_type = ? AND entity_id = ?`,
  ).all(entityType, entityId) as PathStep[];
}
