import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  applyEvent,
  DEFAULT_RECRUITMENT_RULES,
  explainRefusal,
  labelOf,
  render,
  startApplication,
  type RecruitmentEvent,
  type RecruitmentInput,
  type RecruitmentSnapshot,
} from '../src/index';

/** Issue 8: a refusal a recruiter can act on, and an "allowed now" list that only offers what can pass. */
const input: RecruitmentInput = {
  rules: DEFAULT_RECRUITMENT_RULES,
  applicant: { ageAtRegistration: 40, education: 'SMA' },
  registeredOn: '2026-11-23',
};

function run(...events: RecruitmentEvent[]): RecruitmentSnapshot {
  let s = startApplication(input);
  for (const e of events) {
    const r = applyEvent(s, e);
    if (!r.ok) throw new Error(`${e.type} refused: ${render('en', r.reason)}`);
    s = r.snapshot;
  }
  return s;
}

const required = DEFAULT_RECRUITMENT_RULES.documents.filter((d) => d.required).map((d) => d.code);
const verifyAll = required.map((document) => ({ type: 'VERIFY_DOCUMENT' as const, document }));

describe('refusing COMPLETE_ADMIN_CHECK', () => {
  it('names the missing documents by their labels, not their codes', () => {
    const s = run({ type: 'BEGIN_ADMIN_CHECK' }, ...verifyAll.slice(0, -2));
    const refusal = explainRefusal(s, { type: 'COMPLETE_ADMIN_CHECK' });
    const missing = required.slice(-2);
    expect(refusal).toEqual({
      reason: 'ADMIN_CHECK_INCOMPLETE',
      params: { documents: missing, age: null, maxAge: 60, education: null },
    });
    for (const lang of ['id', 'en'] as const) {
      const sentence = render(lang, refusal);
      for (const code of missing) {
        expect(sentence).toContain(labelOf(lang, 'doc', code));
        expect(sentence).not.toContain(code);
      }
    }
    expect(render('id', refusal)).toBe(
      'Seleksi administrasi belum dapat diselesaikan: berkas wajib belum terverifikasi: Pas foto dan Surat lamaran.',
    );
  });
  it('names an applicant over the age limit and under the education level', () => {
    const old = startApplication({ ...input, applicant: { ageAtRegistration: 61, education: 'SMP' } });
    const begun = applyEvent(old, { type: 'BEGIN_ADMIN_CHECK' });
    if (!begun.ok) throw new Error('not begun');
    const refusal = explainRefusal(begun.snapshot, { type: 'COMPLETE_ADMIN_CHECK' });
    expect(refusal.params).toMatchObject({ age: 61, maxAge: 60, education: 'SMP' });
    expect(render('id', refusal)).toContain('usia 61 tahun melebihi batas 60 tahun; pendidikan SMP di bawah SMA/sederajat');
  });
  it('an event the stage does not take is named by its label and the stage', () => {
    const refusal = explainRefusal(run(), {
      type: 'SIGN_AGREEMENT',
      agreementNumber: 'P/1',
      signedOn: '2026-11-23',
      startDate: '2026-11-23',
    });
    expect(refusal).toEqual({
      reason: 'EVENT_NOT_ALLOWED',
      params: { event: 'SIGN_AGREEMENT', state: 'registered', machine: 'recruitment' },
    });
    expect(render('id', refusal)).toBe('Catat penandatanganan PKS tidak berlaku pada tahap Terdaftar.');
  });
  it('lists as allowed now neither the refused event nor an event whose guard cannot pass', () => {
    const s = run({ type: 'BEGIN_ADMIN_CHECK' });
    const r = applyEvent(s, { type: 'COMPLETE_ADMIN_CHECK' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.reason).toBe('ADMIN_CHECK_INCOMPLETE');
    expect(r.allowedEvents).not.toContain('COMPLETE_ADMIN_CHECK');
    // nothing is verified yet, so nothing can be un-verified
    expect(r.allowedEvents).not.toContain('UNVERIFY_DOCUMENT');
    expect(r.allowedEvents).toEqual(['VERIFY_DOCUMENT', 'REJECT', 'WITHDRAW']);
  });
  it('a document verified twice is refused, and VERIFY_DOCUMENT stays allowed: the other documents still pass', () => {
    const s = run({ type: 'BEGIN_ADMIN_CHECK' }, verifyAll[0]!);
    const r = applyEvent(s, verifyAll[0]!);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.allowedEvents).toContain('VERIFY_DOCUMENT');
    expect(r.reason).toEqual({ reason: 'DOCUMENT_ALREADY_VERIFIED', params: { document: verifyAll[0]!.document } });
    expect(render('id', r.reason)).toBe('Berkas KTP sudah terverifikasi.');
  });
});

describe('allowedEvents filters by the guards that do not depend on the payload', () => {
  it('offers completing the check and un-verifying only when they can pass', () => {
    expect(allowedEvents(run({ type: 'BEGIN_ADMIN_CHECK' }))).toEqual(['VERIFY_DOCUMENT', 'REJECT', 'WITHDRAW']);
    const some = run({ type: 'BEGIN_ADMIN_CHECK' }, verifyAll[0]!);
    expect(allowedEvents(some)).toEqual(['VERIFY_DOCUMENT', 'UNVERIFY_DOCUMENT', 'REJECT', 'WITHDRAW']);
    const all = run({ type: 'BEGIN_ADMIN_CHECK' }, ...verifyAll);
    expect(allowedEvents(all)).toContain('COMPLETE_ADMIN_CHECK');
    expect(allowedEvents(all)).toContain('UNVERIFY_DOCUMENT');
  });
  it('keeps events whose guards read the payload (scores, debriefing date)', () => {
    const written = run({ type: 'BEGIN_ADMIN_CHECK' }, ...verifyAll, { type: 'COMPLETE_ADMIN_CHECK' });
    expect(allowedEvents(written)).toContain('RECORD_WRITTEN_TEST_SCORE');
    const debriefing = run(
      { type: 'BEGIN_ADMIN_CHECK' },
      ...verifyAll,
      { type: 'COMPLETE_ADMIN_CHECK' },
      { type: 'RECORD_WRITTEN_TEST_SCORE', score: 70, notes: '' },
      { type: 'RECORD_INTERVIEW_SCORE', score: 70, notes: '' },
      { type: 'SIGN_AGREEMENT', agreementNumber: 'PKS/1', signedOn: '2026-12-05', startDate: '2027-01-01' },
    );
    expect(allowedEvents(debriefing)).toEqual(['COMPLETE_DEBRIEFING', 'REJECT', 'WITHDRAW']);
  });
  it('after a rejection for a low written score: reopen and correct that score, not the interview', () => {
    const rejected = run(
      { type: 'BEGIN_ADMIN_CHECK' },
      ...verifyAll,
      { type: 'COMPLETE_ADMIN_CHECK' },
      {
        type: 'RECORD_WRITTEN_TEST_SCORE',
        score: 40,
        notes: '',
      },
    );
    expect(allowedEvents(rejected)).toEqual(['REOPEN', 'CORRECT_WRITTEN_TEST_SCORE']);
  });
});
