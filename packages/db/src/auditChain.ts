import { hash as hashOnce } from 'node:crypto';
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
  // the one-shot hash: a third of createHash's cost per row, which verify-audit pays for every row
  return hashOnce('sha256', JSON.stringify(content), 'hex');
}

export type AuditChainBreak = { id: number; entityType: string; entityId: number; seq: number; reason: string };

const rowName = (r: Pick<ChainedAuditRow, 'id' | 'entity_type' | 'entity_id' | 'seq'>) =>
  `audit row ${r.id} (${r.entity_type} ${r.entity_id} seq ${r.seq})`;

/** The highest seq seen so far of each entity, by entity type then id. */
type SeqState = Map<string, Map<number, number>>;

/** A gap or a step back in an entity's seq numbering, against the highest seq seen before it in id order. */
function seqBreak(
  lastSeq: SeqState,
  row: Pick<ChainedAuditRow, 'id' | 'entity_type' | 'entity_id' | 'seq'>,
): AuditChainBreak | null {
  let ofType = lastSeq.get(row.entity_type);
  if (!ofType) lastSeq.set(row.entity_type, (ofType = new Map()));
  const before = ofType.get(row.entity_id) ?? 0;
  ofType.set(row.entity_id, Math.max(row.seq, before));
  if (row.seq === before + 1) return null;
  const reason = row.seq > before + 1 ? `seq ${before + 1} is missing before it` : `seq ${row.seq} comes after seq ${before}`;
  return {
    id: row.id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    seq: row.seq,
    reason: `seq ${row.seq}: ${rowName(row)}: ${reason}`,
  };
}

/** Where a break is (built only for a break: the checks run for every row of the log). */
const breakAt = (row: ChainedAuditRow) => ({ id: row.id, entityType: row.entity_type, entityId: row.entity_id, seq: row.seq });

/** Adds to `out` a row without hash or whose content no longer gives its hash, then one that does not follow `previous`. */
function sealBreaks(previous: ChainedAuditRow | null, row: ChainedAuditRow, out: AuditChainBreak[]): void {
  if (row.hash === null) {
    out.push({ ...breakAt(row), reason: `seq ${row.seq}: ${rowName(row)} is not sealed: it has no hash` });
  } else if (auditRowHash(row.prev_hash, row) !== row.hash) {
    out.push({
      ...breakAt(row),
      reason: `seq ${row.seq}: ${rowName(row)} was changed after it was written: its hash does not match its content`,
    });
  }
  const expectedPrev = previous?.hash ?? null;
  if (row.hash !== null && row.prev_hash !== expectedPrev) {
    const after = previous ? `from ${rowName(previous)}` : 'from the start (it should be the first row)';
    out.push({
      ...breakAt(row),
      reason: `seq ${row.seq}: ${rowName(row)} does not continue the hash chain ${after}: one of the two was rewritten, or rows between them were removed`,
    });
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

/** How far the chain check has got: rows read so far of `total`, reported every PROGRESS_EVERY rows and at the end. */
export type ChainProgress = (done: number, total: number) => void;
const PROGRESS_EVERY = 4096;

/** A row of CHAIN_COLUMNS as `.raw()` returns it, in that order. */
type RawChainedRow = [
  number,
  string,
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  number | null,
  string,
  string,
  string | null,
  string | null,
  string | null,
];

const chainedRow = (r: RawChainedRow): ChainedAuditRow => ({
  id: r[0],
  entity_type: r[1],
  entity_id: r[2],
  seq: r[3],
  type: r[4],
  payload: r[5],
  from_state: r[6],
  to_state: r[7],
  machine_version: r[8],
  actor: r[9],
  at: r[10],
  meta: r[11],
  prev_hash: r[12],
  hash: r[13],
});

/**
 * Reads every audit row as stored (text as written, nothing parsed), in id order in one pass over
 * a prepared statement, and returns every break: a row without hash, a row whose content no
 * longer gives its hash, a row that does not follow the one before it, and a gap in an entity's
 * seq numbering (a removed row, named by its entity even when it was the chain's last link).
 * Each row is compared with the previous row's stored hash, so one rewritten row is one break,
 * not a break at every row after it. A row's seq break comes before its seal breaks. Rows come as
 * arrays (`.raw()`, cheaper than the driver's objects).
 */
export function checkAuditChain(sqlite: Database.Database, onProgress?: ChainProgress): AuditChainBreak[] {
  assertChainColumns(sqlite);
  const total = onProgress ? (sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get() as number) : 0;
  const rows = sqlite.prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_events ORDER BY id`).raw().iterate() as Iterable<RawChainedRow>;
  let previous: ChainedAuditRow | null = null;
  const lastSeq: SeqState = new Map();
  const breaks: AuditChainBreak[] = [];
  let done = 0;
  for (const r of rows) {
    const row = chainedRow(r);
    const gap = seqBreak(lastSeq, row);
    if (gap) breaks.push(gap);
    sealBreaks(previous, row, breaks);
    previous = row;
    if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done, total);
  }
  onProgress?.(done, Math.max(done, total));
  return breaks;
}

/*
 * The same check in parts that can run apart (verify-audit hands them to worker threads, each on
 * its own connection): the seq numbering in one light pass (four columns), and the seals (hash and
 * link) over ranges of ids, each range starting from the row before it. `chainBreaksInOrder` puts
 * the parts' breaks back into checkAuditChain's order.
 */

/** The seq breaks of every row, in id order. */
export function auditSeqBreaks(sqlite: Database.Database): AuditChainBreak[] {
  assertChainColumns(sqlite);
  const lastSeq: SeqState = new Map();
  const breaks: AuditChainBreak[] = [];
  const rows = sqlite.prepare('SELECT id, entity_type, entity_id, seq FROM audit_events ORDER BY id').raw().iterate() as Iterable<
    [number, string, number, number]
  >;
  for (const [id, entity_type, entity_id, seq] of rows) {
    const gap = seqBreak(lastSeq, { id, entity_type, entity_id, seq });
    if (gap) breaks.push(gap);
  }
  return breaks;
}

/** The seal breaks of the rows with ids from `fromId` to `toId`, in id order; returns them and the rows read. */
export function auditSealBreaks(
  sqlite: Database.Database,
  { fromId, toId }: { fromId: number; toId: number },
): { breaks: AuditChainBreak[]; rows: number } {
  // checked here too: whichever part fails first is the one reported, so each fails the same way
  assertChainColumns(sqlite);
  const before = sqlite
    .prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_events WHERE id < ? ORDER BY id DESC LIMIT 1`)
    .raw()
    .get(fromId) as RawChainedRow | undefined;
  let previous = before ? chainedRow(before) : null;
  const breaks: AuditChainBreak[] = [];
  let rows = 0;
  const range = sqlite
    .prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_events WHERE id >= ? AND id <= ? ORDER BY id`)
    .raw()
    .iterate(fromId, toId) as Iterable<RawChainedRow>;
  for (const r of range) {
    const row = chainedRow(r);
    sealBreaks(previous, row, breaks);
    previous = row;
    rows++;
  }
  return { breaks, rows };
}

/** The seq breaks and the seal breaks of consecutive ranges (in range order), in checkAuditChain's order. */
export function chainBreaksInOrder(seq: AuditChainBreak[], seals: AuditChainBreak[]): AuditChainBreak[] {
  // a stable sort by id: within a row, its seq break (listed first) before its seal breaks
  return [...seq, ...seals].sort((a, b) => a.id - b.id);
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
