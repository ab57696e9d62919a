/**
 * The selection funnel (docs/reports.md) on hand-made histories: six applications sent through the
 * real services, each with its own clock (so one history's days do not depend on another's), the
 * answers worked out by hand below from the dates. All times are 09.00 WIB (02.00 UTC) unless said.
 *
 *   A  Kota Madiun, BANNER    reg 2 Nov · admin 3 Nov · written 5 Nov · interview 10 Nov ·
 *                             signing 30 Nov · debriefing 3 Dec 00.30 WIB (2 Dec 17.30 UTC) ·
 *                             active 3 Dec 17.00 WIB                          → active
 *   B  Kota Madiun, BANNER    reg 2 Nov · admin 3 Nov · written 4 Nov · score 40: rejected 6 Nov ·
 *                             score corrected to 75 on 9 Nov: interview · signing 12 Nov  → in signing
 *   C  Kota Madiun, SOCIAL    reg 2 Nov · admin 3 Nov · rejected (documents) 4 Nov · reopened
 *                             10 Nov: admin · written 13 Nov · score 50: rejected 16 Nov → rejected, written test
 *   D  Kota Madiun, —         reg 2 Nov · admin 3 Nov · written 5 Nov · withdrew 9 Nov → withdrawn, written test
 *   E  Kab. Ngawi, SOCIAL     reg 2 Nov · rejected (age) 6 Nov                 → rejected, registered
 *   F  Kota Madiun, BANNER    reg 20 Nov                                      → registered
 */
