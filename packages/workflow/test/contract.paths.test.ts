import { getShortestPaths } from '@xstate/graph';
import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  applyContractEvent,
  CONTRACT_MACHINE_ID,
  CONTRACT_MACHINE_VERSION,
  CONTRACT_STATES,
  contractAllowedEvents,
  contractDueEvents,
  contractInputFor,
  contractInputSchema,
  contractMachine,
  evaluationDueDate,
  explainContractRefusal,
  startContract,
  type ContractEvent,
  type ContractInput,
  type ContractSnapshot,
  type ContractState,
  type Message,
  msg,
  render,
} from '../src/index';

/**
 * Paths are generated from the machine, not hand-picked: a breadth-first walk over sample events
 * reaches every state, and at every snapshot reached each sample event is checked against an
 * oracle written from the issue's rules (not from the machine), both where it must move and where
 * it must be refused.
 */
const input: ContractInput = {
  agreementNumber: 'PKS/KC-MADIUN/2027/001',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  evaluationDueOn: '2027-12-01',
  previousContractId: null,
};

const SAMPLE_EVENTS: ContractEvent[] = [
  { type: 'EVALUATION_DUE' },
  { type: 'AGREEMENT_ENDED' },
  { type: 'DECIDE_RENEWAL', decision: 'renew', reason: '', recommendation: 'renew' },
  { type: 'DECIDE_RENEWAL', decision: 'renew', reason: '', recommendation: 'drop' },
  { type: 'DECIDE_RENEWAL', decision: 'renew', reason: 'abcd', recommendation: 'drop' },
  { type: 'DECIDE_RENEWAL', decision: 'renew', reason: 'iuran naik tajam di kuartal 4', recommendation: 'drop' },
  { type: 'DECIDE_RENEWAL', decision: 'drop', reason: '', recommendation: 'renew' },
  { type: 'DECIDE_RENEWAL', decision: 'drop', reason: '    ', recommendation: 'drop' },
  { type: 'DECIDE_RENEWAL', decision: 'drop', reason: 'abcde', recommendation: 'drop' },
  { type: 'DECIDE_RENEWAL', decision: 'drop', reason: 'meminta uang tunai', recommendation: 'renew' },
  { type: 'DECIDE_LATE', decision: 'renew', reason: 'abcd', recommendation: 'renew' },
  { type: 'DECIDE_LATE', decision: 'renew', reason: 'evaluasi terlewat, kinerja baik', recommendation: 'renew' },
  { type: 'DECIDE_LATE', decision: 'drop', reason: '     ', recommendation: 'drop' },
  { type: 'DECIDE_LATE', decision: 'drop', reason: 'tidak pernah melapor', recommendation: 'renew' },
  { type: 'RESIGN', date: '2027-06-15', reasonCode: 'OTHER_JOB', note: '' },
  { type: 'RESIGN', date: '2026-12-31', reasonCode: 'HEALTH', note: '' },
  { type: 'RESIGN', date: '2027-12-31', reasonCode: 'OTHER', note: 'ikut suami' },
  { type: 'TERMINATE', date: '2027-01-01', reasonCode: 'ASKED_FOR_CASH', note: 'laporan peserta' },
  { type: 'TERMINATE', date: '2028-01-01', reasonCode: 'MISCONDUCT', note: '' },
];

const UNDECIDED: ContractState[] = ['active', 'evaluationDue'];

/** The issue's rules, independently: where an event from a snapshot must lead, or null if refused. */
function oracle(s: ContractSnapshot, e: ContractEvent): ContractState | null {
  const state = s.value as ContractState;
  switch (e.type) {
    case 'EVALUATION_DUE':
      return state === 'active' ? 'evaluationDue' : null;
    case 'AGREEMENT_ENDED':
      if (UNDECIDED.includes(state)) return 'lapsed';
      if (state === 'decided') return s.context.decision!.decision === 'renew' ? 'renewed' : 'dropped';
      return null;
    case 'DECIDE_RENEWAL': {
      if (state !== 'evaluationDue' && state !== 'decided') return null;
      const written = e.reason.trim().length >= 5;
      const ok = e.decision === 'drop' ? written : e.recommendation === 'renew' || written;
      return ok ? 'decided' : null;
    }
    case 'DECIDE_LATE':
      // v2: a lapsed agreement alone is decided late, always with a written reason.
      if (state !== 'lapsed' || e.reason.trim().length < 5) return null;
      return e.decision === 'renew' ? 'renewed' : 'dropped';
    case 'RESIGN':
    case 'TERMINATE': {
      const inside = e.date >= '2027-01-01' && e.date <= '2027-12-31';
      if (!UNDECIDED.includes(state) || !inside) return null;
      return e.type === 'RESIGN' ? 'resigned' : 'terminated';
    }
  }
}

