import { appendAudit, findContractByApplication, insertCandidate, insertContract, insertUser } from '@kader/db';
import { contractInputFor, replayContract } from '@kader/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { renewalQueue } from '../src/services/contracts/renewalQueue';
import { quotaFor } from '../src/services/quota';
import { verifyAuditLog } from '../src/index';
import { contextFor, fixedClock, seedBranch, tempDatabase, userContext, recruitCadre } from './helpers';

/**
 * Issue 8, contract machine v2: an agreement that lapsed because nobody decided in time is decided
 * late by a supervisor, with a written reason: a renewal creates the next year and takes a place
 * in that year's quota (refused when none is left), a drop ends it.
 */
let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
const at = (iso: string) => new Date(iso);
const LATE = '2027-04-10T02:00:00.000Z';

beforeEach(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 5);
  db.handle.sqlite
    .prepare(
      'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods',
    )
    .run();
});
afterEach(() => db.cleanup());

/** A cadre whose agreement 2026-04-01 .. 2027-03-31 lapsed without a decision. */
function lapsedCadre(nik = '3577015208900001') {
  const clock = fixedClock('2026-03-01T02:00:00.000Z');
  const contract = recruitCadre(db.handle, contextFor(db.handle, clock.now, 'penyelia-uji'), clock, ids, nik);
  runContractScheduler(db.handle, at('2027-04-02T02:00:00Z'));
  return findContractByApplication(db.handle.db, contract.applicationId!)!;
}

function supervisor() {
  insertUser(db.handle.db, {
    username: 'penyelia-mdn',
    name: 'Penyelia Madiun',
    role: 'supervisor',
    branchId: ids.branch.id,
    passwordHash: 'x',
    createdAt: LATE,
    updatedAt: LATE,
  });
  return userContext(db.handle, 'penyelia-mdn', () => at(LATE));
}

const rowOf = (id: number) =>
  db.handle.sqlite.prepare('select state, revision from contracts where id = ?').get(id) as { state: string; revision: number };
const renewalOf = (id: number) =>
  db.handle.sqlite.prepare('select * from contracts where previous_contract_id = ?').get(id) as
    | Record<string, unknown>
    | undefined;
const auditCount = () => db.handle.sqlite.prepare('select count(*) from audit_events').pluck().get();
const REASON = 'Evaluasi terlewat karena penyelia cuti; kinerja setahun baik';

