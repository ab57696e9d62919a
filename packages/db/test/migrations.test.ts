import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  insertApplication,
  insertBranch,
  insertCandidate,
  insertPeriod,
  insertWorkArea,
  listAudit,
  migrateDatabase,
  updateApplicationIfRevision,
  type DbHandle,
} from '../src/index';
import { tempDatabase } from './tempDatabase';

let h: DbHandle;
let cleanup: () => void;

beforeEach(() => {
  ({ handle: h, cleanup } = tempDatabase('kader-db-'));
});
afterEach(() => cleanup());

function seedOne() {
  const branch = insertBranch(h.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const area = insertWorkArea(h.db, { branchId: branch.id, name: 'Kota Madiun' });
  const period = insertPeriod(h.db, { branchId: branch.id, year: 2026, quota: 2, rules: {} });
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
  const t = '2026-11-23T01:00:00.000Z';
  const app = insertApplication(h.db, {
    candidateId: cand.id,
    periodId: period.id,
    workAreaId: area.id,
    machineId: 'recruitment',
    machineVersion: 1,
    state: 'registered',
    snapshot: { value: 'registered' },
    revision: 1,
    stateEnteredAt: t,
    createdAt: t,
    updatedAt: t,
  });
  return { app };
}

describe('database', () => {
  it('migrating twice is harmless and sets the pragmas', () => {
    migrateDatabase(h);
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('the audit log refuses UPDATE and DELETE', () => {
    const { app } = seedOne();
    appendAudit(h.db, { entityType: 'application', entityId: app.id, type: 'REGISTERED', payload: {}, actor: 'x', at: 'now' });
    expect(() => h.sqlite.prepare("update audit_events set actor = 'y'").run()).toThrow(/append-only/);
    expect(() => h.sqlite.prepare('delete from audit_events').run()).toThrow(/append-only/);
    expect(listAudit(h.db, { entityType: 'application', entityId: app.id })).toHaveLength(1);
  });

  it("numbers an entity's audit events from 1 and refuses a duplicate seq", () => {
    const { app } = seedOne();
    const a = appendAudit(h.db, { entityType: 'application', entityId: app.id, type: 'A', payload: {}, actor: 'x', at: 't' });
    const b = appendAudit(h.db, { entityType: 'application', entityId: app.id, type: 'B', payload: {}, actor: 'x', at: 't' });
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(() =>
      h.sqlite
        .prepare(
          "insert into audit_events (entity_type, entity_id, seq, type, payload, actor, at) values ('application', ?, 2, 'C', '{}', 'x', 't')",
        )
        .run(app.id),
    ).toThrow(/UNIQUE/);
  });

  it('a write with a stale revision changes nothing', () => {
    const { app } = seedOne();
    const values = { state: 'administrativeCheck', snapshot: { v: 2 }, machineVersion: 1, stateEnteredAt: 't2', updatedAt: 't2' };
    expect(updateApplicationIfRevision(h.db, { id: app.id, expectedRevision: 1, values })).toBe(true);
    expect(
      updateApplicationIfRevision(h.db, { id: app.id, expectedRevision: 1, values: { ...values, state: 'writtenTest' } }),
    ).toBe(false);
    const row = h.sqlite.prepare('select state, revision from applications where id = ?').get(app.id);
    expect(row).toEqual({ state: 'administrativeCheck', revision: 2 });
  });

  it('foreign keys are enforced', () => {
    expect(() => insertWorkArea(h.db, { branchId: 999, name: 'Nowhere' })).toThrow(/FOREIGN KEY/);
  });
});
