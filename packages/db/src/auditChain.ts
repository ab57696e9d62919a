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

// the one-shot hash: a third of createHash's cost per row, which verify-audit pays for every row
const hashOf = (content: unknown[]) => hashOnce('sha256', JSON.stringify(content), 'hex');

export function auditRowHash(prevHash: string | null, row: StoredAuditRow): string {
  return hashOf([
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
  ]);
}

export type AuditChainBreak = { id: number; entityType: string; entityId: number; seq: number; reason: string };

const rowName = (r: Pick<ChainedAuditRow, 'id' | 'entity_type' | 'entity_id' | 'seq'>) =>
  `audit row ${r.id} (${r.entity_type} ${r.entity_id} seq ${r.seq})`;

/** The highest seq seen so far of each entity, by entity type then id. */
type SeqState = Map<string, Map<number, number>>;

/** A gap or a step back in an entity's seq numbering, against the highest seq seen before it in id order (the row's columns apart: no object per row). */
function seqBreak(lastSeq: SeqState, id: number, entityType: string, entityId: number, seq: number): AuditChainBreak | null {
  let ofType = lastSeq.get(entityType);
  if (!ofType) lastSeq.set(entityType, (ofType = new Map()));
  const before = ofType.get(entityId) ?? 0;
  ofType.set(entityId, Math.max(seq, before));
  if (seq === before + 1) return null;
  const reason = seq > before + 1 ? `seq ${before + 1} is missing before it` : `seq ${seq} comes after seq ${before}`;
  const row = { id, entity_type: entityType, entity_id: entityId, seq };
  return { id, entityType, entityId, seq, reason: `seq ${seq}: ${rowName(row)}: ${reason}` };
}

/** The columns that name a row in a break's message. */
type RowName = Pick<ChainedAuditRow, 'id' | 'entity_type' | 'entity_id' | 'seq'>;

/** Where a break is (built only for a break: the checks run for every row of the log). */
const breakAt = (row: RowName) => ({
  id: row.id,
  entityType: row.entity_type,
  entityId: row.entity_id,
  seq: row.seq,
});

/**
 * A row without hash or whose content no longer gives its hash, or null (the row's own seal), from
 * its CHAIN_COLUMNS as `.raw()` gives them: exported for the replay, which reads the rows anyway.
 */
export function auditContentBreak(r: RawChainedRow): AuditChainBreak | null {
  const hash = r[13];
  if (hash === null) {
    const row = chainedRow(r);
    return { ...breakAt(row), reason: `seq ${row.seq}: ${rowName(row)} is not sealed: it has no hash` };
  }
  if (hashOf([r[12], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]]) !== hash) {
    const row = chainedRow(r);
    return {
      ...breakAt(row),
      reason: `seq ${row.seq}: ${rowName(row)} was changed after it was written: its hash does not match its content`,
    };
  }
  return null;
}

/** The break of a sealed row that does not follow the row before it in id order (`before`, null for the first row). */
const linkBreak = (row: RowName, before: RowName | null): AuditChainBreak => {
  const after = before ? `from ${rowName(before)}` : 'from the start (it should be the first row)';
  return {
    ...breakAt(row),
    reason: `seq ${row.seq}: ${rowName(row)} does not continue the hash chain ${after}: one of the two was rewritten, or rows between them were removed`,
  };
};

const CHAIN_COLUMNS =
  'id, entity_type, entity_id, seq, type, payload, from_state, to_state, machine_version, actor, at, meta, prev_hash, hash';

function assertChainColumns(sqlite: Database.Database) {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('audit_events')").all() as { name: string }[];
  if (!columns.some((c) => c.name === 'hash')) {
    throw new Error('the audit log has no hash chain yet (database older than migration 0005): run `kader migrate` first');
  }
}

/** How far the chain check has got: rows checked of `total` (told once, at the end). */
export type ChainProgress = (done: number, total: number) => void;

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
 * Every break of the whole log: a row without hash, a row whose content no longer gives its hash,
 * a row that does not follow the one before it, and a gap in an entity's seq numbering (a removed
 * row, named by its entity even when it was the chain's last link). Each row is compared with the
 * previous row's stored hash, so one rewritten row is one break, not a break at every row after it.
 * By row id, and within a row its seq break before its seal breaks. The parts below, over one range
 * of ids: the same parts verify-audit cuts into ranges and spreads over threads.
 */
export function checkAuditChain(sqlite: Database.Database, onProgress?: ChainProgress): AuditChainBreak[] {
  assertChainColumns(sqlite);
  const { lo, hi } = sqlite.prepare('SELECT min(id) AS lo, max(id) AS hi FROM audit_events').get() as {
    lo: number | null;
    hi: number | null;
  };
  if (lo === null || hi === null) {
    onProgress?.(0, 0);
    return [];
  }
  const range = { fromId: lo, toId: hi };
  const { breaks: links, rows } = auditLinkBreaks(sqlite, range);
  const content = auditContentBreaks(sqlite, { ...range, except: [] });
  const breaks = chainBreaksInOrder(auditSeqBreaks(sqlite), content, links);
  onProgress?.(rows, rows);
  return breaks;
}

/*
 * The check's parts, which can run apart (verify-audit hands them to worker threads, each on its
 * own connection): the seq numbering in one light pass (four columns), the links over ranges of
 * ids (each range from the row before it), and the content of each row, over ranges of ids or
 * wherever the row is read anyway. `chainBreaksInOrder` puts the parts' breaks in one order.
 */

