import { findContractByApplication } from '@kader/db';
import { issueMessage, render } from '@kader/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatAgreementNumber, parseAgreementNumberPattern } from '../src/documents';
import { DomainError } from '../src/errors';
import { getApplication } from '../src/index';
import { nextAgreementNumber } from '../src/services/contracts/lifecycle';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { createBranchSchema } from '../src/services/planning/createBranch';
import { contextFor, fixedClock, seedBranch, tempDatabase, toSigningStage, recordedOnAt } from './helpers';

describe('parseAgreementNumberPattern', () => {
  it.each([
    ['{seq', /"\{" pada posisi 1 tidak ditutup/],
    ['PKS-{seq', /"\{" pada posisi 5 tidak ditutup/],
    ['PKS/{seq:}/{kode}', /lebar nomor urut pada \{seq:\} harus angka 1-6/],
    ['PKS/{seq:x}/{kode}', /lebar nomor urut pada \{seq:x\} harus angka 1-6/],
    ['PKS/{seq:99999999}/{kode}', /lebar nomor urut pada \{seq:99999999\} harus angka 1-6/],
    ['PKS/{seq:7}/{kode}', /lebar nomor urut pada \{seq:7\} harus angka 1-6/],
    ['PKS/{seq:0}/{kode}', /lebar nomor urut pada \{seq:0\}/],
    ['PKS/{nomor}/{kode}', /token \{nomor\} tidak dikenal/],
    ['PKS/{kode:3}/{seq}', /token \{kode:3\} tidak dikenal/],
    ['PKS/{}/{seq}', /token \{\} tidak dikenal/],
    ['PKS/{seq:3}}/{kode}', /"\}" pada posisi 12 tanpa "\{" pembuka/],
    ['PKS/{se{seq}/{kode}', /"\{" pada posisi 5 tidak ditutup/],
    ['PKS/{kode}/{yyyy}', /satu nomor urut \{seq\}/],
    ['PKS/{seq}/{seq:3}', /2 nomor urut \{seq\}; hanya boleh satu/],
    ['{seq}', /paling sedikit 3 karakter/],
    ['PKS/\t{seq:3}', /karakter kendali pada posisi 5/],
    [`${'X'.repeat(80)}{seq}`, /paling panjang 80 karakter/],
    [`${'{kode}'.repeat(12)}{seq}`, /bisa sampai \d+ karakter; nomor PKS paling banyak 100/],
    ['', /kosong/],
  ])('refuses %j, saying why', (pattern, reason) => {
    const parsed = parseAgreementNumberPattern(pattern);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.every((p) => p.reason === 'AGREEMENT_PATTERN_INVALID')).toBe(true);
      expect(parsed.problems.map((p) => render('id', p)).join('\n')).toMatch(reason);
    }
  });

  it('names each problem by a code with its position, token and bound, in either language', () => {
    const parsed = parseAgreementNumberPattern('PKS-{seq');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.params)).toEqual([
      { problem: 'UNCLOSED', n: 5, token: '', limit: 0 },
      { problem: 'NO_SEQUENCE', n: 0, token: '', limit: 0 },
    ]);
    expect(render('en', parsed.problems[0]!)).toBe(
      'The agreement-number pattern is not valid: the "{" at position 5 is not closed with "}"',
    );
  });

  it('names every problem of a pattern, not just the first', () => {
    const parsed = parseAgreementNumberPattern('PKS/{nomor}/{seq:x}}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toHaveLength(4); // {nomor}, {seq:x}, the stray }, no {seq}
  });

  it.each([
    ['PKS/{seq:3}/{kode}/{yyyy}', '2026-11-22', 7, 'PKS/007/KC-MDN/2026'],
    ['{seq:6}/{kode}/{romawi}/{yy}', '2027-04-01', 12, '000012/KC-MDN/IV/27'],
    ['PKS.{SEQ:2}.{mm}.{YYYY}', '2026-08-01', 3, 'PKS.03.08.2026'],
    ['Nomor {seq} tahun {yyyy}', '2026-01-01', 1234, 'Nomor 1234 tahun 2026'],
    ['KJ-{seq:1}', '2026-01-01', 5, 'KJ-5'],
  ])('accepts %j and numbers from its tokens', (pattern, date, sequence, expected) => {
    const parsed = parseAgreementNumberPattern(pattern);
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) expect(formatAgreementNumber(parsed.tokens, { sequence, date, branchCode: 'KC-MDN' })).toBe(expected);
  });

  it('a width of 6 is the widest', () => {
    expect(parseAgreementNumberPattern('PKS/{seq:6}').ok).toBe(true);
    expect(parseAgreementNumberPattern('PKS/{seq:7}').ok).toBe(false);
  });

  it('the branch form refuses a malformed pattern on its field, with the reason', () => {
    const base = { code: 'KC-KDR', name: 'KC Kediri', timeZone: 'Asia/Jakarta', workAreas: ['Kota Kediri'] };
    for (const bad of ['{seq', '{seq:}', '{seq:x}', 'PKS-{seq', '{seq:99999999}']) {
      const r = createBranchSchema.safeParse({ ...base, agreementNumberPattern: bad });
      expect(r.success, bad).toBe(false);
      const issues = r.error!.issues;
      expect(issues.every((i) => i.path.join('.') === 'agreementNumberPattern')).toBe(true);
      expect(issues[0]!.message).toBe('AGREEMENT_PATTERN_INVALID');
      expect(render('id', issueMessage(issues[0]!))).toMatch(/^Pola nomor PKS tidak valid: /);
    }
    expect(
      createBranchSchema.parse({ ...base, agreementNumberPattern: ' PKS/{seq:3}/{kode}/{yyyy} ' }).agreementNumberPattern,
    ).toBe('PKS/{seq:3}/{kode}/{yyyy}');
  });
});

