/**
 * Renewal outcomes (docs/reports.md) on hand-made histories: eight agreements of KC Madiun, each
 * 2026-04-01 .. 2027-03-31 (so of year 2027, evaluation due 1 Mar 2027) unless said, sent through
 * the real services with a clock. A month `q` is recorded as contracts.test.ts does: visits and
 * collection at q of target, reports on time, meetings attended — score 60·q + 40 (q ≤ 1), renewal
 * recommended at 60 with collection at least 40% of target.
 *
 *   A Kota Madiun  3 months q=1: 100, renew. Budi drops (3 Mar), then Sari renews (4 Mar, no
 *                  reason): the latest counts → renewed, followed, Sari's, not justified.
 *   B Kota Madiun  3 months q=0.2: 52, drop. Sari renews with a justification (5 Mar) → renewed,
 *                  overridden to renew.
 *   C Kab. Ngawi   3 months q=1: 100, renew. Budi drops with a reason (6 Mar) → dropped, overridden to drop.
 *   D Kota Madiun  3 months q=0.5 (70, renew), then May corrected to q=0.05 before the decision:
 *                  visits 525/1500 = 35% → 10.5, collection 10.5M/30M = 35% → 10.5 (under the 40%
 *                  floor), reports 20, attendance 20 = 61, drop. Budi drops (7 Mar) → followed,
 *                  score 61 (bin 60–70). May corrected back to q=0.5 after the decision: still 61.
 *   E Kab. Ngawi   no month; lapsed 1 Apr; Sari decides late 10 Apr 2027, renew with a reason: no
 *                  score, recommendation drop (none without data) → renewed, late, overridden to renew.
 *   F Kota Madiun  lapsed 1 Apr and never decided → still lapsed.
 *   G Kota Madiun  resigned 10 Sep 2026 → ended early.
 *   H Kota Madiun  2026-06-01 .. 2027-05-31: not yet due when the year's others ended → pending.
 * Renewals of A, B and E start 2027-04-01 and end 2028-03-31: year 2028, three pending.
 */
import { insertBranch, insertUser } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { sendContractEvent } from '../src/services/contracts/sendContractEvent';
import { DomainError } from '../src/errors';
import { type RenewalFigures, renewalOutcomes } from '../src/services/reports/renewals';
import { contextFor, fixedClock, monthInput as month, recruitCadre, seedBranch, tempDatabase, userContext } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let otherBranchId: number;
const c: Record<string, number> = {};

const MONTHS = ['2026-04', '2026-05', '2026-06'];
const REASON_B = 'Wilayah baru dibuka, perlu waktu setahun lagi';
const REASON_C = 'Pindah domisili ke luar kabupaten';
const REASON_D = 'Setoran di bawah batas minimal';
const REASON_E = 'Evaluasi terlewat karena penyelia cuti; kinerja baik';

