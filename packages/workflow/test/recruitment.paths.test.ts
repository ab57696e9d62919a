import { getShortestPaths } from '@xstate/graph';
import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  DEFAULT_RECRUITMENT_RULES,
  DOCUMENT_CODES,
  RECRUITMENT_STATES,
  recruitmentMachine,
  startApplication,
  type RecruitmentEvent,
  type RecruitmentInput,
  type RecruitmentSnapshot,
  type RecruitmentState,
} from '../src/index';

/**
 * Paths are generated from the machine, not hand-picked: a breadth-first walk over sample events
 * reaches every state, and at every snapshot reached each sample event is checked against an
 * oracle written from the rules (not from the machine), both where it must move and where
 * it must be refused.
 */
const eligible: RecruitmentInput = {
  rules: DEFAULT_RECRUITMENT_RULES,
  applicant: { ageAtRegistration: 40, education: 'SMA' },
  registeredOn: '2026-11-23',
};
const tooOld: RecruitmentInput = { ...eligible, applicant: { ageAtRegistration: 61, education: 'SMP' } };

const SAMPLE_EVENTS: RecruitmentEvent[] = [
  { type: 'BEGIN_ADMIN_CHECK' },
  ...DOCUMENT_CODES.map((document) => ({ type: 'VERIFY_DOCUMENT' as const, document })),
  { type: 'UNVERIFY_DOCUMENT', document: 'KTP' },
  { type: 'COMPLETE_ADMIN_CHECK' },
  { type: 'SCHEDULE_WRITTEN_TEST', date: '2026-11-30', time: '09:00', place: 'Aula KC' },
  { type: 'RECORD_WRITTEN_TEST_SCORE', score: 59.9, notes: '' },
  { type: 'RECORD_WRITTEN_TEST_SCORE', score: 60, notes: '' },
  { type: 'SCHEDULE_INTERVIEW', date: '2026-12-02', time: '13:30', place: 'Ruang rapat' },
  { type: 'RECORD_INTERVIEW_SCORE', score: 59.9, notes: '' },
  { type: 'RECORD_INTERVIEW_SCORE', score: 60, notes: '' },
  { type: 'SIGN_AGREEMENT', agreementNumber: 'PKS/001/2026', signedOn: '2026-12-05', startDate: '2027-01-01' },
  { type: 'COMPLETE_DEBRIEFING', debriefedOn: '2026-12-04' },
  { type: 'COMPLETE_DEBRIEFING', debriefedOn: '2026-12-10' },
  { type: 'REJECT', reasonCode: 'ABSENT', note: '' },
  { type: 'WITHDRAW', reasonCode: 'OTHER_JOB', note: '' },
  { type: 'REOPEN', reason: 'salah tolak' },
  { type: 'CORRECT_WRITTEN_TEST_SCORE', score: 65, reason: 'salah ketik' },
  { type: 'CORRECT_WRITTEN_TEST_SCORE', score: 50, reason: 'salah ketik' },
  { type: 'CORRECT_INTERVIEW_SCORE', score: 65, reason: 'salah ketik' },
  { type: 'CORRECT_INTERVIEW_SCORE', score: 50, reason: 'salah ketik' },
];

const STAGES_BEFORE_ACTIVE: RecruitmentState[] = [
  'registered',
  'administrativeCheck',
  'writtenTest',
  'interview',
  'agreementSigning',
  'debriefing',
];