/**
 * A row that could be a seq break, found by SQLite alone on the (entity_type, entity_id, seq)
 * index: in seq order, a row numbered other than one more than the row before it (1 for the
 * first), or with a lower id. Finding none is the same as finding no seq break in id order: each
 * entity's rows are then 1, 2, 3… in id order too, and rows so numbered give none of either.
 */
const SEQ_SUSPECT = `SELECT 1 FROM (
  SELECT seq, id, lag(seq) OVER w AS seq_before, lag(id) OVER w AS id_before FROM audit_events
  WINDOW w AS (PARTITION BY entity_type, entity_id ORDER BY seq)
) WHERE seq IS NOT coalesce(seq_before, 0) + 1 OR id < id_before LIMIT 1`;

/**
 * The seq breaks of every row, in id order. Looked for in SQLite first (above: ~0.14 s of CPU for
 * 121k rows against ~0.23 s to read them out and walk them here); only a log with a suspect row is
 * walked row by row to name its breaks.
 */
export function auditSeqBreaks(sqlite: Database.Database): AuditChainBreak[] {
  assertChainColumns(sqlite);
  if (sqlite.prepare(SEQ_SUSPECT).get() === undefined) return [];
  const lastSeq: SeqState = new Map();
  const breaks: AuditChainBreak[] = [];
  const rows = sqlite.prepare('SELECT id, entity_type, entity_id, seq FROM audit_events ORDER BY id').raw().iterate() as Iterable<
    [number, string, number, number]
  >;
  for (const [id, entityType, entityId, seq] of rows) {
    const gap = seqBreak(lastSeq, id, entityType, entityId, seq);
    if (gap) breaks.push(gap);
  }
  return breaks;
}

/**
 * The link breaks of the rows with ids from `fromId` to `toId` (a sealed row whose prev_hash is not
 * the hash of the row before it in id order), found by SQLite alone: no hash is read out into
 * JavaScript. Returns them in id order and the rows looked at.
 */
export function auditLinkBreaks(
  sqlite: Database.Database,
  { fromId, toId }: { fromId: number; toId: number },
): { breaks: AuditChainBreak[]; rows: number } {
  // checked here too: whichever part fails first is the one reported, so each fails the same way
  assertChainColumns(sqlite);
  // from the row before the range, so that the range's first row has its previous row too; only
  // the hash and the id are carried along (each lag column costs a pass), the rest read per break
  const links = sqlite
    .prepare(
      `SELECT id, before_id FROM (
        SELECT id, prev_hash, hash, lag(hash) OVER w AS before_hash, lag(id) OVER w AS before_id
        FROM audit_events WHERE id >= coalesce((SELECT max(id) FROM audit_events WHERE id < :from), :from) AND id <= :to
        WINDOW w AS (ORDER BY id)
      ) WHERE id >= :from AND hash IS NOT NULL AND prev_hash IS NOT before_hash ORDER BY id`,
    )
    .all({ from: fromId, to: toId }) as { id: number; before_id: number | null }[];
  const rows = sqlite.prepare('SELECT count(*) FROM audit_events WHERE id >= ? AND id <= ?').pluck().get(fromId, toId) as number;
  const named = sqlite.prepare('SELECT id, entity_type, entity_id, seq FROM audit_events WHERE id = ?');
  const nameOf = (id: number) => named.get(id) as RowName;
  const breaks = links.map((l) => linkBreak(nameOf(l.id), l.before_id === null ? null : nameOf(l.before_id)));
  return { breaks, rows };
}

/**
 * The content breaks (no hash, or a hash its content no longer gives) of the rows with ids from
 * `fromId` to `toId` whose entity type is not in `except`: verify-audit checks those rows' content
 * where it reads them anyway, in the replay (`auditContentBreak`), and does not read them twice.
 */
export function auditContentBreaks(
  sqlite: Database.Database,
  { fromId, toId, except }: { fromId: number; toId: number; except: readonly string[] },
): AuditChainBreak[] {
  assertChainColumns(sqlite);
  const others = except.length ? `AND entity_type NOT IN (${except.map(() => '?').join(', ')})` : '';
  const range = sqlite
    .prepare(`SELECT ${CHAIN_COLUMNS} FROM audit_events WHERE id >= ? AND id <= ? ${others} ORDER BY id`)
    .raw()
    .iterate(fromId, toId, ...except) as Iterable<RawChainedRow>;
  const breaks: AuditChainBreak[] = [];
  for (const r of range) {
    const b = auditContentBreak(r);
    if (b) breaks.push(b);
  }
  return breaks;
}

/** The columns `auditContentBreak` needs of a row, in this order (SQL for a select list). */
export const AUDIT_CONTENT_COLUMNS = CHAIN_COLUMNS;
/** A row of AUDIT_CONTENT_COLUMNS as `.raw()` returns it. */
export type AuditContentRow = RawChainedRow;

/**
 * The seq breaks, the content breaks and the link breaks of the parts, each list in any order of
 * rows, put in checkAuditChain's order: by row id, and within a row its seq break, then its content
 * break, then its link break.
 */
export function chainBreaksInOrder(
  seq: AuditChainBreak[],
  content: AuditChainBreak[],
  links: AuditChainBreak[],
): AuditChainBreak[] {
  // a stable sort by id keeps the lists' order within a row
  return [...seq, ...content, ...links].sort((a, b) => a.id - b.id);
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