beforeAll(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 10);
  db.handle.sqlite
    .prepare(
      'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods',
    )
    .run();
  const other = insertBranch(db.handle.db, { code: 'KC-BGR', name: 'KC Bogor', timeZone: 'Asia/Jakarta' });
  otherBranchId = other.id;
  for (const [username, name] of [
    ['penyelia-sari', 'Sari Wulandari'],
    ['penyelia-budi', 'Budi Santoso'],
  ] as const) {
    insertUser(db.handle.db, {
      username,
      name,
      role: 'supervisor',
      branchId: ids.branch.id,
      passwordHash: 'x',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  }

  const clock = fixedClock('2026-03-01T02:00:00.000Z');
  const ctx = contextFor(db.handle, clock.now, 'rekruter-uji');
  const recruit = (key: string, nik: string, area: number, start = '2026-04-01') => {
    c[key] = recruitCadre(db.handle, ctx, clock, ids, nik, start, area).id;
  };
  recruit('A', '3577015208900001', ids.area.id);
  recruit('B', '3577015208900002', ids.area.id);
  recruit('C', '3577015208900003', ids.other.id);
  recruit('D', '3577015208900004', ids.area.id);
  recruit('E', '3577015208900005', ids.other.id);
  recruit('F', '3577015208900006', ids.area.id);
  recruit('G', '3577015208900007', ids.area.id);
  recruit('H', '3577015208900008', ids.area.id, '2026-06-01');

  const revision = (id: number) => getContractDetail({ ctx, input: { id } }).revision;
  const monthRevision = (id: number, m: string) =>
    getContractDetail({ ctx, input: { id } }).months.find((x) => x.month === m)?.revision ?? null;
  const months = (key: string, q: number, list = MONTHS) => {
    for (const m of list) {
      recordMonth({ ctx, input: { contractId: c[key]!, revision: monthRevision(c[key]!, m), record: month(m, q) } });
    }
  };
  months('A', 1);
  months('B', 0.2);
  months('C', 1);
  months('D', 0.5);
  months('D', 0.05, ['2026-05']); // corrected before the decision

  sendContractEvent({
    ctx,
    input: {
      id: c.G!,
      revision: revision(c.G!),
      event: { type: 'RESIGN', date: '2026-09-10', reasonCode: 'OTHER_JOB', note: '' },
    },
  });

  runContractScheduler(db.handle, new Date('2027-03-01T02:00:00Z'));
  const decide = (who: string, day: string, key: string, decision: 'renew' | 'drop', reason: string) =>
    decideRenewal({
      ctx: userContext(db.handle, who, () => new Date(`${day}T02:00:00.000Z`)),
      input: { id: c[key]!, revision: revision(c[key]!), decision, reason },
    });
  decide('penyelia-budi', '2027-03-03', 'A', 'drop', 'Coba dulu tidak diperpanjang');
  decide('penyelia-sari', '2027-03-04', 'A', 'renew', '');
  decide('penyelia-sari', '2027-03-05', 'B', 'renew', REASON_B);
  decide('penyelia-budi', '2027-03-06', 'C', 'drop', REASON_C);
  expect(getContractDetail({ ctx, input: { id: c.D! } }).scorecard).toMatchObject({ total: 61, recommendation: 'drop' });
  decide('penyelia-budi', '2027-03-07', 'D', 'drop', REASON_D);
  months('D', 0.5, ['2026-05']); // corrected after the decision: not what it was decided on
  expect(getContractDetail({ ctx, input: { id: c.D! } }).scorecard).toMatchObject({ total: 70, recommendation: 'renew' });

  runContractScheduler(db.handle, new Date('2027-04-01T02:00:00Z'));
  decide('penyelia-sari', '2027-04-10', 'E', 'renew', REASON_E);
});
afterAll(() => db.cleanup());

const headOffice = () => contextFor(db.handle, () => new Date('2027-04-20T02:00:00.000Z'));
const report = (input: Parameters<typeof renewalOutcomes>[0]['input'], ctx = headOffice()) => renewalOutcomes({ ctx, input });
const year2027 = (input: Partial<Parameters<typeof renewalOutcomes>[0]['input']> = {}) =>
  report({ branchId: ids.branch.id, fromYear: 2027, toYear: 2027, ...input }).years[0]!;
const figures = (f: Partial<RenewalFigures>): RenewalFigures => ({
  agreements: 0,
  decided: 0,
  renewed: 0,
  dropped: 0,
  followed: 0,
  overriddenToRenew: 0,
  overriddenToDrop: 0,
  justified: 0,
  overridesJustified: 0,
  lapsed: 0,
  decidedLate: 0,
  stillLapsed: 0,
  pending: 0,
  endedEarly: 0,
  ...f,
});

