/**
 * Cadres per year (docs/reports.md) on hand-made histories: six cadres of KC Madiun sent through
 * the real services (registration, selection, signing, the scheduler, decisions, exits) with clocks
 * set to each event's day, the answers worked out by hand below. Agreements run a year less a day
 * from their start; the 2026 ones 1 Apr 2026 – 31 Mar 2027 (evaluation due 1 Mar 2027).
 *
 *   A  Kota Madiun  2026 recruited · renewal decided 5 Mar 2027 · renewed 2 Apr: A2 1 Apr 2027 – 31 Mar 2028
 *   B  Kota Madiun  2026 recruited · resigned, last day 15 Sep 2026 (mid-year)
 *   C  Kab. Ngawi   2026 recruited · no decision: lapsed 2 Apr 2027 · renewed late 10 Apr 2027:
 *                   C2 1 Apr 2027 – 31 Mar 2028 (dated from the end of the lapsed year)
 *   D  Kota Madiun  2026 recruited · dropped (decided 5 Mar, ended 2 Apr 2027) · no agreement in
 *                   2027 · applies again in the 2028 period: D2 1 Apr 2028 – 31 Mar 2029, a new
 *                   recruitment (no previous agreement in its chain), counted among the returners
 *   E  Kab. Ngawi   2027 recruited, starts 1 May 2027 · terminated, last day 31 Aug 2027
 *   F  Kota Madiun  2026 recruited · no decision: lapsed 2 Apr 2027, left so
 *
 * The scheduler last runs on 2 Apr 2027, so A2 and C2 are still open (running) in the database
 * although their end dates have passed: "running" is the state, "under agreement" the dates.
 */
import { findContractByApplication, insertBranch, insertPeriod, insertWorkArea, type ContractRow } from '@kader/db';
import { DEFAULT_RECRUITMENT_RULES } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { DomainError } from '../src/errors';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { sendContractEvent } from '../src/services/contracts/sendContractEvent';
import { type CadresInput, type CadresReport, cadresInputSchema, cadresPerYear } from '../src/services/reports/cadres';
import { contextFor, fixedClock, recordedOnAt, seedBranch, tempDatabase, toSigningStage } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ids: ReturnType<typeof seedBranch>;
let otherBranchId: number;
let beforeLateDecision: CadresReport;
const periods: Record<number, number> = {};
const contracts: Record<string, ContractRow> = {};

const at = (iso: string) => new Date(iso);
const ctxAt = (iso: string): Context => contextFor(db.handle, () => at(iso), 'penyelia-uji');
const revisionOf = (id: number) =>
  db.handle.sqlite.prepare('select revision from contracts where id = ?').pluck().get(id) as number;
const renewalOf = (id: number) =>
  db.handle.sqlite.prepare('select * from contracts where previous_contract_id = ?').get(id) as {
    id: number;
    start_date: string;
  };

/** A cadre recruited into `year`'s period: registered on 1 Mar, signed on 20 Mar, debriefed on the 25th. */
function recruit(nik: string, year: number, area: 'madiun' | 'ngawi', start: string): ContractRow {
  const clock = fixedClock(`${year}-03-01T02:00:00.000Z`);
  const ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
  const { id, send } = toSigningStage(ctx, periods[year]!, area === 'madiun' ? ids.area.id : ids.other.id, nik);
  send({
    type: 'SIGN_AGREEMENT',
    agreementNumber: `PKS/${nik.slice(-3)}/KC-MDN/${year}`,
    signedOn: recordedOnAt(clock, `${year}-03-20`),
    startDate: start,
  });
  send({ type: 'COMPLETE_DEBRIEFING', debriefedOn: recordedOnAt(clock, `${year}-03-25`) });
  return findContractByApplication(db.handle.db, id)!;
}

function decide(c: ContractRow, iso: string, decision: 'renew' | 'drop') {
  decideRenewal({
    ctx: ctxAt(iso),
    input: { id: c.id, revision: revisionOf(c.id), decision, reason: 'Keputusan penyelia setelah evaluasi tahunan' },
  });
}

