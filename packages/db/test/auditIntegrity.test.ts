import { createHash } from 'node:crypto';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  AUDIT_CONTENT_COLUMNS,
  type AuditContentRow,
  auditContentBreak,
  auditContentBreaks,
  auditLinkBreaks,
  auditSeqBreaks,
  chainBreaksInOrder,
  checkAuditChain,
  insertBranch,
  insertCandidate,
  migrateDatabase,
  MIGRATIONS_FOLDER,
  type ChainedAuditRow,
  type DbHandle,
} from '../src/index';
import { migrationsUpTo, tempDatabase } from './tempDatabase';

let dir: string;
let h: DbHandle;
let cleanup: () => void;

beforeEach(() => {
  ({ handle: h, dir, cleanup } = tempDatabase('kader-audit-', { migrated: false }));
});
afterEach(() => cleanup());

type Raw = ChainedAuditRow;
const rows = () => h.sqlite.prepare('select * from audit_events order by id').all() as Raw[];

/** The chain's encoding, written out again here so a change to it is a visible, deliberate one. */
function expectedHash(prev: string | null, r: Raw) {
  const content = [
    prev,
    r.entity_type,
    r.entity_id,
    r.seq,
    r.type,
    r.payload,
    r.from_state,
    r.to_state,
    r.machine_version,
    r.actor,
    r.at,
    r.meta,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function seedRows() {
  const branch = insertBranch(h.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const cand = insertCandidate(h.db, {
    nik: '3577015208900001',
    name: 'Sri',
    phone: '+6281234567890',
    birthDate: '1990-08-12',
    sex: 'F',
    education: 'SMA',
    street: 'Jl. Pahlawan 1',
    rtRw: '001/002',
    village: 'Kartoharjo',
    district: 'Kartoharjo',
    regency: 'Kota Madiun',
  });
  appendAudit(h.db, {
    entityType: 'branch',
    entityId: branch.id,
    type: 'BRANCH_CREATED',
    payload: { code: 'KC-MDN' },
    actor: 'admin',
    at: '2026-11-23T01:00:00.000Z',
  });
  h.db.transaction((tx) => {
    appendAudit(tx, {
      entityType: 'candidate',
      entityId: cand.id,
      type: 'CANDIDATE_CORRECTED',
      payload: { fields: ['name'] },
      actor: 'spv',
      at: '2026-11-23T02:00:00.000Z',
      meta: { reason: 'salah ketik' },
    });
    appendAudit(tx, {
      entityType: 'branch',
      entityId: branch.id,
      type: 'QUOTA_SET',
      payload: { quota: 3 },
      fromState: null,
      toState: null,
      machineVersion: null,
      actor: 'admin',
      at: '2026-11-23T03:00:00.000Z',
    });
  });
  return { branch, cand };
}

const dropTriggers = () => {
  for (const { name } of h.sqlite
    .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'")
    .all() as { name: string }[]) {
    h.sqlite.exec(`drop trigger ${name}`);
  }
};

describe('the audit log refuses REPLACE', () => {
  beforeEach(() => migrateDatabase(h));

  it('REPLACE INTO / INSERT OR REPLACE over an existing audit row id is refused', () => {
    seedRows();
    const before = rows();
    const first = before[0]!;
    for (const verb of ['replace into', 'insert or replace into']) {
      expect(() =>
        h.sqlite
          .prepare(
            `${verb} audit_events (id, entity_type, entity_id, seq, type, payload, actor, at, prev_hash, hash) values (?, 'branch', ?, 1, 'BRANCH_CREATED', '{"code":"KC-XXX"}', 'admin', ?, ?, ?)`,
          )
          .run(first.id, first.entity_id, first.at, first.prev_hash, first.hash),
      ).toThrow(/append-only/);
    }
    expect(rows()).toEqual(before);
  });

  it('REPLACE on the (entity, seq) index is refused instead of silently deleting the old row', () => {
    seedRows();
    const before = rows();
    const last = before.at(-1)!;
    expect(() =>
      h.sqlite
        .prepare(
          "insert or replace into audit_events (entity_type, entity_id, seq, type, payload, actor, at, prev_hash, hash) values ('branch', ?, 1, 'BRANCH_CREATED', '{}', 'admin', 't', ?, 'x')",
        )
        .run(before[0]!.entity_id, last.hash),
    ).toThrow(/append-only/);
    expect(rows()).toEqual(before);
  });

  it('nik_views refuses REPLACE, UPDATE and DELETE', () => {
    const { cand } = seedRows();
    h.sqlite
      .prepare(
        "insert into users (username, name, role, password_hash, created_at, updated_at) values ('u', 'U', 'admin', 'x', 't', 't')",
      )
      .run();
    h.sqlite.prepare("insert into nik_views (user_id, candidate_id, at) values (1, ?, '2026-11-23T01:00:00.000Z')").run(cand.id);
    for (const verb of ['replace into', 'insert or replace into']) {
      expect(() =>
        h.sqlite.prepare(`${verb} nik_views (id, user_id, candidate_id, at) values (1, 1, ?, 'later')`).run(cand.id),
      ).toThrow(/append-only/);
    }
    expect(() => h.sqlite.prepare("update nik_views set at = 'later'").run()).toThrow(/append-only/);
    expect(() => h.sqlite.prepare('delete from nik_views').run()).toThrow(/append-only/);
    expect(h.sqlite.prepare('select id, at from nik_views').all()).toEqual([{ id: 1, at: '2026-11-23T01:00:00.000Z' }]);
  });
});

describe('the hash chain', () => {
  beforeEach(() => migrateDatabase(h));

  it('appendAudit chains every row, across entities, in id order', () => {
    seedRows();
    const all = rows();
    expect(all).toHaveLength(3);
    let prev: string | null = null;
    for (const r of all) {
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(expectedHash(prev, r));
      prev = r.hash;
    }
    expect(checkAuditChain(h.sqlite)).toEqual([]);
  });

  it('appendAudit returns the row as written, hash included', () => {
    const { branch } = seedRows();
    const row = appendAudit(h.db, {
      entityType: 'branch',
      entityId: branch.id,
      type: 'RENAMED',
      payload: { name: 'KC Madiun Kota' },
      actor: 'admin',
      at: 't',
      meta: { n: 1 },
    });
    const stored = rows().at(-1)!;
    expect(row).toEqual({
      id: stored.id,
      entityType: 'branch',
      entityId: branch.id,
      seq: 3,
      type: 'RENAMED',
      payload: { name: 'KC Madiun Kota' },
      fromState: null,
      toState: null,
      machineVersion: null,
      actor: 'admin',
      at: 't',
      meta: { n: 1 },
      prevHash: stored.prev_hash,
      hash: stored.hash,
    });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.payload).toBe('{"name":"KC Madiun Kota"}');
  });

  it('a sealed row cannot be updated, not even its hash', () => {
    seedRows();
    expect(() => h.sqlite.prepare("update audit_events set hash = 'x' where id = 1").run()).toThrow(/append-only/);
    expect(() => h.sqlite.prepare('update audit_events set prev_hash = null, hash = null where id = 2').run()).toThrow(
      /append-only/,
    );
    expect(() => h.sqlite.prepare("update audit_events set payload = '{}' where id = 1").run()).toThrow(/append-only/);
  });

  it('a new row must carry its hash and follow the last row', () => {
    seedRows();
    const last = rows().at(-1)!;
    const insert = h.sqlite.prepare(
      "insert into audit_events (entity_type, entity_id, seq, type, payload, actor, at, prev_hash, hash) values ('branch', 1, 9, 'X', '{}', 'a', 't', ?, ?)",
    );
    expect(() => insert.run(last.hash, null)).toThrow(/append-only/);
    expect(() => insert.run(null, 'f'.repeat(64))).toThrow(/append-only/);
    expect(() => insert.run(rows()[0]!.hash, 'f'.repeat(64))).toThrow(/append-only/);
  });

  it('names the entity whose row was rewritten behind the triggers', () => {
    const { branch, cand } = seedRows();
    dropTriggers();
    h.sqlite.prepare("update audit_events set payload = '{\"fields\":[]}' where entity_type = 'candidate'").run();
    h.sqlite.prepare("update audit_events set payload = '{\"quota\":30}' where entity_type = 'branch' and seq = 2").run();
    expect(checkAuditChain(h.sqlite)).toEqual([
      {
        id: 2,
        entityType: 'candidate',
        entityId: cand.id,
        seq: 1,
        reason: expect.stringContaining('does not match its content'),
      },
      { id: 3, entityType: 'branch', entityId: branch.id, seq: 2, reason: expect.stringContaining('does not match its content') },
    ]);
  });

  it('a rewritten row whose hash was recomputed breaks the link to the next row, naming both', () => {
    const { branch } = seedRows();
    dropTriggers();
    const [first] = rows();
    const forged = { ...first!, payload: '{"code":"KC-XXX"}' };
    h.sqlite
      .prepare('update audit_events set payload = ?, hash = ? where id = ?')
      .run(forged.payload, expectedHash(null, forged), first!.id);
    expect(checkAuditChain(h.sqlite)).toEqual([
      {
        id: 2,
        entityType: 'candidate',
        entityId: expect.any(Number),
        seq: 1,
        reason: expect.stringContaining(`audit row 1 (branch ${branch.id} seq 1)`),
      },
    ]);
  });

  it("a deleted row is named by the gap it leaves in its entity's numbering", () => {
    const { branch } = seedRows();
    appendAudit(h.db, {
      entityType: 'branch',
      entityId: branch.id,
      type: 'QUOTA_SET',
      payload: { quota: 4 },
      actor: 'admin',
      at: 't',
    });
    dropTriggers();
    h.sqlite.prepare("delete from audit_events where entity_type = 'branch' and seq = 2").run();
    const breaks = checkAuditChain(h.sqlite);
    expect(breaks).toContainEqual({
      id: 4,
      entityType: 'branch',
      entityId: branch.id,
      seq: 3,
      reason: expect.stringContaining('seq 2 is missing'),
    });
    expect(breaks).toContainEqual({
      id: 4,
      entityType: 'branch',
      entityId: branch.id,
      seq: 3,
      reason: expect.stringContaining('does not continue the hash chain'),
    });
  });

  it('a later start does not seal a row whose hash was removed after the chain existed', () => {
    const { cand } = seedRows();
    dropTriggers();
    h.sqlite.prepare('update audit_events set payload = \'{"fields":[]}\', prev_hash = null, hash = null where id = 2').run();
    migrateDatabase(h);
    expect(rows()[1]!.hash).toBeNull();
    expect(checkAuditChain(h.sqlite)).toContainEqual({
      id: 2,
      entityType: 'candidate',
      entityId: cand.id,
      seq: 1,
      reason: expect.stringContaining('not sealed'),
    });
  });
});

describe('the chain check in parts (verify-audit spreads them over threads)', () => {
  beforeEach(() => migrateDatabase(h));

  it('finds the same breaks, in the same order, wherever the id ranges are cut', () => {
    const { branch, cand } = seedRows();
    for (let i = 0; i < 4; i++) {
      appendAudit(h.db, {
        entityType: i % 2 ? 'candidate' : 'branch',
        entityId: i % 2 ? cand.id : branch.id,
        type: 'QUOTA_SET',
        payload: { quota: i },
        actor: 'admin',
        at: `t${i}`,
      });
    }
    dropTriggers();
    // a rewritten row, a removed row (a gap and a broken link on the next), an unsealed row
    h.sqlite.prepare('update audit_events set payload = \'{"quota":99}\' where id = 3').run();
    h.sqlite.prepare('delete from audit_events where id = 5').run();
    h.sqlite.prepare('update audit_events set hash = null where id = 7').run();
    const whole = checkAuditChain(h.sqlite);
    expect(whole.length).toBeGreaterThanOrEqual(4);

    const ids = rows().map((r) => r.id);
    const [lo, hi] = [ids[0]!, ids[ids.length - 1]!];
    // the candidate's rows have their content checked apart, as the replay checks the rows it reads
    const candidateRows = h.sqlite
      .prepare(`select ${AUDIT_CONTENT_COLUMNS} from audit_events where entity_type = 'candidate' order by id desc`)
      .raw()
      .all() as AuditContentRow[];
    const apart = candidateRows.flatMap((r) => auditContentBreak(r) ?? []);
    expect(apart.length).toBeGreaterThan(0);
    for (let span = 1; span <= hi - lo + 1; span++) {
      for (const except of [[], ['candidate']]) {
        const links = [];
        const content = except.length ? [...apart] : [];
        for (let from = lo; from <= hi; from += span) {
          const range = { fromId: from, toId: Math.min(from + span - 1, hi) };
          links.push(...auditLinkBreaks(h.sqlite, range).breaks);
          content.push(...auditContentBreaks(h.sqlite, { ...range, except }));
        }
        expect(chainBreaksInOrder(auditSeqBreaks(h.sqlite), content, links)).toEqual(whole);
      }
    }
  });

  it("the seq part (read in SQLite first) names every break in an entity's numbering that the whole check names", () => {
    const { branch } = seedRows();
    for (let i = 0; i < 4; i++) {
      appendAudit(h.db, {
        entityType: 'branch',
        entityId: branch.id,
        type: 'QUOTA_SET',
        payload: { quota: i },
        actor: 'a',
        at: 't',
      });
    }
    const seqBreaksOf = () => checkAuditChain(h.sqlite).filter((b) => /is missing before it|comes after seq/.test(b.reason));
    expect(auditSeqBreaks(h.sqlite)).toEqual([]);
    dropTriggers();
    const branchRows = () => rows().filter((r) => r.entity_type === 'branch');
    // two rows trading places in the numbering: 1, 2, 3… in seq order, but not in id order
    const [, second, third] = branchRows();
    h.sqlite.prepare('update audit_events set seq = -1 where id = ?').run(second!.id);
    h.sqlite.prepare('update audit_events set seq = ? where id = ?').run(second!.seq, third!.id);
    h.sqlite.prepare('update audit_events set seq = ? where id = ?').run(third!.seq, second!.id);
    expect(seqBreaksOf().length).toBeGreaterThan(0);
    expect(auditSeqBreaks(h.sqlite)).toEqual(seqBreaksOf());
    // a seq taken twice (the unique index dropped with the file in hand) and the numbering's start moved
    h.sqlite.exec('drop index audit_entity_seq');
    const last = branchRows().at(-1)!;
    h.sqlite.prepare('update audit_events set seq = ? where id = ?').run(last.seq - 1, last.id);
    h.sqlite.prepare('update audit_events set seq = 2 where id = ?').run(branchRows()[0]!.id);
    expect(auditSeqBreaks(h.sqlite)).toEqual(seqBreaksOf());
    expect(seqBreaksOf().length).toBeGreaterThan(2);
  });

  it('reports its progress up to every row', () => {
    seedRows();
    const seen: [number, number][] = [];
    checkAuditChain(h.sqlite, (done, total) => seen.push([done, total]));
    expect(seen.at(-1)).toEqual([3, 3]);
  });
});

describe('upgrading a database written before the hash chain', () => {
  function legacyDatabase() {
    migrate(h.db, { migrationsFolder: migrationsUpTo(dir, '0004_agreement_number_pattern') });
    const insert = h.sqlite.prepare(
      'insert into audit_events (entity_type, entity_id, seq, type, payload, actor, at, meta) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('branch', 1, 1, 'BRANCH_CREATED', '{"code":"KC-MDN"}', 'admin', '2026-11-20T01:00:00.000Z', null);
    insert.run(
      'application',
      1,
      1,
      'REGISTERED',
      '{"input":{"age":36}}',
      'rekruter',
      '2026-11-20T02:00:00.000Z',
      '{"periodId":1}',
    );
    insert.run('branch', 1, 2, 'QUOTA_SET', '{"quota":3}', 'admin', '2026-11-20T03:00:00.000Z', null);
    return rows();
  }

  it('migrating seals the old rows in id order, and the chain then checks', () => {
    const before = legacyDatabase();
    migrateDatabase(h);
    const after = rows();
    let prev: string | null = null;
    after.forEach((r, i) => {
      expect({ ...r, prev_hash: undefined, hash: undefined }).toEqual({ ...before[i], prev_hash: undefined, hash: undefined });
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(expectedHash(prev, r));
      prev = r.hash;
    });
    expect(checkAuditChain(h.sqlite)).toEqual([]);
    // New rows continue the chain from the sealed ones.
    const next = appendAudit(h.db, {
      entityType: 'branch',
      entityId: 1,
      type: 'QUOTA_SET',
      payload: { quota: 4 },
      actor: 'admin',
      at: 't',
    });
    expect(next.seq).toBe(3);
    expect(next.prevHash).toBe(prev);
    expect(checkAuditChain(h.sqlite)).toEqual([]);
    migrateDatabase(h); // a second start seals nothing and changes nothing
    expect(rows().at(-1)!.hash).toBe(next.hash);
  });

  it('before sealing, an old row may only gain its hash, nothing else may change', () => {
    legacyDatabase();
    migrate(h.db, { migrationsFolder: MIGRATIONS_FOLDER }); // the schema step alone, without the sealing
    expect(() => h.sqlite.prepare("update audit_events set actor = 'mallory', hash = 'x' where id = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => h.sqlite.prepare("update audit_events set actor = 'mallory' where id = 1").run()).toThrow(/append-only/);
    expect(() => h.sqlite.prepare('delete from audit_events where id = 1').run()).toThrow(/append-only/);
    expect(checkAuditChain(h.sqlite).map((b) => b.reason)).toEqual([
      expect.stringContaining('not sealed'),
      expect.stringContaining('not sealed'),
      expect.stringContaining('not sealed'),
    ]);
    migrateDatabase(h);
    expect(checkAuditChain(h.sqlite)).toEqual([]);
  });
});
