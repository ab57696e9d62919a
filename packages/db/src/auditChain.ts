import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The audit log's hash chain. Triggers stop a writer who goes through SQL; they do not stop
 * someone with the database file who drops them. So every audit row also carries
 * `hash = sha256(JSON.stringify([prev_hash, entity_type, entity_id, seq, type, payload, from_state,
 * to_state, machine_version, actor, at, meta]))` (hex), where prev_hash is the hash of the row
 * before it in id order (null for the first row): one chain through every entity, so a rewritten
 * row of any entity — branch, period, user, candidate, application, contract — no longer matches.
 *
 * The values are the columns exactly as stored (payload and meta as their JSON text, not parsed
 * and re-serialised), and a JSON array keeps the encoding unambiguous: no separator can be forged
 * inside a value. What the chain cannot show on its own is a rewrite of the whole tail, hashes
 * recomputed: for that the last hash must be kept somewhere else (see auditChainHead).
 */

/** An audit row's columns as stored (raw SQLite values, snake_case as in the table). */
export type StoredAuditRow = {
  entity_type: string;
  entity_id: number;
  seq: number;
  type: string;
  payload: string;
  from_state: string | null;
  to_state: string | null;
  machine_version: number | null;
  actor: string;
  at: string;
  meta: string | null;
};

/** The same with its place in the chain. */
export type ChainedAuditRow = StoredAuditRow & { id: number; prev_hash: string | null; hash: string | null };

export function auditRowHash(prevHash: string | null, row: StoredAuditRow): string {
  const content = [
    prevHash,
    row.entity_type,
    row.entity_id,
    row.seq,
    row.type,
    row.payload,
    row.from_state,
    row.to_state,
    row.machine_version,
    row.actor,
    row.at,
    row.meta,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export type AuditChainBreak = { id: number; entityType: string; entityId: number; seq: number; reason: string };

const rowName = (r: ChainedAuditRow) => `audit row ${r.id} (${r.entity_type} ${r.entity_id} seq ${r.seq})`;

/**
 * Walks rows in id order and yields every break: a row without hash, a row whose content no
 * longer gives its hash, a row that does not follow the one before it, and a gap in an entity's
 * seq numbering (a removed row, named by its entity even when it was the chain's last link).
 * Each row is compared with the previous row's stored hash, so one rewritten row is one break,
 * not a break at every row after it.
 */
export function* auditChainBreaks(rows: Iterable<ChainedAuditRow>): Generator<AuditChainBreak> {
  let previous: ChainedAuditRow | null = null;
  const lastSeq = new Map<string, number>();
  for (const row of rows) {
    const at = { id: row.id, entityType: row.entity_type, entityId: row.entity_id, seq: row.seq };
    const entity = `${row.entity_type}\u0000${row.entity_id}`;
    const expectedSeq = (lastSeq.get(entity) ?? 0) + 1;
    if (row.seq !== expectedSeq) {
      const reason =
        row.seq > expectedSeq ? `seq ${expectedSeq} is missing before it` : `seq ${row.seq} comes after seq ${expectedSeq - 1}`;
      yield { ...at, reason: `seq ${row.seq}: ${rowName(row)}: ${reason}` };
    }
    lastSeq.set(entity, Math.max(row.seq, lastSeq.get(entity) ?? 0));

    if (row.hash === null) {
      yield { ...at, reason: `seq ${row.seq}: ${rowName(row)} is not sealed: it has no hash` };
    } else if (auditRowHash(row.prev_hash, row) !== row.hash) {
      yield {
        ...at,
        reason: `seq ${row.seq}: ${rowName(row)} was changed after it was written: its hash does not match its content`,
      };
    }
    const expectedPrev = previous?.hash ?? null;
    if (row.hash !== null && row.prev_hash !== expectedPrev) {
      const after = previous ? `from ${rowName(previous)}` : 'from the start (it should be the first row)';
      yield {
        ...at,
        reason: `seq ${row.seq}: ${rowName(row)} does not continue the hash chain ${after}: one of the two was rewritten, or rows between them were removed`,
      };
    }
    previous = row;
  }
}

const CHAIN_COLUMNS =
  'id, entity_type, entity_id, seq, type, payload, from_state, to_state, machine_version, actor, at, meta, prev_hash, hash';

function assertChainColumns(sqlite: Database.Database) {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('audit_events')").all() as { name: string }[];
  if (!columns.some((c) => c.name === 'hash')) {
    throw new Error('the audit log has no hash chain yet (database older than migration 0005): run `kader migrate` first');
  }
}

/** Reads every audit row raw (text as stored, nothing parsed) and returns the chain's breaks. */
export function checkAuditChain(sqlite: Database.Database): AuditChainBreak[] {
  assertChainColumns(sqlite);
  return [
    ...auditChainBreaks(
      sqlite.prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_events ORDER BY id`).iterate() as Iterable<ChainedAuditRow>,
    ),
  ];
}

/** The last row's id and hash: written down elsewhere, it shows later whether the tail was rewritten. */
export function auditChainHead(sqlite: Database.Database): { id: number; hash: string | null } | null {
  return (
    (sqlite.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as
      | { id: number; hash: string | null }
      | undefined) ?? null
  );
}

const SEAL_BATCH = 500;

/**
 * Seals the rows written before the chain existed (migration 0005 adds the columns empty), in id
 * order, in one transaction; returns how many. Only the leading run of unsealed rows is sealed:
 * every row appended since 0005 is sealed when written, so an unsealed row after a sealed one is
 * tampering, which verify-audit must report rather than this quietly legitimise.
 */
export function sealLegacyAuditRows(sqlite: Database.Database): number {
  const first = sqlite.prepare('SELECT hash FROM audit_events ORDER BY id LIMIT 1').get() as { hash: string | null } | undefined;
  if (!first || first.hash !== null) return 0;
  const batch = sqlite.prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_events WHERE id > ? ORDER BY id LIMIT ${SEAL_BATCH}`);
  const seal = sqlite.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?');
  return sqlite
    .transaction(() => {
      let prev: string | null = null;
      let lastId = Number.MIN_SAFE_INTEGER;
      let sealed = 0;
      for (;;) {
        const rows = batch.all(lastId) as ChainedAuditRow[];
        for (const row of rows) {
          if (row.hash !== null) return sealed;
          const hash = auditRowHash(prev, row);
          seal.run(prev, hash, row.id);
          prev = hash;
          lastId = row.id;
          sealed++;
        }
        if (rows.length < SEAL_BATCH) return sealed;
      }
    })
    .immediate();
}