describe('the search for the next free agreement number', () => {
  let db: ReturnType<typeof tempDatabase>;
  let ctx: ReturnType<typeof contextFor>;
  let ids: ReturnType<typeof seedBranch>;
  let clock: ReturnType<typeof fixedClock>;
  const setPattern = (p: string) => db.handle.sqlite.prepare('update branches set agreement_number_pattern = ?').run(p);

  beforeEach(() => {
    db = tempDatabase();
    clock = fixedClock('2026-03-01T02:00:00.000Z');
    ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
    ids = seedBranch(db.handle, 5);
  });
  afterEach(() => db.cleanup());

  /** An application walked to the signing stage; signed with `agreementNumber` when given. */
  function toSigning(serial: number, agreementNumber?: string, startDate = '2026-04-01') {
    const nik = `357701520890${String(serial).padStart(4, '0')}`;
    const { id, send } = toSigningStage(ctx, ids.period.id, ids.area.id, nik);
    if (agreementNumber)
      send({ type: 'SIGN_AGREEMENT', agreementNumber, signedOn: recordedOnAt(clock, '2026-03-20'), startDate });
    return { id, send };
  }

  it('skips numbers already used, and gives up with a clear error after a bounded number of tries', () => {
    setPattern('TST-{seq:3}'); // no year: the running number counts the branch's every year
    for (const serial of [1, 2, 3]) toSigning(serial, `TST-00${serial}`);
    expect(nextAgreementNumber(db.handle.db, ids.branch.id, '2026-01-01')).toBe('TST-004');
    let error: unknown;
    try {
      nextAgreementNumber(db.handle.db, ids.branch.id, '2026-01-01', { maxTries: 3 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: { reason: 'NO_FREE_AGREEMENT_NUMBER', params: { tries: 3, branch: 'KC Madiun', pattern: 'TST-{seq:3}', first: 1 } },
      message: expect.stringMatching(/Tidak ada nomor PKS yang bebas .* 3 nomor/),
    });
  });

  it('a malformed pattern stored before the check is a clear error, never an endless search', () => {
    toSigning(1, 'PKS-{seq'); // the one "number" such a pattern ever made is taken
    setPattern('PKS-{seq');
    let error: unknown;
    try {
      nextAgreementNumber(db.handle.db, ids.branch.id, '2026-01-01');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: {
        reason: 'AGREEMENT_PATTERN_BROKEN',
        params: { branch: 'KC Madiun', pattern: 'PKS-{seq', problems: ['UNCLOSED', 'NO_SEQUENCE'], ns: [5, 0] },
      },
    });
    expect((error as Error).message).toBe(
      'Pola nomor PKS KC Madiun ("PKS-{seq") tidak valid: tanda "{" pada posisi 5 tidak ditutup dengan "}"; pola harus memuat satu nomor urut {seq} atau {seq:N}, agar setiap nomor berbeda. Kantor Pusat perlu memperbaiki pola ini.',
    );
  });

  it('the signing stage shows no suggestion but names the problem, and answers', () => {
    toSigning(1, 'PKS-{seq');
    const { id } = toSigning(2);
    setPattern('PKS-{seq');
    const detail = getApplication({ ctx, input: { id } });
    expect(detail.state).toBe('agreementSigning');
    expect(detail.suggestedAgreementNumber).toBeNull();
    expect(detail.agreementNumberProblem?.message).toMatch(/Pola nomor PKS KC Madiun .* tidak valid/);
    setPattern('PKS/{seq:3}/{kode}/{yyyy}');
    expect(getApplication({ ctx, input: { id } })).toMatchObject({
      suggestedAgreementNumber: 'PKS/001/KC-MDN/2026',
      agreementNumberProblem: null,
    });
  });

  it('a renewal under a malformed pattern is refused with the reason, and nothing is written', () => {
    db.handle.sqlite
      .prepare(
        'insert into recruitment_periods (branch_id, year, quota, rules) select branch_id, 2027, 5, rules from recruitment_periods',
      )
      .run();
    const { id, send } = toSigning(1, 'PKS-{seq');
    send({ type: 'COMPLETE_DEBRIEFING', debriefedOn: recordedOnAt(clock, '2026-03-25') });
    const c = findContractByApplication(db.handle.db, id)!;
    for (const m of ['2026-04', '2026-05', '2026-06']) {
      recordMonth({
        ctx,
        input: {
          contractId: c.id,
          revision: null,
          record: {
            month: m,
            familiesVisited: 500,
            visits: 600,
            collections: [{ arrearsMonths: 5, amount: 10_000_000 }],
            reportDeliveredOn: `${m}-28`,
            meetingsHeld: 2,
            meetingsAttended: 2,
          },
        },
      });
    }
    runContractScheduler(db.handle, new Date('2027-03-01T02:00:00Z'));
    const d = getContractDetail({ ctx, input: { id: c.id } });
    decideRenewal({ ctx, input: { id: d.id, revision: d.revision, decision: 'renew', reason: '' } });
    setPattern('PKS-{seq');
    const contracts = () => (db.handle.sqlite.prepare('select count(*) n from contracts').get() as { n: number }).n;
    // The scheduler reports the refused renewal and goes on (issue 8): it no longer throws.
    const run = runContractScheduler(db.handle, new Date('2027-04-01T02:00:00Z'));
    expect(run.failures).toEqual([{ contractId: c.id, error: expect.stringMatching(/Pola nomor PKS KC Madiun .* tidak valid/) }]);
    expect(contracts()).toBe(1);
    expect((db.handle.sqlite.prepare('select state from contracts where id = ?').get(c.id) as { state: string }).state).toBe(
      'decided',
    );
  });
});