describe('renewal outcomes on hand-made histories', () => {
  it('counts decisions against recommendations, justifications, lapses and late decisions per year', () => {
    const y = year2027();
    expect(y.year).toBe(2027);
    // decided A B C D E; renewed A B E, dropped C D; followed A (the latest decision) and D;
    // overridden to renew B and E, to drop C; justified B C D E (A's last decision has no reason);
    // lapsed E (decided late) and F (still); pending H; ended early G. 5 + 1 + 1 + 1 = 8.
    expect(y.figures).toEqual(
      figures({
        agreements: 8,
        decided: 5,
        renewed: 3,
        dropped: 2,
        followed: 2,
        overriddenToRenew: 2,
        overriddenToDrop: 1,
        justified: 4,
        overridesJustified: 3,
        lapsed: 2,
        decidedLate: 1,
        stillLapsed: 1,
        pending: 1,
        endedEarly: 1,
      }),
    );
  });

  it('splits them per work area and per supervisor who decided (the latest decision’s)', () => {
    const y = year2027();
    expect(y.areas.map((a) => [a.name, a.regionCode, a.branchCode])).toEqual([
      ['Kabupaten Ngawi', '35.21', 'KC-MDN'],
      ['Kota Madiun', '35.77', 'KC-MDN'],
    ]);
    // Ngawi: C (dropped against renew), E (late renewal against drop)
    expect(y.areas[0]).toMatchObject(
      figures({
        agreements: 2,
        decided: 2,
        renewed: 1,
        dropped: 1,
        overriddenToRenew: 1,
        overriddenToDrop: 1,
        justified: 2,
        overridesJustified: 2,
        lapsed: 1,
        decidedLate: 1,
      }),
    );
    // Kota Madiun: A (followed), B (renewed against drop), D (followed), F lapsed, G resigned, H pending
    expect(y.areas[1]).toMatchObject(
      figures({
        agreements: 6,
        decided: 3,
        renewed: 2,
        dropped: 1,
        followed: 2,
        overriddenToRenew: 1,
        justified: 2,
        overridesJustified: 1,
        lapsed: 1,
        stillLapsed: 1,
        pending: 1,
        endedEarly: 1,
      }),
    );
    // Sari: A, B, E (three renewals, two against drop, E late); Budi: C, D (his first A decision was replaced)
    expect(y.supervisors.map((s) => [s.username, s.name, s.decided, s.renewed, s.dropped])).toEqual([
      ['penyelia-sari', 'Sari Wulandari', 3, 3, 0],
      ['penyelia-budi', 'Budi Santoso', 2, 0, 2],
    ]);
    expect(y.supervisors[0]).toMatchObject({ followed: 1, overriddenToRenew: 2, justified: 2, decidedLate: 1 });
    expect(y.supervisors[1]).toMatchObject({ followed: 1, overriddenToDrop: 1, justified: 2, decidedLate: 0 });
  });

  it('bins the score at decision time: a correction before the decision counts, one after it does not', () => {
    const { scores } = year2027();
    // A 100 renew, B 52 renew, C 100 drop, D 61 drop (not 70: May was corrected back after), E none
    expect(scores.bins.filter((b) => b.renew + b.drop > 0)).toEqual([
      { from: 50, to: 60, renew: 1, drop: 0 },
      { from: 60, to: 70, renew: 0, drop: 1 },
      { from: 90, to: 100, renew: 1, drop: 1 },
    ]);
    expect(scores.bins).toHaveLength(10);
    expect(scores.noScore).toEqual({ renew: 1, drop: 0 });
    expect(scores.thresholds).toEqual([60]);
  });

  it('lists the overrides with their justification, the latest first, dated on the branch calendar', () => {
    expect(
      year2027().overrides.map((o) => [o.agreementNumber, o.decision, o.recommendation, o.reason, o.score, o.by, o.date, o.late]),
    ).toEqual([
      ['PKS/005/KC-MDN/2026', 'renew', 'drop', REASON_E, null, 'penyelia-sari', '2027-04-10', true],
      ['PKS/003/KC-MDN/2026', 'drop', 'renew', REASON_C, 100, 'penyelia-budi', '2027-03-06', false],
      ['PKS/002/KC-MDN/2026', 'renew', 'drop', REASON_B, 52, 'penyelia-sari', '2027-03-05', false],
    ]);
  });

  it('gives every year of the range: the renewals into 2027-28 are pending in 2028', () => {
    const r = report({ branchId: ids.branch.id, fromYear: 2026, toYear: 2028 });
    expect(r.years.map((y) => [y.year, y.figures.agreements, y.figures.pending])).toEqual([
      [2026, 0, 0],
      [2027, 8, 1],
      [2028, 3, 3],
    ]);
  });

  it('narrows to a region: Ngawi (35.21) holds C and E, a province (35) every area', () => {
    expect(year2027({ regionCode: '35.21' }).figures).toMatchObject({ agreements: 2, decided: 2, decidedLate: 1 });
    expect(year2027({ regionCode: '35' }).figures.agreements).toBe(8);
    expect(year2027({ regionCode: '32' }).figures.agreements).toBe(0);
  });

  it('a branch user reads only their own branch: another is not found, head office may ask for it', () => {
    const sari = userContext(db.handle, 'penyelia-sari', () => new Date('2027-04-20T02:00:00.000Z'));
    expect(report({ fromYear: 2027, toYear: 2027 }, sari).years[0]!.figures.agreements).toBe(8);
    expect(() => report({ branchId: otherBranchId, fromYear: 2027, toYear: 2027 }, sari)).toThrow(DomainError);
    expect(() => report({ branchId: otherBranchId, fromYear: 2027, toYear: 2027 }, sari)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(report({ branchId: otherBranchId, fromYear: 2027, toYear: 2027 }).years[0]!.figures.agreements).toBe(0);
    expect(report({ fromYear: 2027, toYear: 2027 }).years[0]!.figures.agreements).toBe(8);
  });
});
