import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { renewalQueue } from '../src/services/contracts/renewalQueue';
import { registerCandidateSchema } from '@kader/workflow';
import { getApplication, registerCandidate, sendApplicationEvent, verifyAuditLog } from '../src/index';
import {
  candidateInput,
  contextFor,
  fixedClock,
  monthInput as month,
  REQUIRED_DOCS,
  seedBranch,
  tempDatabase,
  recruitCadre,
  recordedOnAt,
} from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ctx: ReturnType<typeof contextFor>;
let ids: ReturnType<typeof seedBranch>;
let clock: ReturnType<typeof fixedClock>;

beforeEach(() => {
  db = tempDatabase();
  clock = fixedClock('2026-03-01T02:00:00.000Z');
  ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
  ids = seedBranch(db.handle, 5);
});
afterEach(() => db.cleanup());

/** A cadre whose agreement runs 2026-04-01 .. 2027-03-31 (evaluation due 2027-03-01). */
const activeCadre = (nik?: string, start?: string) => recruitCadre(db.handle, ctx, clock, ids, nik, start);
const recordedOn = (date: string) => recordedOnAt(clock, date);

const at = (iso: string) => new Date(iso);
const stateOf = (id: number) =>
  (db.handle.sqlite.prepare('select state from contracts where id = ?').get(id) as { state: string }).state;

describe('contract years', () => {
  it('activation starts the first agreement year in the same transaction', () => {
    const c = activeCadre();
    expect(c).toMatchObject({
      state: 'active',
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      evaluationDueOn: '2027-03-01',
      agreementNumber: 'PKS/001/KC-MDN/2026',
    });
  });

  it('refuses a signing whose agreement number is already used', () => {
    activeCadre('3577015208900001'); // PKS/001/KC-MDN/2026
    const { applicationId: id } = registerCandidate({
      ctx,
      input: registerCandidateSchema.parse(candidateInput(ids.period.id, ids.area.id, '3577011203850009')),
    });
    const send = (event: Record<string, unknown>) =>
      sendApplicationEvent({ ctx, input: { id, revision: getApplication({ ctx, input: { id } }).revision, event } });
    send({ type: 'BEGIN_ADMIN_CHECK' });
    for (const document of REQUIRED_DOCS) send({ type: 'VERIFY_DOCUMENT', document });
    send({ type: 'COMPLETE_ADMIN_CHECK' });
    send({ type: 'RECORD_WRITTEN_TEST_SCORE', score: 80 });
    send({ type: 'RECORD_INTERVIEW_SCORE', score: 80 });
    expect(() =>
      send({
        type: 'SIGN_AGREEMENT',
        agreementNumber: 'PKS/001/KC-MDN/2026',
        signedOn: recordedOn('2026-03-20'),
        startDate: '2026-04-01',
      }),
    ).toThrow(/sudah dipakai/);
  });
});

describe('scheduler (injected clock, branch zone)', () => {
  it('sends nothing early, EVALUATION_DUE on the due date in WIB, and is idempotent', () => {
    const c = activeCadre();
    expect(runContractScheduler(db.handle, at('2027-02-28T16:59:00Z')).sent).toEqual([]); // 23.59 WIB on 28 Feb
    const due = runContractScheduler(db.handle, at('2027-02-28T17:00:00Z')); // 00.00 WIB on 1 Mar
    expect(due.sent).toEqual([{ contractId: c.id, type: 'EVALUATION_DUE', to: 'evaluationDue' }]);
    expect(runContractScheduler(db.handle, at('2027-02-28T18:00:00Z')).sent).toEqual([]);
  });

  it('with no decision by the end date the agreement lapses, also when the server was down across both dates', () => {
    const c = activeCadre();
    // The server was down from before the due date until after the end date: one catch-up run.
    const run = runContractScheduler(db.handle, at('2027-04-03T02:00:00Z'));
    expect(run.sent.map((s) => s.type)).toEqual(['AGREEMENT_ENDED']);
    expect(stateOf(c.id)).toBe('lapsed');
    expect(runContractScheduler(db.handle, at('2027-04-04T02:00:00Z')).sent).toEqual([]);
    // Lapsed without a decision: flagged in the renewal queue (head office sees every branch's).
    const queue = renewalQueue({ ctx: { ...ctx, now: () => at('2027-04-04T02:00:00Z') }, input: {} });
    expect(queue.items.map((q) => [q.id, q.state])).toEqual([[c.id, 'lapsed']]);
    const history = db.handle.sqlite
      .prepare("select type, actor from audit_events where entity_type = 'contract' and entity_id = ? order by seq")
      .all(c.id);
    expect(history).toEqual([
      { type: 'CONTRACT_STARTED', actor: 'penyelia-uji' },
      { type: 'AGREEMENT_ENDED', actor: 'penjadwal' },
    ]);
  });

  it('a restart between the two dates catches up the evaluation, then the end', () => {
    const c = activeCadre();
    expect(runContractScheduler(db.handle, at('2027-03-10T02:00:00Z')).sent.map((s) => s.to)).toEqual(['evaluationDue']);
    expect(runContractScheduler(db.handle, at('2027-04-01T02:00:00Z')).sent.map((s) => s.to)).toEqual(['lapsed']);
    expect(stateOf(c.id)).toBe('lapsed');
  });
});