function exit(c: ContractRow, iso: string, type: 'RESIGN' | 'TERMINATE', date: string, reasonCode: string) {
  sendContractEvent({ ctx: ctxAt(iso), input: { id: c.id, revision: revisionOf(c.id), event: { type, date, reasonCode } } });
}

beforeAll(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 10);
  periods[2026] = ids.period.id;
  for (const year of [2027, 2028]) {
    periods[year] = insertPeriod(db.handle.db, {
      branchId: ids.branch.id,
      year,
      quota: 10,
      rules: DEFAULT_RECRUITMENT_RULES,
    }).id;
  }
  const other = insertBranch(db.handle.db, { code: 'KC-BGR', name: 'KC Bogor', timeZone: 'Asia/Jakarta' });
  insertWorkArea(db.handle.db, { branchId: other.id, name: 'Kota Bogor', regionCode: '32.71' });
  otherBranchId = other.id;

  contracts.A = recruit('3577015208900001', 2026, 'madiun', '2026-04-01');
  contracts.B = recruit('3577015208900002', 2026, 'madiun', '2026-04-01');
  contracts.C = recruit('3577015208900003', 2026, 'ngawi', '2026-04-01');
  contracts.D = recruit('3577015208900004', 2026, 'madiun', '2026-04-01');
  contracts.F = recruit('3577015208900006', 2026, 'madiun', '2026-04-01');

  exit(contracts.B, '2026-09-16T02:00:00.000Z', 'RESIGN', '2026-09-15', 'OTHER_JOB');
  runContractScheduler(db.handle, at('2027-03-02T02:00:00.000Z')); // evaluation due: A, C, D, F
  decide(contracts.A, '2027-03-05T02:00:00.000Z', 'renew');
  decide(contracts.D, '2027-03-05T02:00:00.000Z', 'drop');
  runContractScheduler(db.handle, at('2027-04-02T02:00:00.000Z')); // A renewed (A2), D dropped, C and F lapsed
  beforeLateDecision = cadresPerYear({ ctx: ctxAt('2027-04-05T02:00:00.000Z'), input: { fromYear: 2026, toYear: 2027 } });

  decideRenewal({
    ctx: ctxAt('2027-04-10T02:00:00.000Z'),
    input: {
      id: contracts.C.id,
      revision: revisionOf(contracts.C.id),
      decision: 'renew',
      reason: 'Evaluasi terlewat karena penyelia cuti; kinerja setahun baik',
    },
  });
  contracts.E = recruit('3577015208900005', 2027, 'ngawi', '2027-05-01');
  exit(contracts.E, '2027-09-01T02:00:00.000Z', 'TERMINATE', '2027-08-31', 'ABSENT_WITHOUT_NOTICE');
  contracts.D2 = recruit('3577015208900004', 2028, 'madiun', '2028-04-01');
});
afterAll(() => db.cleanup());

const report = (
  input: Omit<CadresInput, 'fromYear' | 'toYear'> & Partial<CadresInput> = {},
  ctx = ctxAt('2028-04-05T02:00:00.000Z'),
) => cadresPerYear({ ctx, input: { fromYear: 2026, toYear: 2028, ...input } });
const outcome = (f: CadresReport['years'][number]) => [
  f.year,
  f.made,
  f.recruited,
  f.returners,
  f.renewed,
  '→',
  f.renewedOn,
  f.dropped,
  f.resigned,
  f.terminated,
  f.lapsed,
  f.running,
];
const onDay = (r: CadresReport) => r.underAgreement.areas.map((a) => [a.branchCode, a.areaName, a.n]);

