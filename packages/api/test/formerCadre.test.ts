import { registerCandidateSchema } from '@kader/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { sendContractEvent } from '../src/services/contracts/sendContractEvent';
import { getApplication, registerCandidate } from '../src/index';
import { candidateInput, contextFor, fixedClock, seedBranch, tempDatabase, recruitCadre } from './helpers';

/**
 * Issue 8: a former cadre comes back. Their application stays `active` for ever (it is the record
 * of how they were recruited), so registration looks at their agreements: once the last one has
 * ended they may apply in a later period; while one runs they are refused as an active cadre.
 */
let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let period2027: number;
const NIK = '3577015208900001';
const at = (iso: string) => new Date(iso);
const ctxAt = (iso: string) => contextFor(db.handle, () => at(iso), 'penyelia-uji');

beforeEach(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 5);
  period2027 = Number(
    db.handle.sqlite
      .prepare(
        'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods returning id',
      )
      .pluck()
      .get(),
  );
});
afterEach(() => db.cleanup());

/** A cadre recruited in 2026 whose agreement runs 2026-04-01 .. 2027-03-31 (evaluation due 2027-03-01). */
function cadreOf2026() {
  const clock = fixedClock('2026-03-01T02:00:00.000Z');
  const contract = recruitCadre(db.handle, contextFor(db.handle, clock.now, 'penyelia-uji'), clock, ids, NIK);
  return { applicationId: contract.applicationId!, contract };
}

const registerIn2027 = (iso = '2027-05-02T02:00:00.000Z') =>
  registerCandidate({ ctx: ctxAt(iso), input: registerCandidateSchema.parse(candidateInput(period2027, ids.area.id, NIK)) });
const applicationsOf = (candidateId: number) =>
  db.handle.sqlite.prepare('select count(*) from applications where candidate_id = ?').pluck().get(candidateId);

describe('a former cadre registers again in a later period', () => {
  it('is refused while their agreement runs, as an active cadre until its end date, and nothing is written', () => {
    const { contract } = cadreOf2026();
    let caught: unknown;
    try {
      registerIn2027('2027-01-10T02:00:00.000Z');
    } catch (e) {
      caught = e;
    }
    const refusal = { reason: 'STILL_ACTIVE_CADRE', params: { until: '2027-03-31', agreementNumber: 'PKS/001/KC-MDN/2026' } };
    expect(caught).toMatchObject({
      code: 'VALIDATION',
      reason: refusal,
      message:
        'Calon ini masih kader aktif sampai 31 Maret 2027 (PKS PKS/001/KC-MDN/2026); lamaran baru dapat dibuat setelah PKS-nya berakhir.',
      details: { fields: [{ path: 'candidate.nik', ...refusal }] },
    });
    expect(applicationsOf(contract.candidateId)).toBe(1);
  });

  it('may apply once the agreement lapsed without a decision', () => {
    const { applicationId, contract } = cadreOf2026();
    runContractScheduler(db.handle, at('2027-04-03T02:00:00Z'));
    const again = registerIn2027();
    expect(again.candidateId).toBe(contract.candidateId);
    expect(again.applicationId).not.toBe(applicationId);
    expect(applicationsOf(contract.candidateId)).toBe(2);
    // The new application's page shows the year they served before.
    const detail = getApplication({ ctx: ctxAt('2027-04-03T02:00:00Z'), input: { id: again.applicationId } });
    expect(detail.earlierContracts).toEqual([
      expect.objectContaining({ id: contract.id, agreementNumber: contract.agreementNumber, state: 'lapsed' }),
    ]);
  });

  it('once they applied again, the lapsed agreement may still be dropped late but not renewed', () => {
    const { contract } = cadreOf2026();
    runContractScheduler(db.handle, at('2027-04-03T02:00:00Z'));
    registerIn2027();
    const late = (decision: 'renew' | 'drop') => {
      const d = getContractDetail({ ctx: ctxAt('2027-05-03T02:00:00Z'), input: { id: contract.id } });
      return () =>
        decideRenewal({
          ctx: ctxAt('2027-05-03T02:00:00Z'),
          input: { id: d.id, revision: d.revision, decision, reason: 'Diputuskan terlambat setelah cuti' },
        });
    };
    const contracts = () => db.handle.sqlite.prepare('select count(*) from contracts').pluck().get();
    expect(late('renew')).toThrow(/sudah melamar lagi \(periode 2027/);
    expect(contracts()).toBe(1);
    expect(late('drop')().state).toBe('dropped');
  });

  it('may apply once they resigned', () => {
    const { contract } = cadreOf2026();
    sendContractEvent({
      ctx: ctxAt('2026-09-01T02:00:00.000Z'),
      input: { id: contract.id, revision: 1, event: { type: 'RESIGN', date: '2026-09-01', reasonCode: 'HEALTH' } },
    });
    expect(registerIn2027().candidateId).toBe(contract.candidateId);
  });

  it('looks at the last agreement of a renewed chain: refused while the renewed year runs', () => {
    const { contract } = cadreOf2026();
    runContractScheduler(db.handle, at('2027-03-01T02:00:00Z'));
    const ctx = ctxAt('2027-03-02T02:00:00.000Z');
    const d = getContractDetail({ ctx, input: { id: contract.id } });
    decideRenewal({ ctx, input: { id: d.id, revision: d.revision, decision: 'renew', reason: 'Kinerja baik sepanjang tahun' } });
    runContractScheduler(db.handle, at('2027-04-01T02:00:00Z')); // renewed: 2027-04-01 .. 2028-03-31
    expect(() => registerIn2027()).toThrow(/kader aktif sampai 31 Maret 2028 \(PKS PKS\/001\/KC-MDN\/2027\)/);
  });

  it('an active application with no agreement on record is still refused as before', () => {
    const { contract } = cadreOf2026();
    // A cadre activated before contract years existed has no contract row.
    db.handle.sqlite.pragma('foreign_keys = OFF');
    db.handle.sqlite.prepare('delete from contracts where id = ?').run(contract.id);
    db.handle.sqlite.pragma('foreign_keys = ON');
    expect(() => registerIn2027()).toThrow(/masih punya lamaran yang berjalan atau aktif/);
  });
});