describe('renew or drop', () => {
  // Head office has set next year's places.
  beforeEach(() => {
    db.handle.sqlite
      .prepare(
        'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods',
      )
      .run();
  });

  function dueCadre(nik: string, q: number) {
    const c = activeCadre(nik);
    for (const m of ['2026-04', '2026-05', '2026-06'])
      recordMonth({ ctx, input: { contractId: c.id, revision: null, record: month(m, q) } });
    runContractScheduler(db.handle, at('2027-03-01T02:00:00Z'));
    return getContractDetail({ ctx, input: { id: c.id } });
  }

  it('a strong cadre is recommended and renewed: the next year starts the day after, linked, numbered', () => {
    const d = dueCadre('3577015208900001', 1);
    expect(d.state).toBe('evaluationDue');
    expect(d.scorecard).toMatchObject({ months: ['2026-04', '2026-05', '2026-06'], recommendation: 'renew' });
    expect(d.monthsReported).toBe(3);
    const decided = decideRenewal({ ctx, input: { id: d.id, revision: d.revision, decision: 'renew', reason: '' } });
    expect(decided.context.decision).toEqual({ decision: 'renew', reason: '', recommendation: 'renew' });
    runContractScheduler(db.handle, at('2027-04-01T02:00:00Z'));
    expect(stateOf(d.id)).toBe('renewed');
    const next = db.handle.sqlite.prepare('select * from contracts where previous_contract_id = ?').get(d.id) as Record<
      string,
      unknown
    >;
    expect(next).toMatchObject({
      start_date: '2027-04-01',
      end_date: '2028-03-31',
      state: 'active',
      agreement_number: 'PKS/001/KC-MDN/2027',
    });
    expect(getContractDetail({ ctx, input: { id: d.id } }).chain.map((c) => c.state)).toEqual(['renewed', 'active']);
  });

  it("a renewal is numbered by the branch's own pattern", () => {
    db.handle.sqlite.prepare("update branches set agreement_number_pattern = 'PKS/{seq:4}/{kode}/{romawi}/{yyyy}'").run();
    const d = dueCadre('3577015208900001', 1);
    decideRenewal({ ctx, input: { id: d.id, revision: d.revision, decision: 'renew', reason: '' } });
    runContractScheduler(db.handle, at('2027-04-01T02:00:00Z'));
    const next = db.handle.sqlite.prepare('select agreement_number n from contracts where previous_contract_id = ?').get(d.id);
    expect(next).toEqual({ n: 'PKS/0001/KC-MDN/IV/2027' });
  });

  it('a drop needs a reason; a renewal against a drop recommendation needs a justification', () => {
    const d = dueCadre('3577015208900001', 0.2);
    expect(d.scorecard?.recommendation).toBe('drop');
    const tryDecide = (decision: 'renew' | 'drop', reason: string) => () =>
      decideRenewal({ ctx, input: { id: d.id, revision: d.revision, decision, reason } });
    expect(tryDecide('drop', '')).toThrow(/alasan tidak diperpanjang/);
    expect(tryDecide('renew', '')).toThrow(/Rekomendasi: tidak diperpanjang/);
    expect(tryDecide('renew', '')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        reason: { reason: 'WRITE_DECISION_REASON', params: { kind: 'againstRecommendation', minimum: 5 } },
        details: { fields: [expect.objectContaining({ path: 'reason', reason: 'WRITE_DECISION_REASON' })] },
      }),
    );
    const done = tryDecide('renew', 'Sakit tiga bulan, kinerja sebelumnya baik')();
    expect(done.context.decision).toMatchObject({ decision: 'renew', recommendation: 'drop' });
  });

  it("a renewal takes a place in next year's quota and is refused when none is left", () => {
    db.handle.sqlite.prepare('update recruitment_periods set quota = 1 where year = 2027').run();
    const a = dueCadre('3577015208900001', 1);
    const b = dueCadre('3577011203850002', 1);
    decideRenewal({ ctx, input: { id: a.id, revision: a.revision, decision: 'renew', reason: '' } });
    expect(() => decideRenewal({ ctx, input: { id: b.id, revision: b.revision, decision: 'renew', reason: '' } })).toThrow(
      /Kuota tahun 2027 sudah penuh \(1 dari 1/,
    );
    expect(() => decideRenewal({ ctx, input: { id: b.id, revision: b.revision, decision: 'renew', reason: '' } })).toThrow(
      expect.objectContaining({
        code: 'QUOTA_EXCEEDED',
        reason: { reason: 'RENEWAL_QUOTA_FULL', params: { year: 2027, used: 1, quota: 1 } },
      }),
    );
    expect(stateOf(b.id)).toBe('evaluationDue');
    // Changing the first decision to a drop gives the place back.
    const a2 = getContractDetail({ ctx, input: { id: a.id } });
    decideRenewal({
      ctx,
      input: { id: a.id, revision: a2.revision, decision: 'drop', reason: 'Pindah domisili ke luar wilayah' },
    });
    expect(
      decideRenewal({ ctx, input: { id: b.id, revision: b.revision, decision: 'renew', reason: '' } }).context.decision?.decision,
    ).toBe('renew');
  });
});