describe('cadres per year on hand-made histories', () => {
  it('the history is what the comment says', () => {
    expect(renewalOf(contracts.A!.id).start_date).toBe('2027-04-01');
    expect(renewalOf(contracts.C!.id).start_date).toBe('2027-04-01');
    expect(contracts.D2!.previousContractId).toBeNull();
    expect(contracts.D2!.candidateId).toBe(contracts.D!.candidateId);
  });

  it('counts each year’s agreements by their start year and where each ended (made = the ends + running)', () => {
    const r = report();
    // [year, made, recruited, returners, renewed, →, renewed on, dropped, resigned, terminated, lapsed, running]
    expect(r.years.map(outcome)).toEqual([
      // A B C D F recruited; A and C (late) renewed on, D dropped, B resigned, F lapsed
      [2026, 5, 5, 0, 0, '→', 2, 1, 1, 0, 1, 0],
      // A2 and C2 renewals, E recruited (terminated); A2, C2 not ended by the scheduler yet
      [2027, 3, 1, 0, 2, '→', 0, 0, 0, 1, 0, 2],
      // D2: a new recruitment of a former cadre after a year without an agreement
      [2028, 1, 1, 1, 0, '→', 0, 0, 0, 0, 0, 1],
    ]);
    for (const y of [...r.years, ...r.areas]) {
      expect(y.made).toBe(y.recruited + y.renewed);
      expect(y.made).toBe(y.renewedOn + y.dropped + y.resigned + y.terminated + y.lapsed + y.running);
    }
  });

  it('the same per work area, only the areas with an agreement that year', () => {
    expect(report().areas.map((a) => [a.areaName, ...outcome(a)])).toEqual([
      ['Kota Madiun', 2026, 4, 4, 0, 0, '→', 1, 1, 1, 0, 1, 0], // A B D F
      ['Kabupaten Ngawi', 2026, 1, 1, 0, 0, '→', 1, 0, 0, 0, 0, 0], // C
      ['Kota Madiun', 2027, 1, 0, 0, 1, '→', 0, 0, 0, 0, 0, 1], // A2
      ['Kabupaten Ngawi', 2027, 2, 1, 0, 1, '→', 0, 0, 0, 1, 0, 1], // C2, E
      ['Kota Madiun', 2028, 1, 1, 1, 0, '→', 0, 0, 0, 0, 0, 1], // D2
    ]);
  });

  it('a lapsed agreement counts as lapsed until it is decided late, then by its decision, and its renewal in the next year', () => {
    // on 5 Apr 2027: C lapsed beside F; only A's renewal in 2027 (E not yet recruited)
    expect(beforeLateDecision.years.map(outcome)).toEqual([
      [2026, 5, 5, 0, 0, '→', 1, 1, 1, 0, 2, 0],
      [2027, 1, 0, 0, 1, '→', 0, 0, 0, 0, 0, 1],
    ]);
    const after = report({ toYear: 2027 }).years;
    expect([after[0]!.lapsed, after[0]!.renewedOn, after[1]!.renewed]).toEqual([1, 2, 2]);
  });

  it('counts the years asked for, with a year without agreements as zeros', () => {
    expect(report({ fromYear: 2025, toYear: 2026 }).years.map(outcome)).toEqual([
      [2025, 0, 0, 0, 0, '→', 0, 0, 0, 0, 0, 0],
      [2026, 5, 5, 0, 0, '→', 2, 1, 1, 0, 1, 0],
    ]);
  });

  it('under agreement on a day: start ≤ day ≤ end, an early end’s date the last day under it, every area listed', () => {
    const on = (onDate: string) => onDay(report({ branchId: ids.branch.id, onDate }));
    // B's last day: the five 2026 agreements
    expect(on('2026-09-15')).toEqual([
      ['KC-MDN', 'Kota Madiun', 4],
      ['KC-MDN', 'Kabupaten Ngawi', 1],
    ]);
    // the day after: B has left
    expect(on('2026-09-16')).toEqual([
      ['KC-MDN', 'Kota Madiun', 3],
      ['KC-MDN', 'Kabupaten Ngawi', 1],
    ]);
    // the 2026 year's last day: A, D, F (lapsed, but the agreement ran to its end) and C
    expect(on('2027-03-31')).toEqual([
      ['KC-MDN', 'Kota Madiun', 3],
      ['KC-MDN', 'Kabupaten Ngawi', 1],
    ]);
    // the next day: A2 and C2 (decided late on 10 Apr, dated from 1 Apr); E starts on 1 May
    expect(on('2027-04-01')).toEqual([
      ['KC-MDN', 'Kota Madiun', 1],
      ['KC-MDN', 'Kabupaten Ngawi', 1],
    ]);
    // E's last day, then the day after
    expect(on('2027-08-31')).toEqual([
      ['KC-MDN', 'Kota Madiun', 1],
      ['KC-MDN', 'Kabupaten Ngawi', 2],
    ]);
    expect(on('2027-09-01')).toEqual([
      ['KC-MDN', 'Kota Madiun', 1],
      ['KC-MDN', 'Kabupaten Ngawi', 1],
    ]);
    // A2 and C2 ended on 31 Mar 2028 by their dates though still open; D2 begins
    const r = report({ branchId: ids.branch.id, onDate: '2028-04-01' });
    expect(onDay(r)).toEqual([
      ['KC-MDN', 'Kota Madiun', 1],
      ['KC-MDN', 'Kabupaten Ngawi', 0],
    ]);
    expect([r.underAgreement.date, r.underAgreement.total]).toEqual(['2028-04-01', 1]);
  });

  it('without a day, counts on today in the branch’s zone (WIB), not in UTC', () => {
    // 30 Apr 2027 20.00 UTC is 1 May 03.00 WIB: E's first day
    const r = report({ branchId: ids.branch.id }, ctxAt('2027-04-30T20:00:00.000Z'));
    expect(r.underAgreement.date).toBe('2027-05-01');
    expect(onDay(r)).toEqual([
      ['KC-MDN', 'Kota Madiun', 1],
      ['KC-MDN', 'Kabupaten Ngawi', 2],
    ]);
  });

  it('narrows to a work area by its region code, or a province by its own', () => {
    const ngawi = report({ regionCode: '35.21', onDate: '2027-08-31' });
    expect(ngawi.years.map((y) => y.made)).toEqual([1, 2, 0]);
    expect(onDay(ngawi)).toEqual([['KC-MDN', 'Kabupaten Ngawi', 2]]);
    expect(report({ regionCode: '35' }).years.map((y) => y.made)).toEqual([5, 3, 1]);
  });

  it('gives head office every branch, a branch user only their own, and another branch as not found', () => {
    const all = report({ onDate: '2026-09-15' });
    expect(onDay(all)).toEqual([
      ['KC-MDN', 'Kota Madiun', 4],
      ['KC-MDN', 'Kabupaten Ngawi', 1],
      ['KC-BGR', 'Kota Bogor', 0],
    ]);
    const viewer: Context = {
      ...ctxAt('2028-04-05T02:00:00.000Z'),
      principal: { kind: 'user', id: 99, username: 'viewer.bgr', name: 'V', role: 'viewer', branchId: otherBranchId },
    };
    const own = report({ onDate: '2026-09-15' }, viewer);
    expect(own.years.map((y) => y.made)).toEqual([0, 0, 0]);
    expect(own.areas).toEqual([]);
    expect(onDay(own)).toEqual([['KC-BGR', 'Kota Bogor', 0]]);
    expect(() => report({ branchId: ids.branch.id }, viewer)).toThrow(DomainError);
  });

  it('refuses a day that is not a date and a range of years backwards, naming the field', () => {
    const issues = (input: unknown) => cadresInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ fromYear: 2026, toYear: 2026, onDate: '2026-02-30' })).toEqual([['onDate', 'DATE_INVALID']]);
    expect(issues({ fromYear: 2027, toYear: 2026 })).toEqual([['toYear', 'NUMBER_TOO_SMALL']]);
    expect(issues({ fromYear: 2026, toYear: 2026, onDate: null })).toBeUndefined();
  });
});