const serializeState = (s: ContractSnapshot) => JSON.stringify({ v: s.value, c: s.context });
const paths = getShortestPaths(contractMachine, { input, events: SAMPLE_EVENTS, serializeState });

describe('contract machine: generated paths', () => {
  it('is the contract machine, v2', () => {
    expect(CONTRACT_MACHINE_ID).toBe('contract');
    expect(contractMachine.id).toBe('contract');
    expect(CONTRACT_MACHINE_VERSION).toBe(2);
  });

  it('reaches every state of the machine, and no state is final', () => {
    const reached = new Set(paths.map((p) => p.state.value as string));
    expect([...reached].sort()).toEqual([...CONTRACT_STATES].sort());
    for (const { state } of paths) expect(state.status).toBe('active');
  });

  it('every sample event from every reached snapshot moves where the rules say, or is refused unchanged', () => {
    let moved = 0;
    let refused = 0;
    for (const { state: snapshot } of paths) {
      for (const event of SAMPLE_EVENTS) {
        const [next] = transition(contractMachine, snapshot, event);
        const expected = oracle(snapshot, event);
        const label = `${String(snapshot.value)} + ${JSON.stringify(event)}`;
        if (expected === null) {
          expect(next, `${label} must be refused`).toBe(snapshot);
          const applied = applyContractEvent(snapshot, event);
          expect(applied.ok).toBe(false);
          refused++;
          continue;
        }
        expect(next, `${label} must act`).not.toBe(snapshot);
        expect(next.value, label).toBe(expected);
        // The input is never touched; each event leaves exactly its own trace.
        const { decision, exit, ...kept } = next.context;
        expect(kept).toEqual(input);
        if (event.type === 'DECIDE_RENEWAL' || event.type === 'DECIDE_LATE') {
          expect(decision).toEqual({ decision: event.decision, reason: event.reason, recommendation: event.recommendation });
        } else {
          expect(decision).toEqual(snapshot.context.decision);
        }
        if (event.type === 'RESIGN' || event.type === 'TERMINATE') {
          expect(exit).toEqual({
            kind: expected,
            date: event.date,
            reasonCode: event.reasonCode,
            reasonCodesVersion: 1,
            note: event.note,
          });
        } else {
          expect(exit).toBeNull();
        }
        moved++;
      }
    }
    expect(moved).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(100);
  });

  it('contractAllowedEvents lists every event type the oracle accepts in that state, and in the ends nothing but a late decision of a lapsed one', () => {
    const accepted = new Map<string, Set<string>>();
    for (const { state: snapshot } of paths) {
      const set = accepted.get(String(snapshot.value)) ?? new Set<string>();
      for (const e of SAMPLE_EVENTS) if (oracle(snapshot, e) !== null) set.add(e.type);
      accepted.set(String(snapshot.value), set);
    }
    for (const { state: snapshot } of paths) {
      expect([...contractAllowedEvents(snapshot)].sort()).toEqual([...accepted.get(String(snapshot.value))!].sort());
    }
    expect([...accepted.get('active')!].sort()).toEqual(['AGREEMENT_ENDED', 'EVALUATION_DUE', 'RESIGN', 'TERMINATE']);
    expect([...accepted.get('decided')!].sort()).toEqual(['AGREEMENT_ENDED', 'DECIDE_RENEWAL']);
    expect([...accepted.get('lapsed')!]).toEqual(['DECIDE_LATE']);
    for (const end of ['renewed', 'dropped', 'resigned', 'terminated']) expect(accepted.get(end)!.size).toBe(0);
  });
});

