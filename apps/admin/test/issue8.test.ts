import { DEFAULT_RECRUITMENT_RULES, startApplication, type RecruitmentContext } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { translate } from '../src/i18n';
import { columnHead } from '../src/pages/BoardPage';
import {
  adminCheckBlockers,
  allowedAfterRefusal,
  passMark,
  scoreBelowPassMark,
  sentOutcome,
} from '../src/pages/application/guidance';
import { headerPeriod } from '../src/period';

const ctx = (): RecruitmentContext =>
  startApplication({
    rules: DEFAULT_RECRUITMENT_RULES,
    applicant: { ageAtRegistration: 40, education: 'SMA' },
    registeredOn: '2026-11-23',
  }).context;

describe('board columns while the board loads', () => {
  it('shows no count and no empty-state text while loading', () => {
    expect(columnHead({ total: 0, items: [] }, true)).toEqual({ count: null, empty: false, loading: true });
  });
  it('once loaded, shows the count and says when a column is empty', () => {
    expect(columnHead({ total: 0, items: [] }, false)).toEqual({ count: 0, empty: true, loading: false });
    expect(columnHead({ total: 3, items: [1, 2, 3] }, false)).toEqual({ count: 3, empty: false, loading: false });
  });
});

describe('completing the administrative check', () => {
  it('names the required documents still missing, in the checklist’s order', () => {
    const c = ctx();
    expect(adminCheckBlockers(c).missing).toEqual(['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN']);
    const some = { ...c, verifiedDocuments: ['KTP', 'KK', 'IJAZAH', 'SIM'] as RecruitmentContext['verifiedDocuments'] };
    expect(adminCheckBlockers(some)).toEqual({ missing: ['PAS_FOTO', 'SURAT_LAMARAN'], eligible: true, ready: false });
  });
  it('is ready once every required document is verified and the candidate is eligible', () => {
    const c = ctx();
    const all = { ...c, verifiedDocuments: ['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN'] } as RecruitmentContext;
    expect(adminCheckBlockers(all)).toEqual({ missing: [], eligible: true, ready: true });
    const old = { ...all, eligibility: { ...all.eligibility, age: { ...all.eligibility.age, ok: false } } };
    expect(adminCheckBlockers(old).ready).toBe(false);
  });
});

describe('the refusal’s “allowed now” list', () => {
  it('leaves out the refused event', () => {
    expect(allowedAfterRefusal(['VERIFY_DOCUMENT', 'COMPLETE_ADMIN_CHECK', 'REJECT'], 'COMPLETE_ADMIN_CHECK')).toEqual([
      'VERIFY_DOCUMENT',
      'REJECT',
    ]);
    expect(allowedAfterRefusal(['REJECT'], undefined)).toEqual(['REJECT']);
  });
});

describe('a score under the pass mark', () => {
  it('the score forms know the pass mark from the application’s captured rules', () => {
    const c = { ...ctx(), rules: { ...DEFAULT_RECRUITMENT_RULES, passingGrades: { writtenTest: 60, interview: 65 } } };
    expect(passMark(c, 'RECORD_WRITTEN_TEST_SCORE')).toBe(60);
    expect(passMark(c, 'RECORD_INTERVIEW_SCORE')).toBe(65);
    expect(passMark(c, 'CORRECT_INTERVIEW_SCORE')).toBe(65);
    expect(passMark(c, 'REJECT')).toBeNull();
  });
  it('asks for confirmation only under the mark (the mark itself passes)', () => {
    const c = ctx();
    expect(scoreBelowPassMark(c, 'RECORD_WRITTEN_TEST_SCORE', { score: 59.9 })).toBe(60);
    expect(scoreBelowPassMark(c, 'RECORD_WRITTEN_TEST_SCORE', { score: 60 })).toBeNull();
    expect(scoreBelowPassMark(c, 'SCHEDULE_INTERVIEW', { score: 10 })).toBeNull();
    expect(translate('id', 'score.confirmBelow', { grade: 60 })).toBe(
      'Nilai di bawah batas lulus (60): lamaran akan ditolak. Lanjutkan?',
    );
  });
  it('after sending, a rejection is not reported as a plain save', () => {
    expect(sentOutcome('RECORD_WRITTEN_TEST_SCORE', 'rejected')).toBe('rejected');
    expect(sentOutcome('RECORD_WRITTEN_TEST_SCORE', 'interview')).toBe('saved');
    expect(sentOutcome('REJECT', 'rejected')).toBe('rejected');
    expect(sentOutcome('VERIFY_DOCUMENT', 'administrativeCheck')).toBe('saved');
  });
});

describe('the header’s period on an application page', () => {
  const p = (id: number, year: number, quota: number, quotaUsed: number) => ({ id, year, quota, quotaUsed });
  it('is the chosen period elsewhere', () => {
    expect(headerPeriod(p(1, 2026, 5, 5), null, [p(1, 2026, 5, 5), p(2, 2027, 8, 1)])).toEqual({
      period: p(1, 2026, 5, 5),
      fromPage: false,
    });
  });
  it('is the application’s period on its page, with the freshest quota count', () => {
    const periods = [p(1, 2026, 5, 5), p(2, 2027, 8, 2)];
    expect(headerPeriod(p(1, 2026, 5, 5), p(2, 2027, 8, 1), periods)).toEqual({ period: p(2, 2027, 8, 2), fromPage: true });
    // a period the list does not hold (another branch's, for head office): the page's own view
    expect(headerPeriod(p(1, 2026, 5, 5), p(9, 2027, 4, 0), periods)).toEqual({ period: p(9, 2027, 4, 0), fromPage: true });
    // the page's period is the chosen one: nothing to point out
    expect(headerPeriod(p(1, 2026, 5, 5), p(1, 2026, 5, 5), periods)).toEqual({ period: p(1, 2026, 5, 5), fromPage: false });
  });
});