describe('monthly reports', () => {
  it('re-recording a month updates it (audited), a stale revision is a conflict, and months outside the agreement are refused', () => {
    const c = activeCadre();
    const first = recordMonth({ ctx, input: { contractId: c.id, revision: null, record: month('2026-04', 0.5) } });
    expect(first.months).toHaveLength(1);
    expect(() => recordMonth({ ctx, input: { contractId: c.id, revision: null, record: month('2026-04', 0.6) } })).toThrow(
      /baru saja diubah/,
    );
    const second = recordMonth({ ctx, input: { contractId: c.id, revision: 1, record: month('2026-04', 0.6) } });
    expect(second.months).toHaveLength(1);
    expect(second.months[0]).toMatchObject({ revision: 2, record: { familiesVisited: 300 } });
    expect(() => recordMonth({ ctx, input: { contractId: c.id, revision: null, record: month('2027-05') } })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        reason: { reason: 'INVALID_INPUT', params: { count: 1 } },
        details: {
          fields: [{ path: 'record.month', reason: 'MONTH_OUTSIDE_AGREEMENT', params: { first: '2026-04', last: '2027-03' } }],
        },
      }),
    );
    const types = db.handle.sqlite
      .prepare("select type from audit_events where entity_type = 'contract' and entity_id = ? order by seq")
      .all(c.id);
    expect(types.map((t) => (t as { type: string }).type)).toEqual(['CONTRACT_STARTED', 'MONTH_RECORDED', 'MONTH_UPDATED']);
    expect(second.months[0]!.fee.totals).toMatchObject({ eligible: 6_000_000, fee: 420_000 });
  });
});

describe('replay', () => {
  it('contracts replay from their audit log too', () => {
    db.handle.sqlite
      .prepare(
        'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods',
      )
      .run();
    const c = activeCadre();
    recordMonth({ ctx, input: { contractId: c.id, revision: null, record: month('2026-04', 0.3) } });
    runContractScheduler(db.handle, at('2027-03-02T02:00:00Z'));
    decideRenewal({
      ctx,
      input: {
        id: c.id,
        revision: getContractDetail({ ctx, input: { id: c.id } }).revision,
        decision: 'drop',
        reason: 'Tidak aktif berkunjung',
      },
    });
    runContractScheduler(db.handle, at('2027-04-02T02:00:00Z'));
    expect(stateOf(c.id)).toBe('dropped');
    expect(verifyAuditLog(db.handle)).toMatchObject({ mismatches: [] });
    db.handle.sqlite.prepare("update contracts set state = 'renewed' where id = ?").run(c.id);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      { kind: 'contract', id: c.id, reason: expect.stringContaining('state column') },
    ]);
  });
});