describe('contract engine', () => {
  const run = (events: ContractEvent[]) =>
    events.reduce((s, e) => {
      const r = applyContractEvent(s, e);
      if (!r.ok) throw new Error(render('id', r.reason));
      return r.snapshot;
    }, startContract(input));

  it('a year: evaluation due, decided, changed, renewed at the end date', () => {
    const s = run([
      { type: 'EVALUATION_DUE' },
      { type: 'DECIDE_RENEWAL', decision: 'drop', reason: 'iuran di bawah 40%', recommendation: 'drop' },
      { type: 'DECIDE_RENEWAL', decision: 'renew', reason: 'tunggakan besar lunas Desember', recommendation: 'drop' },
    ]);
    expect(s.value).toBe('decided');
    const ended = applyContractEvent(s, { type: 'AGREEMENT_ENDED' });
    expect(ended).toMatchObject({ ok: true, from: 'decided', to: 'renewed' });
    if (ended.ok) expect(ended.snapshot.context.decision?.decision).toBe('renew');
  });

  it('explains each refusal as a message: its id, its parameters and the Indonesian sentence', () => {
    const active = startContract(input);
    const due = run([{ type: 'EVALUATION_DUE' }]);
    const decided = run([
      { type: 'EVALUATION_DUE' },
      { type: 'DECIDE_RENEWAL', decision: 'renew', reason: '', recommendation: 'renew' },
    ]);
    const lapsed = run([{ type: 'AGREEMENT_ENDED' }]);
    const cases: [ContractSnapshot, ContractEvent, Message, string][] = [
      [
        active,
        { type: 'DECIDE_RENEWAL', decision: 'renew', reason: '', recommendation: 'renew' },
        msg('DECISION_BEFORE_EVALUATION', { evaluationDueOn: '2027-12-01' }),
        'Keputusan perpanjangan baru dapat dibuat setelah evaluasi jatuh tempo (1 Desember 2027).',
      ],
      [
        due,
        { type: 'DECIDE_RENEWAL', decision: 'drop', reason: 'ok', recommendation: 'drop' },
        msg('DECISION_NEEDS_REASON', { kind: 'drop', minimum: 5 }),
        'Keputusan tidak diperpanjang wajib disertai alasan tertulis (paling sedikit 5 karakter).',
      ],
      [
        due,
        { type: 'DECIDE_RENEWAL', decision: 'renew', reason: '', recommendation: 'drop' },
        msg('DECISION_NEEDS_REASON', { kind: 'againstRecommendation', minimum: 5 }),
        'Perpanjangan yang tidak sesuai rekomendasi (tidak diperpanjang) wajib disertai alasan tertulis (paling sedikit 5 karakter).',
      ],
      [
        due,
        { type: 'EVALUATION_DUE' },
        msg('EVENT_NOT_ALLOWED', { event: 'EVALUATION_DUE', state: 'evaluationDue', machine: 'contract' }),
        'Evaluasi jatuh tempo tidak berlaku pada status Jatuh tempo evaluasi.',
      ],
      [
        active,
        { type: 'RESIGN', date: '2028-01-02', reasonCode: 'HEALTH', note: '' },
        msg('CONTRACT_EXIT_DATE_OUTSIDE', {
          event: 'RESIGN',
          date: '2028-01-02',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
        }),
        'Tanggal pengunduran diri (2 Januari 2028) harus di dalam masa PKS (1 Januari 2027 s.d. 31 Desember 2027).',
      ],
      [
        due,
        { type: 'TERMINATE', date: '2026-12-01', reasonCode: 'MISCONDUCT', note: '' },
        msg('CONTRACT_EXIT_DATE_OUTSIDE', {
          event: 'TERMINATE',
          date: '2026-12-01',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
        }),
        'Tanggal pemutusan kerja sama (1 Desember 2026) harus di dalam masa PKS (1 Januari 2027 s.d. 31 Desember 2027).',
      ],
      [
        decided,
        { type: 'RESIGN', date: '2027-12-20', reasonCode: 'HEALTH', note: '' },
        msg('CONTRACT_EXIT_AFTER_DECISION', { event: 'RESIGN' }),
        'Pengunduran diri tidak dapat dicatat: keputusan perpanjangan sudah dibuat.',
      ],
      [
        lapsed,
        { type: 'AGREEMENT_ENDED' },
        msg('EVENT_NOT_ALLOWED', { event: 'AGREEMENT_ENDED', state: 'lapsed', machine: 'contract' }),
        'Akhir masa PKS tidak berlaku pada status Berakhir tanpa keputusan.',
      ],
    ];
    for (const [snapshot, event, message, sentence] of cases) {
      const r = applyContractEvent(snapshot, event);
      expect(r).toEqual({ ok: false, reason: message, allowedEvents: contractAllowedEvents(snapshot) });
      expect(explainContractRefusal(snapshot, event)).toEqual(message);
      expect(render('id', message)).toBe(sentence);
    }
    // English comes from the same message, naming states and events by their labels, never as codes.
    expect(render('en', explainContractRefusal(due, { type: 'EVALUATION_DUE' }))).toBe(
      'Evaluation due does not apply while the agreement is evaluation due.',
    );
  });

  it('early ends are open on the first and the last day of the agreement', () => {
    const first = applyContractEvent(startContract(input), {
      type: 'TERMINATE',
      date: '2027-01-01',
      reasonCode: 'ASKED_FOR_CASH',
      note: '',
    });
    expect(first).toMatchObject({ ok: true, to: 'terminated' });
    const last = applyContractEvent(run([{ type: 'EVALUATION_DUE' }]), {
      type: 'RESIGN',
      date: '2027-12-31',
      reasonCode: 'MOVED_AWAY',
      note: '',
    });
    expect(last).toMatchObject({ ok: true, from: 'evaluationDue', to: 'resigned' });
  });

  it('the scheduler: EVALUATION_DUE from the evaluation date, AGREEMENT_ENDED once the last day is over', () => {
    const active = startContract(input);
    expect(contractDueEvents(active, '2027-11-30')).toEqual([]);
    expect(contractDueEvents(active, '2027-12-01')).toEqual([{ type: 'EVALUATION_DUE' }]);
    expect(contractDueEvents(active, '2027-12-31')).toEqual([{ type: 'EVALUATION_DUE' }]);
    expect(contractDueEvents(active, '2028-01-01')).toEqual([{ type: 'AGREEMENT_ENDED' }]);
    const due = run([{ type: 'EVALUATION_DUE' }]);
    expect(contractDueEvents(due, '2027-12-15')).toEqual([]);
    expect(contractDueEvents(due, '2028-01-01')).toEqual([{ type: 'AGREEMENT_ENDED' }]);
    const resigned = run([{ type: 'RESIGN', date: '2027-03-01', reasonCode: 'OTHER_JOB', note: '' }]);
    expect(contractDueEvents(resigned, '2028-01-01')).toEqual([]);
  });
});