/** The rules, independently: where an event from a snapshot must lead, or null if refused. */
function oracle(s: RecruitmentSnapshot, e: RecruitmentEvent): RecruitmentState | null {
  const state = s.value as RecruitmentState;
  const ctx = s.context;
  if (e.type === 'REJECT') return STAGES_BEFORE_ACTIVE.includes(state) ? 'rejected' : null;
  if (e.type === 'WITHDRAW') return STAGES_BEFORE_ACTIVE.includes(state) ? 'withdrawn' : null;
  // Corrections: reopen at the stage left; a corrected score is judged again, but never after signing.
  if (e.type === 'REOPEN') return state === 'rejected' || state === 'withdrawn' ? ctx.outcome!.stage : null;
  if (e.type === 'CORRECT_WRITTEN_TEST_SCORE' || e.type === 'CORRECT_INTERVIEW_SCORE') {
    const stage = e.type === 'CORRECT_WRITTEN_TEST_SCORE' ? 'writtenTest' : 'interview';
    const reason = stage === 'writtenTest' ? 'WRITTEN_TEST_BELOW_GRADE' : 'INTERVIEW_BELOW_GRADE';
    const pass = e.score >= 60;
    if (state === 'rejected') {
      const forThis = ctx.outcome?.stage === stage && ctx.outcome.reasonCode === reason;
      if (!forThis) return null;
      return pass ? (stage === 'writtenTest' ? 'interview' : 'agreementSigning') : 'rejected';
    }
    const open: RecruitmentState[] = stage === 'writtenTest' ? ['interview', 'agreementSigning'] : ['agreementSigning'];
    return open.includes(state) ? (pass ? state : 'rejected') : null;
  }
  switch (state) {
    case 'registered':
      return e.type === 'BEGIN_ADMIN_CHECK' ? 'administrativeCheck' : null;
    case 'administrativeCheck':
      if (e.type === 'VERIFY_DOCUMENT') return ctx.verifiedDocuments.includes(e.document) ? null : state;
      if (e.type === 'UNVERIFY_DOCUMENT') return ctx.verifiedDocuments.includes(e.document) ? state : null;
      if (e.type === 'COMPLETE_ADMIN_CHECK') {
        const requiredDone = ['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN'].every((d) =>
          ctx.verifiedDocuments.includes(d as never),
        );
        const ok = ctx.applicant.ageAtRegistration <= 60 && ctx.applicant.education !== 'SMP';
        return requiredDone && ok ? 'writtenTest' : null;
      }
      return null;
    case 'writtenTest':
      if (e.type === 'SCHEDULE_WRITTEN_TEST') return state;
      if (e.type === 'RECORD_WRITTEN_TEST_SCORE') return e.score >= 60 ? 'interview' : 'rejected';
      return null;
    case 'interview':
      if (e.type === 'SCHEDULE_INTERVIEW') return state;
      if (e.type === 'RECORD_INTERVIEW_SCORE') return e.score >= 60 ? 'agreementSigning' : 'rejected';
      return null;
    case 'agreementSigning':
      return e.type === 'SIGN_AGREEMENT' ? 'debriefing' : null;
    case 'debriefing':
      if (e.type === 'COMPLETE_DEBRIEFING') return e.debriefedOn >= ctx.agreement!.signedOn ? 'active' : null;
      return null;
    default:
      return null; // active takes no events; rejected and withdrawn only corrections (above)
  }
}

function reachable(input: RecruitmentInput) {
  return getShortestPaths(recruitmentMachine, {
    input,
    events: SAMPLE_EVENTS,
    // Documents verified in another order are the same situation, and so is a schedule however
    // often it was moved: without folding these the walk never ends (reschedules are unbounded).
    serializeState: (s) =>
      JSON.stringify({
        v: s.value,
        c: {
          ...s.context,
          verifiedDocuments: [...s.context.verifiedDocuments].sort(),
          schedules: { w: !!s.context.schedules.writtenTest, i: !!s.context.schedules.interview },
          corrections: s.context.corrections.length > 0, // reject/reopen loops are unbounded too
        },
      }),
  });
}

describe('recruitment machine: generated paths', () => {
  const paths = [...reachable(eligible), ...reachable(tooOld)];

  it('reaches every state of the machine', () => {
    const reached = new Set(paths.map((p) => p.state.value as string));
    expect([...reached].sort()).toEqual([...RECRUITMENT_STATES].sort());
  });

  it('an ineligible candidate never gets past the administrative check', () => {
    const reached = new Set(reachable(tooOld).map((p) => p.state.value as string));
    expect(reached.has('writtenTest')).toBe(false);
    expect(reached.has('rejected')).toBe(true);
  });

  it('every sample event from every reached snapshot moves where the rules say, or is refused unchanged', () => {
    let moved = 0;
    let refused = 0;
    for (const { state: snapshot } of paths) {
      for (const event of SAMPLE_EVENTS) {
        const [next] = transition(recruitmentMachine, snapshot, event);
        const expected = oracle(snapshot, event);
        if (expected === null) {
          expect(next, `${String(snapshot.value)} + ${event.type} must be refused`).toBe(snapshot);
          refused++;
        } else {
          expect(next, `${String(snapshot.value)} + ${event.type} must act`).not.toBe(snapshot);
          expect(next.value).toBe(expected);
          moved++;
        }
      }
    }
    expect(moved).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
    // ~60,000 machine steps: 13 s on a quiet 2-core machine, up to ~51 s with every other suite beside it.
  });

  it('allowedEvents lists exactly the event types the oracle accepts somewhere in that state', () => {
    const byState = new Map<string, Set<string>>();
    for (const { state: snapshot } of paths) {
      const set = byState.get(String(snapshot.value)) ?? new Set<string>();
      for (const e of SAMPLE_EVENTS) if (oracle(snapshot, e) !== null) set.add(e.type);
      byState.set(String(snapshot.value), set);
      // Every accepted event must be listed; a listed one may still be refused by a guard.
      for (const e of SAMPLE_EVENTS) {
        if (oracle(snapshot, e) !== null) expect(allowedEvents(snapshot)).toContain(e.type);
      }
    }
    expect(byState.get('active')?.size ?? 0).toBe(0);
    expect([...(byState.get('withdrawn') ?? [])]).toEqual(['REOPEN']);
  });
});

