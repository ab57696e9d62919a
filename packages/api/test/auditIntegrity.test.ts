import { auditRowHash, type StoredAuditRow } from '@kader/db';
import { registerCandidateSchema } from '@kader/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCandidate, verifyAuditLog } from '../src/index';
import { correctCandidate } from '../src/services/correctCandidate';
import { createBranch } from '../src/services/planning/createBranch';
import { candidateInput, contextFor, fixedClock, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ctx: ReturnType<typeof contextFor>;
let ids: ReturnType<typeof seedBranch>;

beforeEach(() => {
  db = tempDatabase();
  ctx = contextFor(db.handle, fixedClock().now);
  ids = seedBranch(db.handle, 2);
});
afterEach(() => db.cleanup());

const register = (nik: string, name: string) =>
  registerCandidate({ ctx, input: registerCandidateSchema.parse(candidateInput(ids.period.id, ids.area.id, nik, name)) });

/** Someone with the database file in hand: the triggers are only in their way. */
function dropAuditTriggers() {
  const sqlite = db.handle.sqlite;
  for (const { name } of sqlite
    .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'")
    .all() as { name: string }[]) {
    sqlite.exec(`drop trigger ${name}`);
  }
}

/** The same forger, thorough: recomputes the whole chain after the rewrite, so only a replay can tell. */
function resealWholeChain() {
  const sqlite = db.handle.sqlite;
  const columns = sqlite.prepare("select name from pragma_table_info('audit_events')").all() as { name: string }[];
  if (!columns.some((c) => c.name === 'hash')) return; // no chain to recompute
  const rows = sqlite.prepare('select * from audit_events order by id').all() as (StoredAuditRow & { id: number })[];
  const update = sqlite.prepare('update audit_events set prev_hash = ?, hash = ? where id = ?');
  let prev: string | null = null;
  for (const row of rows) {
    const hash = auditRowHash(prev, row);
    update.run(prev, hash, row.id);
    prev = hash;
  }
}

const rewrite = (entityType: string, entityId: number, seq: number, payload: string) =>
  db.handle.sqlite
    .prepare('update audit_events set payload = ? where entity_type = ? and entity_id = ? and seq = ?')
    .run(payload, entityType, entityId, seq);

describe('verify-audit checks the hash chain over every entity', () => {
  it('names a branch whose audit row was rewritten behind the triggers', () => {
    register('3577015208900001', 'Sri Rahayu');
    const branch = createBranch({
      ctx,
      input: { code: 'KC-NGW', name: 'KC Ngawi', timeZone: 'Asia/Jakarta', workAreas: [{ name: 'Kabupaten Ngawi' }] },
    });
    expect(verifyAuditLog(db.handle)).toEqual({ checked: 1, mismatches: [] });

    dropAuditTriggers();
    rewrite(
      'branch',
      branch.id,
      1,
      JSON.stringify({ code: 'KC-NGW', name: 'KC Ngawi Palsu', timeZone: 'Asia/Jakarta', workAreas: [] }),
    );
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      { kind: 'branch', id: branch.id, seq: 1, reason: expect.stringMatching(/^seq 1: .*does not match its content/) },
    ]);
  });

  it("names a candidate whose correction was rewritten, and the application's replay still passes", () => {
    const { applicationId } = register('3577015208900001', 'Sri Rahayu');
    const candidateId = db.handle.sqlite.prepare('select candidate_id id from applications where id = ?').get(applicationId) as {
      id: number;
    };
    correctCandidate({
      ctx,
      input: {
        id: candidateId.id,
        revision: 1,
        reason: 'Salah ketik nama',
        name: 'Sri Rahayuningsih',
        phone: '+6281234567890',
        nik: '3577015208900001',
        address: {
          street: 'Jl. Pahlawan 12',
          rtRw: '003/004',
          village: 'Kartoharjo',
          district: 'Kartoharjo',
          regency: 'Kota Madiun',
        },
      },
    });
    dropAuditTriggers();
    rewrite('candidate', candidateId.id, 1, JSON.stringify({ fields: ['phone'], reason: 'Salah ketik nomor' }));
    expect(verifyAuditLog(db.handle)).toEqual({
      checked: 1,
      mismatches: [
        { kind: 'candidate', id: candidateId.id, seq: 1, reason: expect.stringContaining('does not match its content') },
      ],
    });
  });
});

describe('verify-audit on a forged or corrupt first event', () => {
  const noInput = 'seq 1: the starting event carries no machine input';
  it.each([
    ['without input', 'payload', '{}', noInput],
    ['with input that is not an object', 'payload', '{"input":42}', noInput],
    ['that is null', 'payload', 'null', noInput],
    ['with input missing its rules', 'payload', '{"input":{"age":36}}', expect.any(String)],
    ['that is not JSON', 'payload', 'not json', expect.stringMatching(/^cannot be replayed: SyntaxError: /)],
    [
      'of a machine version that never existed',
      'machine_version',
      99,
      'cannot be replayed: Error: unknown recruitment machine version 99',
    ],
  ])('reports the application whose first event is %s, and goes on to the others', (_label, column, value, reason) => {
    const a = register('3577015208900001', 'Sri Rahayu').applicationId;
    const b = register('3577011203850002', 'Budi Santoso').applicationId;
    dropAuditTriggers();
    db.handle.sqlite
      .prepare(`update audit_events set ${column} = ? where entity_type = 'application' and entity_id = ? and seq = 1`)
      .run(value, a);
    resealWholeChain();
    // b is broken too, in another way, and must still be looked at after a.
    db.handle.sqlite.prepare("update applications set state = 'active' where id = ?").run(b);

    const report = verifyAuditLog(db.handle);
    expect(report.checked).toBe(2);
    expect(report.mismatches).toEqual([
      { kind: 'application', id: a, reason },
      { kind: 'application', id: b, reason: 'state column says active, replay says registered' },
    ]);
  });
});