describe('contract input', () => {
  it('a year less a day from the start; the evaluation 30 days before the end unless set', () => {
    expect(evaluationDueDate('2027-12-31')).toBe('2027-12-01');
    expect(evaluationDueDate('2028-03-31', 60)).toBe('2028-01-31');
    expect(contractInputFor({ agreementNumber: 'PKS/1', startDate: '2027-01-01', previousContractId: null })).toEqual({
      agreementNumber: 'PKS/1',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      evaluationDueOn: '2027-12-01',
      previousContractId: null,
    });
    // A leap-day start ends on 28 February; its evaluation is 30 days before.
    expect(
      contractInputFor({ agreementNumber: 'PKS/2', startDate: '2028-02-29', previousContractId: 7, evaluationDaysBefore: 14 }),
    ).toEqual({
      agreementNumber: 'PKS/2',
      startDate: '2028-02-29',
      endDate: '2029-02-28',
      evaluationDueOn: '2029-02-14',
      previousContractId: 7,
    });
  });

  it('the input schema checks the dates against each other', () => {
    expect(contractInputSchema.safeParse(input).success).toBe(true);
    const bad = contractInputSchema.safeParse({
      ...input,
      endDate: '2026-12-31',
      evaluationDueOn: '2028-01-05',
      previousContractId: 0,
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['endDate', 'evaluationDueOn', 'previousContractId']);
  });
});