describe('recruitment machine: what the context remembers', () => {
  const run = (events: RecruitmentEvent[], input = eligible) =>
    events.reduce((s, e) => transition(recruitmentMachine, s, e)[0], startApplication(input));
  const toWrittenTest: RecruitmentEvent[] = [
    { type: 'BEGIN_ADMIN_CHECK' },
    ...(['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN'] as const).map((document) => ({
      type: 'VERIFY_DOCUMENT' as const,
      document,
    })),
    { type: 'COMPLETE_ADMIN_CHECK' },
  ];

  it('a score equal to the grade passes; under it rejects with the stage and the reason', () => {
    const passed = run([...toWrittenTest, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 60, notes: 'pas' }]);
    expect(passed.value).toBe('interview');
    expect(passed.context.scores.writtenTest).toEqual({ score: 60, grade: 60, passed: true, notes: 'pas' });
    const failed = run([...toWrittenTest, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 59.5, notes: 'kurang' }]);
    expect(failed.value).toBe('rejected');
    expect(failed.context.outcome).toMatchObject({
      kind: 'rejected',
      stage: 'writtenTest',
      reasonCode: 'WRITTEN_TEST_BELOW_GRADE',
    });
  });

  it("uses the grades captured at registration, not today's", () => {
    const strict = { ...eligible, rules: { ...eligible.rules, passingGrades: { writtenTest: 75, interview: 60 } } };
    const s = run([...toWrittenTest, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 70, notes: '' }], strict);
    expect(s.value).toBe('rejected');
  });

  it('a reschedule replaces the schedule and keeps the earlier one; a withdrawal remembers the stage it left', () => {
    const s = run([
      ...toWrittenTest,
      { type: 'SCHEDULE_WRITTEN_TEST', date: '2026-11-30', time: '09:00', place: 'Aula' },
      { type: 'SCHEDULE_WRITTEN_TEST', date: '2026-12-01', time: '10:00', place: 'Aula 2' },
    ]);
    expect(s.context.schedules.writtenTest).toEqual({
      date: '2026-12-01',
      time: '10:00',
      place: 'Aula 2',
      previous: [{ date: '2026-11-30', time: '09:00', place: 'Aula' }],
    });
    const w = transition(recruitmentMachine, s, { type: 'WITHDRAW', reasonCode: 'MOVED_AWAY', note: 'pindah' })[0];
    expect(w.value).toBe('withdrawn');
    expect(w.context.outcome).toMatchObject({
      kind: 'withdrawn',
      stage: 'writtenTest',
      reasonCode: 'MOVED_AWAY',
      note: 'pindah',
    });
  });

  it('the agreement runs one year less a day from its start', () => {
    const s = run([
      ...toWrittenTest,
      { type: 'RECORD_WRITTEN_TEST_SCORE', score: 80, notes: '' },
      { type: 'RECORD_INTERVIEW_SCORE', score: 80, notes: '' },
      { type: 'SIGN_AGREEMENT', agreementNumber: 'PKS/9', signedOn: '2017-03-20', startDate: '2017-04-01' },
    ]);
    expect(s.context.agreement).toEqual({
      number: 'PKS/9',
      signedOn: '2017-03-20',
      startDate: '2017-04-01',
      endDate: '2018-03-31',
    });
  });

  it('corrections are new events with a reason: reopen at the stage left, a corrected score judged again', () => {
    const failed = run([...toWrittenTest, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 55, notes: '' }]);
    const corrected = transition(recruitmentMachine, failed, {
      type: 'CORRECT_WRITTEN_TEST_SCORE',
      score: 65,
      reason: 'salah ketik',
    })[0];
    expect(corrected.value).toBe('interview');
    expect(corrected.context.outcome).toBeNull();
    expect(corrected.context.scores.writtenTest).toMatchObject({ score: 65, passed: true });
    expect(corrected.context.corrections).toEqual([
      { type: 'CORRECT_WRITTEN_TEST_SCORE', reason: 'salah ketik', previousScore: 55, score: 65 },
    ]);

    const withdrawn = transition(recruitmentMachine, corrected, { type: 'WITHDRAW', reasonCode: 'HEALTH', note: '' })[0];
    const reopened = transition(recruitmentMachine, withdrawn, { type: 'REOPEN', reason: 'calon kembali sehat' })[0];
    expect(reopened.value).toBe('interview');
    expect(reopened.context.corrections[1]).toMatchObject({
      type: 'REOPEN',
      reopened: { kind: 'withdrawn', stage: 'interview' },
    });
  });

  it('a score cannot be corrected once the agreement is signed', () => {
    const signed = run([
      ...toWrittenTest,
      { type: 'RECORD_WRITTEN_TEST_SCORE', score: 80, notes: '' },
      { type: 'RECORD_INTERVIEW_SCORE', score: 80, notes: '' },
      { type: 'SIGN_AGREEMENT', agreementNumber: 'PKS/9', signedOn: '2026-12-01', startDate: '2026-12-01' },
    ]);
    expect(transition(recruitmentMachine, signed, { type: 'CORRECT_INTERVIEW_SCORE', score: 40, reason: 'salah ketik' })[0]).toBe(
      signed,
    );
  });
});