import { insertBranch, insertPeriod, insertWorkArea } from '@kader/db';
import { DEFAULT_RECRUITMENT_RULES, registerCandidateSchema } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { DomainError } from '../src/errors';
import { getApplication } from '../src/services/getApplication';
import { registerCandidate } from '../src/services/registerCandidate';
import { type FunnelPeriod, type FunnelStage, selectionFunnel } from '../src/services/reports/funnel';
import { sendApplicationEvent } from '../src/services/sendApplicationEvent';
import { candidateInput, contextFor, REQUIRED_DOCS, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let otherBranchId: number;

/** One application's history: its own clock, set forward to each instant before the event. */
function history(nik: string, at: string, { area, heardFrom }: { area: 'madiun' | 'ngawi'; heardFrom?: string }) {
  let now = new Date(at);
  const ctx: Context = contextFor(db.handle, () => now, 'penyelia-uji');
  const { applicationId: id } = registerCandidate({
    ctx,
    input: registerCandidateSchema.parse({
      ...candidateInput(ids.period.id, area === 'madiun' ? ids.area.id : ids.other.id, nik, `Calon ${nik.slice(-2)}`),
      ...(heardFrom ? { heardFrom } : {}),
    }),
  });
  const send = (instant: string, ...events: Record<string, unknown>[]) => {
    now = new Date(instant);
    for (const event of events) {
      sendApplicationEvent({ ctx, input: { id, revision: getApplication({ ctx, input: { id } }).revision, event } });
    }
  };
  return send;
}
const day = (date: string) => `2026-${date}T02:00:00.000Z`;
const adminCheckDone = [
  ...REQUIRED_DOCS.map((document) => ({ type: 'VERIFY_DOCUMENT', document })),
  { type: 'COMPLETE_ADMIN_CHECK' },
];

beforeAll(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 5);
  const other = insertBranch(db.handle.db, { code: 'KC-BGR', name: 'KC Bogor', timeZone: 'Asia/Jakarta' });
  insertWorkArea(db.handle.db, { branchId: other.id, name: 'Kota Bogor', regionCode: '32.71' });
  insertPeriod(db.handle.db, { branchId: other.id, year: 2026, quota: 3, rules: DEFAULT_RECRUITMENT_RULES });
  otherBranchId = other.id;

  const a = history('3577015208900011', day('11-02'), { area: 'madiun', heardFrom: 'BANNER' });
  a(day('11-03'), { type: 'BEGIN_ADMIN_CHECK' });
  a(day('11-05'), ...adminCheckDone);
  a(day('11-10'), { type: 'RECORD_WRITTEN_TEST_SCORE', score: 80 });
  a(day('11-30'), { type: 'RECORD_INTERVIEW_SCORE', score: 80 });
  a('2026-12-02T17:30:00.000Z', {
    type: 'SIGN_AGREEMENT',
    agreementNumber: 'PKS/011/KC-MDN/2026',
    signedOn: '2026-12-03',
    startDate: '2026-12-15',
  });
  a('2026-12-03T10:00:00.000Z', { type: 'COMPLETE_DEBRIEFING', debriefedOn: '2026-12-03' });

  const b = history('3577015208900012', day('11-02'), { area: 'madiun', heardFrom: 'BANNER' });
  b(day('11-03'), { type: 'BEGIN_ADMIN_CHECK' });
  b(day('11-04'), ...adminCheckDone);
  b(day('11-06'), { type: 'RECORD_WRITTEN_TEST_SCORE', score: 40 });
  b(day('11-09'), { type: 'CORRECT_WRITTEN_TEST_SCORE', score: 75, reason: 'Salah ketik nilai tes' });
  b(day('11-12'), { type: 'RECORD_INTERVIEW_SCORE', score: 80 });

  const c = history('3577015208900013', day('11-02'), { area: 'madiun', heardFrom: 'SOCIAL_MEDIA' });
  c(day('11-03'), { type: 'BEGIN_ADMIN_CHECK' });
  c(day('11-04'), { type: 'REJECT', reasonCode: 'DOCUMENTS_INCOMPLETE', note: '' });
  c(day('11-10'), { type: 'REOPEN', reason: 'Berkas ternyata lengkap' });
  c(day('11-13'), ...adminCheckDone);
  c(day('11-16'), { type: 'RECORD_WRITTEN_TEST_SCORE', score: 50 });

  const d = history('3577015208900014', day('11-02'), { area: 'madiun' });
  d(day('11-03'), { type: 'BEGIN_ADMIN_CHECK' });
  d(day('11-05'), ...adminCheckDone);
  d(day('11-09'), { type: 'WITHDRAW', reasonCode: 'OTHER_JOB', note: '' });

  const e = history('3577015208900015', day('11-02'), { area: 'ngawi', heardFrom: 'SOCIAL_MEDIA' });
  e(day('11-06'), { type: 'REJECT', reasonCode: 'NOT_ELIGIBLE_AGE', note: '' });

  history('3577015208900016', day('11-20'), { area: 'madiun', heardFrom: 'BANNER' });
});
afterAll(() => db.cleanup());

const system = () => contextFor(db.handle, () => new Date('2026-12-05T02:00:00.000Z'));
const madiunPeriod = (input: Parameters<typeof selectionFunnel>[0]['input'], ctx = system()): FunnelPeriod => {
  const found = selectionFunnel({ ctx, input }).periods.find((p) => p.periodId === ids.period.id);
  if (!found) throw new Error('no Madiun period in the answer');
  return found;
};
const stage = (p: FunnelPeriod, name: FunnelStage['stage']) => p.stages.find((s) => s.stage === name)!;