describe('a lapsed agreement decided late (contract v2)', () => {
  it('the renewal queue offers it: a supervisor may decide it late', () => {
    const c = lapsedCadre();
    const ctx = supervisor();
    expect(renewalQueue({ ctx, input: {} }).items.map((q) => [q.id, q.state])).toEqual([[c.id, 'lapsed']]);
    expect(getContractDetail({ ctx, input: { id: c.id } }).allowedEvents).toEqual(['DECIDE_LATE']);
  });

  it('a late renewal creates the next year as a renewal does and takes a place in its quota; verify-audit is clean', () => {
    const c = lapsedCadre();
    const ctx = supervisor();
    const before = quotaFor(db.handle.db, ids.branch.id, 2027)!.used;
    const d = decideRenewal({ ctx, input: { id: c.id, revision: rowOf(c.id).revision, decision: 'renew', reason: REASON } });
    expect(d.state).toBe('renewed');
    expect(d.context.decision).toEqual({ decision: 'renew', reason: REASON, recommendation: 'drop' });
    expect(renewalOf(c.id)).toMatchObject({
      start_date: '2027-04-01',
      end_date: '2028-03-31',
      state: 'active',
      agreement_number: 'PKS/001/KC-MDN/2027',
    });
    expect(quotaFor(db.handle.db, ids.branch.id, 2027)!.used).toBe(before + 1);
    const audit = db.handle.sqlite
      .prepare(
        "select type, from_state, to_state, machine_version, actor, meta from audit_events where entity_type = 'contract' and entity_id = ? order by seq desc limit 1",
      )
      .get(c.id);
    expect(audit).toMatchObject({
      type: 'DECIDE_LATE',
      from_state: 'lapsed',
      to_state: 'renewed',
      machine_version: 2,
      actor: 'penyelia-mdn',
    });
    expect(JSON.parse((audit as { meta: string }).meta)).toMatchObject({ nextYear: 2027, quota: 5, quotaUsedBefore: before });
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
  });

  it('a late renewal is refused when next year has no place left, and nothing is written', () => {
    const c = lapsedCadre();
    const ctx = supervisor();
    const used = quotaFor(db.handle.db, ids.branch.id, 2027)!.used;
    db.handle.sqlite.prepare('update recruitment_periods set quota = ? where year = 2027').run(used);
    const audits = auditCount();
    expect(() =>
      decideRenewal({ ctx, input: { id: c.id, revision: rowOf(c.id).revision, decision: 'renew', reason: REASON } }),
    ).toThrow(/Kuota tahun 2027 sudah penuh/);
    expect(rowOf(c.id).state).toBe('lapsed');
    expect(renewalOf(c.id)).toBeUndefined();
    expect(auditCount()).toBe(audits);
  });

  it('a late drop ends the agreement as not renewed, with no next year', () => {
    const c = lapsedCadre();
    const d = decideRenewal({
      ctx: supervisor(),
      input: { id: c.id, revision: rowOf(c.id).revision, decision: 'drop', reason: 'Tidak pernah mengirim laporan bulanan' },
    });
    expect(d.state).toBe('dropped');
    expect(renewalOf(c.id)).toBeUndefined();
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
  });

  it('a recruiter is refused, and nothing is written', () => {
    const c = lapsedCadre();
    insertUser(db.handle.db, {
      username: 'rekruter-mdn',
      name: 'Rekruter Madiun',
      role: 'recruiter',
      branchId: ids.branch.id,
      passwordHash: 'x',
      createdAt: LATE,
      updatedAt: LATE,
    });
    const ctx = userContext(db.handle, 'rekruter-mdn', () => at(LATE));
    expect(getContractDetail({ ctx, input: { id: c.id } }).allowedEvents).toEqual([]);
    const audits = auditCount();
    expect(() =>
      decideRenewal({ ctx, input: { id: c.id, revision: rowOf(c.id).revision, decision: 'renew', reason: REASON } }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(rowOf(c.id).state).toBe('lapsed');
    expect(auditCount()).toBe(audits);
  });

  it('without a written reason it is refused naming the field, even for a renewal the scorecard recommends', () => {
    const c = lapsedCadre();
    const ctx = supervisor();
    const audits = auditCount();
    const { revision } = rowOf(c.id);
    for (const reason of ['', 'ok']) {
      let caught: unknown;
      try {
        decideRenewal({ ctx, input: { id: c.id, revision, decision: 'renew', reason } });
      } catch (e) {
        caught = e;
      }
      expect(caught).toMatchObject({
        code: 'VALIDATION',
        reason: { reason: 'WRITE_DECISION_REASON', params: { kind: 'late', minimum: 5 } },
        message: 'Tuliskan alasan keputusan terlambat (paling sedikit 5 karakter).',
        details: { fields: [{ path: 'reason', reason: 'WRITE_DECISION_REASON', params: { kind: 'late', minimum: 5 } }] },
      });
    }
    expect(rowOf(c.id)).toEqual({ state: 'lapsed', revision });
    expect(auditCount()).toBe(audits);
  });
});

describe('an agreement recorded under contract v1, decided late under v2', () => {
  /** Writes a lapsed contract exactly as the v1 code did: version 1 on the row and on its audit rows. */
  function contractWrittenByV1() {
    const candidate = insertCandidate(db.handle.db, {
      nik: '3577014502870099',
      name: 'Rahayu',
      phone: '+6281234567890',
      birthDate: '1987-02-05',
      sex: 'F',
      education: 'SMK',
      street: 'Jl. Pahlawan 3',
      rtRw: '001/001',
      village: 'Kartoharjo',
      district: 'Kartoharjo',
      regency: 'Kota Madiun',
      updatedAt: '2026-03-01T02:00:00.000Z',
      createdAt: '2026-03-01T02:00:00.000Z',
    });
    const input = contractInputFor({ agreementNumber: 'PKS/099/KC-MDN/2026', startDate: '2026-04-01', previousContractId: null });
    const events = [{ seq: 2, type: 'AGREEMENT_ENDED', payload: {}, machineVersion: 1 }];
    const lapsed = replayContract({ input, machineVersion: 1 }, events);
    if (!lapsed.ok) throw new Error(lapsed.reason);
    const t = '2027-04-01T02:00:00.000Z';
    const row = insertContract(db.handle.db, {
      candidateId: candidate.id,
      applicationId: null,
      previousContractId: null,
      branchId: ids.branch.id,
      workAreaId: ids.area.id,
      agreementNumber: input.agreementNumber,
      startDate: input.startDate,
      endDate: input.endDate,
      evaluationDueOn: input.evaluationDueOn,
      familiesAssigned: 500,
      machineId: 'contract',
      machineVersion: 1,
      state: lapsed.state,
      snapshot: lapsed.persisted,
      revision: 2,
      stateEnteredAt: t,
      createdAt: t,
      updatedAt: t,
    });
    const audit = { entityType: 'contract', entityId: row.id, actor: 'v1', at: t, machineVersion: 1 };
    appendAudit(db.handle.db, { ...audit, type: 'CONTRACT_STARTED', payload: { input }, fromState: null, toState: 'active' });
    appendAudit(db.handle.db, { ...audit, type: 'AGREEMENT_ENDED', payload: {}, fromState: 'active', toState: 'lapsed' });
    return row;
  }

  it('is restored through the v1 -> v2 step, decided late, and its audit log (v1 then v2) still replays', () => {
    const c = contractWrittenByV1();
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
    const ctx = supervisor();
    const d = decideRenewal({ ctx, input: { id: c.id, revision: 2, decision: 'renew', reason: REASON } });
    expect(d.state).toBe('renewed');
    const versions = db.handle.sqlite
      .prepare("select machine_version v from audit_events where entity_type = 'contract' and entity_id = ? order by seq")
      .pluck()
      .all(c.id);
    expect(versions).toEqual([1, 1, 2]);
    expect(db.handle.sqlite.prepare('select machine_version from contracts where id = ?').pluck().get(c.id)).toBe(2);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
  });
});
