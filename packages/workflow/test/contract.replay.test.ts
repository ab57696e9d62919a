import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  applyContractEvent,
  canonicalJson,
  CONTRACT_EVENT_TYPES,
  CONTRACT_MACHINES,
  CONTRACT_MACHINE_VERSION,
  contractEventSchemas,
  contractMachine,
  migrateContractSnapshot,
  parseContractEvent,
  persistContract,
  replayContract,
  restoreContract,
  startContract,
  type ContractEvent,
  type ContractInput,
  type RecordedEvent,
  fieldMsg,
  render,
} from '../src/index';

const input: ContractInput = {
  agreementNumber: 'PKS/KC-MADIUN/2027/002',
  startDate: '2027-04-01',
  endDate: '2028-03-31',
  evaluationDueOn: '2028-03-01',
  previousContractId: 41,
};

const recorded = (events: ContractEvent[]): RecordedEvent[] =>
  events.map(({ type, ...payload }, i) => ({ seq: i + 1, type, payload, machineVersion: CONTRACT_MACHINE_VERSION }));

describe('contract events: payload validation', () => {
  it('parses each event type, filling defaults', () => {
    expect(CONTRACT_EVENT_TYPES).toEqual([
      'EVALUATION_DUE',
      'DECIDE_RENEWAL',
      'AGREEMENT_ENDED',
      'DECIDE_LATE',
      'RESIGN',
      'TERMINATE',
    ]);
    expect(parseContractEvent({ type: 'EVALUATION_DUE' })).toEqual({ ok: true, event: { type: 'EVALUATION_DUE' } });
    expect(parseContractEvent({ type: 'DECIDE_RENEWAL', decision: 'renew', recommendation: 'renew' })).toEqual({
      ok: true,
      event: { type: 'DECIDE_RENEWAL', decision: 'renew', reason: '', recommendation: 'renew' },
    });
    expect(parseContractEvent({ type: 'RESIGN', date: '2027-05-02', reasonCode: 'FEE_NOT_SUITABLE' })).toEqual({
      ok: true,
      event: { type: 'RESIGN', date: '2027-05-02', reasonCode: 'FEE_NOT_SUITABLE', note: '' },
    });
  });

  it('refuses bad payloads with field paths and catalogue messages', () => {
    expect(parseContractEvent({})).toEqual({ ok: false, fields: [fieldMsg('type', 'EVENT_TYPE_REQUIRED')] });
    expect(parseContractEvent({ type: 'toString' })).toEqual({
      ok: false,
      fields: [fieldMsg('type', 'EVENT_TYPE_UNKNOWN', { type: 'toString' })],
    });
    const decide = parseContractEvent({ type: 'DECIDE_RENEWAL', decision: 'maybe', reason: 'x' });
    // The decision is chosen in words, never as the codes renew/drop; the server fills the recommendation.
    expect(decide.ok === false && decide.fields).toEqual([
      fieldMsg('decision', 'DECISION_CHOOSE'),
      fieldMsg('recommendation', 'CHOOSE_ONE'),
    ]);
    if (!decide.ok) expect(render('id', decide.fields[0]!)).toBe('Pilih perpanjang atau tidak diperpanjang');
    const other = parseContractEvent({ type: 'TERMINATE', date: '2027-02-30', reasonCode: 'OTHER', note: '  ' });
    // Every problem at once: the bad date and the missing note.
    expect(other.ok === false && other.fields.map((f) => f.path)).toEqual(['date', 'note']);
    const otherNoNote = parseContractEvent({ type: 'TERMINATE', date: '2027-02-28', reasonCode: 'OTHER', note: '  ' });
    expect(otherNoNote).toEqual({ ok: false, fields: [fieldMsg('note', 'OTHER_REASON_NEEDS_NOTE')] });
    const wrongList = parseContractEvent({ type: 'RESIGN', date: '2027-02-28', reasonCode: 'ASKED_FOR_CASH' });
    expect(wrongList.ok === false && wrongList.fields.map((f) => f.path)).toEqual(['reasonCode']);
  });

  it('form hints: the reason and note are textareas, dates are dates, the recommendation is filled by the server', () => {
    const shape = contractEventSchemas.DECIDE_RENEWAL.shape;
    expect(shape.recommendation.meta()).toEqual({ filledBy: 'server' });
    expect(shape.reason.unwrap().unwrap().meta()).toEqual({ kind: 'textarea' });
  });
});

describe('contract snapshots: persist, restore, replay', () => {
  const events: ContractEvent[] = [
    { type: 'EVALUATION_DUE' },
    { type: 'DECIDE_RENEWAL', decision: 'drop', reason: 'iuran 35% dari target', recommendation: 'drop' },
    { type: 'AGREEMENT_ENDED' },
  ];

  it('a persisted snapshot restores to the same state and keeps working', () => {
    const due = transition(contractMachine, startContract(input), { type: 'EVALUATION_DUE' })[0];
    const stored = { version: CONTRACT_MACHINE_VERSION, persisted: JSON.parse(JSON.stringify(persistContract(due))) };
    const restored = restoreContract(stored);
    expect(restored.value).toBe('evaluationDue');
    expect(restored.context).toEqual(due.context);
    const r = applyContractEvent(restored, events[1]!);
    expect(r).toMatchObject({ ok: true, to: 'decided' });
  });

  it('replaying the recorded events reproduces the live snapshot exactly', () => {
    const live = events.reduce((s, e) => transition(contractMachine, s, e)[0], startContract(input));
    const replay = replayContract({ input, machineVersion: CONTRACT_MACHINE_VERSION }, recorded(events));
    expect(replay).toMatchObject({ ok: true, machineVersion: CONTRACT_MACHINE_VERSION, state: 'dropped' });
    expect(replay.ok && canonicalJson(replay.persisted)).toBe(canonicalJson(persistContract(live)));
  });

  it('a replay stops at the first event that is refused or no longer valid', () => {
    const refused = replayContract(
      { input, machineVersion: 1 },
      recorded([{ type: 'AGREEMENT_ENDED' }, { type: 'EVALUATION_DUE' }]),
    );
    expect(refused).toEqual({ ok: false, seq: 2, reason: 'event EVALUATION_DUE refused on replay' });
    const invalid = replayContract({ input, machineVersion: 1 }, [
      { seq: 9, type: 'RESIGN', payload: { date: 'kemarin', reasonCode: 'HEALTH' }, machineVersion: 1 },
    ]);
    expect(invalid).toMatchObject({ ok: false, seq: 9 });
    expect(() => replayContract({ input, machineVersion: 3 }, [])).toThrow(/unknown contract machine version 3/);
  });

  it('the registry holds every version; migrations refuse a snapshot from the future', () => {
    expect(Object.keys(CONTRACT_MACHINES)).toEqual(['1', '2']);
    expect(CONTRACT_MACHINES[CONTRACT_MACHINE_VERSION]).toBe(contractMachine);
    const persisted = persistContract(startContract(input));
    expect(migrateContractSnapshot(2, persisted)).toBe(persisted);
    expect(() => migrateContractSnapshot(3, persisted)).toThrow(/newer/);
    expect(() => migrateContractSnapshot(0, persisted)).toThrow(/not a contract snapshot version/);
  });
});
