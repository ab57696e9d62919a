import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  applyContractEvent,
  buildContractMachine,
  CONTRACT_MACHINE_VERSION,
  contractAllowedEvents,
  contractInputFor,
  migrateContractSnapshot,
  parseContractEvent,
  replayContract,
  restoreContract,
  startContract,
  type ContractEvent,
  type ContractSnapshot,
  fieldMsg,
  msg,
  render,
} from '../src/index';

/** A lapsed agreement persisted by the v1 definition, captured when v1 was current (do not regenerate). */
import v1Fixture from './fixtures/contract-v1-lapsed.json';

const v1Lapsed = JSON.parse(JSON.stringify(v1Fixture));
const lateRenew = {
  type: 'DECIDE_LATE',
  decision: 'renew',
  reason: 'Jadwal evaluasi terlewat karena cuti penyelia; kinerja baik',
  recommendation: 'renew',
} as const satisfies ContractEvent;
const lateDrop = { ...lateRenew, decision: 'drop', reason: 'Laporan bulanan tidak pernah masuk' } as const;

function run(events: ContractEvent[]): ContractSnapshot {
  const input = contractInputFor({ agreementNumber: 'PKS/007/KC-MDN/2026', startDate: '2026-04-01', previousContractId: null });
  return events.reduce((s, e) => {
    const r = applyContractEvent(s, e);
    if (!r.ok) throw new Error(render('id', r.reason));
    return r.snapshot;
  }, startContract(input));
}

describe('contract machine v2: a lapsed agreement decided late', () => {
  it('the current definition is v2', () => expect(CONTRACT_MACHINE_VERSION).toBe(2));

  it('a late renewal moves a lapsed agreement to renewed, a late drop to dropped, each recording the decision', () => {
    const lapsed = run([{ type: 'AGREEMENT_ENDED' }]);
    expect(contractAllowedEvents(lapsed)).toEqual(['DECIDE_LATE']);
    const renewed = applyContractEvent(lapsed, lateRenew);
    expect(renewed).toMatchObject({ ok: true, from: 'lapsed', to: 'renewed' });
    if (renewed.ok) {
      expect(renewed.snapshot.context.decision).toEqual({
        decision: 'renew',
        reason: lateRenew.reason,
        recommendation: 'renew',
      });
      expect(contractAllowedEvents(renewed.snapshot)).toEqual([]);
    }
    const dropped = applyContractEvent(lapsed, lateDrop);
    expect(dropped).toMatchObject({ ok: true, from: 'lapsed', to: 'dropped' });
  });

  it('a late decision needs a written reason, whatever the recommendation, and the refusal says so', () => {
    const lapsed = run([{ type: 'AGREEMENT_ENDED' }]);
    for (const reason of ['', '   ', 'abcd']) {
      const r = applyContractEvent(lapsed, { ...lateRenew, reason });
      expect(r).toMatchObject({ ok: false, allowedEvents: ['DECIDE_LATE'] });
      if (!r.ok) {
        expect(r.reason).toEqual(msg('DECISION_NEEDS_REASON', { kind: 'late', minimum: 5 }));
        expect(render('id', r.reason)).toBe('Keputusan terlambat wajib disertai alasan tertulis (paling sedikit 5 karakter).');
      }
    }
    // The schema names the field before the machine is asked.
    const parsed = parseContractEvent({ ...lateRenew, reason: ' ab ' });
    expect(parsed).toEqual({ ok: false, fields: [fieldMsg('reason', 'LATE_DECISION_REASON_SHORT', { minimum: 5 })] });
    if (!parsed.ok) {
      expect(render('id', parsed.fields[0]!)).toBe('Alasan keputusan terlambat wajib diisi (paling sedikit 5 karakter)');
    }
  });

  it('only a lapsed agreement takes a late decision', () => {
    const cases: [ContractEvent[], string][] = [
      [[], 'active'],
      [[{ type: 'EVALUATION_DUE' }], 'evaluationDue'],
      [
        [
          { type: 'EVALUATION_DUE' },
          { type: 'DECIDE_RENEWAL', decision: 'drop', reason: 'tidak aktif', recommendation: 'drop' },
          { type: 'AGREEMENT_ENDED' },
        ],
        'dropped',
      ],
    ];
    for (const [events, state] of cases) {
      const r = applyContractEvent(run(events), lateRenew);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toEqual(msg('EVENT_NOT_ALLOWED', { event: 'DECIDE_LATE', state, machine: 'contract' }));
    }
    const active = applyContractEvent(run([]), lateRenew);
    if (!active.ok) expect(render('id', active.reason)).toBe('Keputusan terlambat tidak berlaku pada status Kader aktif.');
    // Decided late once is decided: the renewed year cannot be decided late again.
    const renewed = applyContractEvent(run([{ type: 'AGREEMENT_ENDED' }]), lateRenew);
    if (renewed.ok) expect(applyContractEvent(renewed.snapshot, lateDrop).ok).toBe(false);
  });

  it('the v1 definition stays as it was: a lapsed agreement there takes nothing', () => {
    const v1 = buildContractMachine(1);
    const snapshot = v1.resolveState(v1Lapsed);
    expect(transition(v1, snapshot, lateRenew)[0]).toBe(snapshot);
  });
});

describe('contract snapshot migration v1 -> v2', () => {
  it('a v1 lapsed snapshot, restored through the migration, is decided late under v2', () => {
    const restored = restoreContract({ version: 1, persisted: v1Lapsed });
    expect(restored.value).toBe('lapsed');
    expect(restored.context).toEqual(v1Lapsed.context);
    const r = applyContractEvent(restored, lateRenew);
    expect(r).toMatchObject({ ok: true, to: 'renewed' });
  });

  it('the step keeps the snapshot as it is, does not change its input, and refuses a snapshot from the future', () => {
    const copy = JSON.parse(JSON.stringify(v1Lapsed));
    expect(migrateContractSnapshot(1, copy)).toEqual(v1Lapsed);
    expect(copy).toEqual(v1Lapsed);
    expect(() => migrateContractSnapshot(3, v1Lapsed)).toThrow(/newer/);
  });

  it('replays a history recorded under v1 and continued under v2', () => {
    const input = contractInputFor({ agreementNumber: 'PKS/007/KC-MDN/2026', startDate: '2026-04-01', previousContractId: null });
    const { type: _t, ...latePayload } = lateDrop;
    const events = [
      { seq: 2, type: 'EVALUATION_DUE', payload: {}, machineVersion: 1 },
      { seq: 3, type: 'AGREEMENT_ENDED', payload: {}, machineVersion: 1 },
      { seq: 4, type: 'DECIDE_LATE', payload: latePayload, machineVersion: 2 },
    ];
    const replayed = replayContract({ input, machineVersion: 1 }, events);
    expect(replayed).toMatchObject({ ok: true, machineVersion: 2, state: 'dropped' });
    // Recorded under v1, a late decision would not replay: the version of each event counts.
    expect(
      replayContract(
        { input, machineVersion: 1 },
        events.map((e) => ({ ...e, machineVersion: 1 })),
      ),
    ).toMatchObject({
      ok: false,
      seq: 4,
    });
  });
});