describe('selection funnel on hand-made histories', () => {
  it('counts registered, reached and passed from the stages entered (a correction and a reopening count once)', () => {
    const p = madiunPeriod({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026 });
    expect(p.registered).toBe(6);
    expect(p.active).toBe(1);
    // furthest: A active, B signing, C and D written test, E and F registered
    expect(p.stages.map((s) => [s.stage, s.reached, s.passed, s.inStage])).toEqual([
      ['registered', 6, 4, 1],
      ['administrativeCheck', 4, 4, 0],
      ['writtenTest', 4, 2, 0],
      ['interview', 2, 2, 0],
      ['agreementSigning', 2, 1, 1],
      ['debriefing', 1, 1, 0],
    ]);
  });

  it('counts rejections and withdrawals where they ended, by reason; a reopened or corrected one is not a rejection', () => {
    const p = madiunPeriod({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026 });
    expect(stage(p, 'registered').rejections).toEqual([{ reasonCode: 'NOT_ELIGIBLE_AGE', n: 1 }]);
    // C's first rejection (documents) was reopened; B's below-grade score was corrected
    expect(stage(p, 'administrativeCheck').rejections).toEqual([]);
    expect(stage(p, 'writtenTest').rejections).toEqual([{ reasonCode: 'WRITTEN_TEST_BELOW_GRADE', n: 1 }]);
    expect(stage(p, 'writtenTest').withdrawals).toEqual([{ reasonCode: 'OTHER_JOB', n: 1 }]);
    // pass rate = passed ÷ (passed + ended here): registered 4/5, written test 2/4
    expect(p.stages.map((s) => s.passRate)).toEqual([0.8, 1, 0.5, 1, 1, 1]);
  });

  it('counts a stage’s days on the branch calendar, summing a reopened stage’s stays, across a month boundary', () => {
    const p = madiunPeriod({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026 });
    expect(p.stages.map((s) => [s.stage, s.days])).toEqual([
      // A 1, B 1, C 1, D 1, E 4 (F still there): median 1; p90 at rank 3.6: 1 + 0.6 × 3
      ['registered', { n: 5, median: 1, p90: 2.8 }],
      // A 2, B 1, C 1 + 3 (two stays, the days while rejected not counted), D 2
      ['administrativeCheck', { n: 4, median: 2, p90: 3.4 }],
      // A 5, B 2 (the days rejected before the correction not counted), C 3, D 4
      ['writtenTest', { n: 4, median: 3.5, p90: 4.7 }],
      // A 20, B 3
      ['interview', { n: 2, median: 11.5, p90: 18.3 }],
      // A 30 Nov → 3 Dec (WIB; B is still there)
      ['agreementSigning', { n: 1, median: 3, p90: 3 }],
      // A entered and left on 3 Dec WIB (2 Dec in UTC): 0 days
      ['debriefing', { n: 1, median: 0, p90: 0 }],
    ]);
    expect(p.toActive).toEqual({ n: 1, median: 31, p90: 31 });
  });

  it('counts registrations by channel', () => {
    const p = madiunPeriod({ branchId: ids.branch.id, fromYear: 2026, toYear: 2026 });
    expect(p.channels).toEqual([
      { channel: 'BANNER', n: 3 },
      { channel: 'SOCIAL_MEDIA', n: 2 },
      { channel: null, n: 1 },
    ]);
  });

  it('narrows to a work area by its region code, or a province by its own', () => {
    const ngawi = madiunPeriod({ regionCode: '35.21', fromYear: 2026, toYear: 2026 });
    expect([ngawi.registered, stage(ngawi, 'registered').rejected, stage(ngawi, 'administrativeCheck').reached]).toEqual([
      1, 1, 0,
    ]);
    expect(madiunPeriod({ regionCode: '35', fromYear: 2026, toYear: 2026 }).registered).toBe(6);
  });

  it('gives head office every branch’s periods, a branch user only their own, and another branch as not found', () => {
    const all = selectionFunnel({ ctx: system(), input: { fromYear: 2026, toYear: 2026 } }).periods;
    expect(all.map((p) => [p.branchCode, p.registered])).toEqual([
      ['KC-MDN', 6],
      ['KC-BGR', 0],
    ]);
    const viewer: Context = {
      ...system(),
      principal: { kind: 'user', id: 99, username: 'viewer.mdn', name: 'V', role: 'viewer', branchId: ids.branch.id },
    };
    expect(selectionFunnel({ ctx: viewer, input: { fromYear: 2026, toYear: 2026 } }).periods.map((p) => p.branchCode)).toEqual([
      'KC-MDN',
    ]);
    expect(() => selectionFunnel({ ctx: viewer, input: { branchId: otherBranchId, fromYear: 2026, toYear: 2026 } })).toThrow(
      DomainError,
    );
  });

  it('answers nothing for years without periods', () => {
    expect(selectionFunnel({ ctx: system(), input: { fromYear: 2019, toYear: 2020 } }).periods).toEqual([]);
  });
});
