import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { DomainError } from '../src/errors';
import { boardColumns, contractColumns, quotaColumns, rowLines } from '../src/services/exports/columns';
import { csvLine } from '@kader/workflow';
import { openExport } from '../src/services/exports/openExport';
import { madiun2026, seededDatabase, userContext } from './helpers';

/**
 * CSV exports (issue 12): the Indonesian formats of the import templates, and the NIK masked
 * unless the asker may reveal it, in which case each NIK written is logged in `nik_views`.
 */
const NIK = '3577015208900001';
const MASKED = '3577 •••• •••• 0001';

describe('shaping (pure)', () => {
  it('quotes a cell only when it holds ; or a quote or a line break, and ends lines with CRLF', () => {
    expect(csvLine(['a', 'b;c', 'say "hi"', 'two\nlines'])).toBe('a;"b;c";"say ""hi""";"two\nlines"\r\n');
  });

  const card = { id: 7, candidateName: 'Sri Rahayu', nik: NIK, workArea: 'Kota Madiun', state: 'interview', snapshot: '{}' };
  it('masks the NIK unless the export was allowed the whole one; dates in the branch zone as dd/mm/yyyy', () => {
    // 17:30 UTC on 22 Nov is already 23 Nov in Jakarta (UTC+7)
    const row = { ...card, stateEnteredAt: '2026-11-22T17:30:00.000Z' };
    const masked = rowLines(boardColumns({ fullNik: false, timeZone: 'Asia/Jakarta' }), [row]);
    expect(masked).toBe(`7;Sri Rahayu;${MASKED};Kota Madiun;Wawancara;23/11/2026\r\n`);
    expect(masked).not.toContain(NIK);
    expect(rowLines(boardColumns({ fullNik: true, timeZone: 'Asia/Jakarta' }), [row])).toContain(`;${NIK};`);
  });

  it('writes numbers grouped by thousands and scores with a decimal comma', () => {
    const contract = {
      item: { nik: NIK },
      card: {
        agreementNumber: 'PKS/1/KC-MDN/2026',
        candidateName: 'Sri Rahayu',
        branch: { name: 'KC Madiun' },
        workArea: 'Kota Madiun',
        state: 'decided',
        startDate: '2026-04-01',
        endDate: '2027-03-31',
        evaluationDueOn: '2027-02-28',
        monthsReported: 11,
        score: 72.5,
        recommendation: 'renew',
        decision: 'drop',
      },
    } as unknown as Parameters<ReturnType<typeof contractColumns>[number]['cell']>[0];
    expect(rowLines(contractColumns({ fullNik: false }), [contract])).toBe(
      `PKS/1/KC-MDN/2026;Sri Rahayu;${MASKED};KC Madiun;Kota Madiun;Sudah diputuskan;01/04/2026;31/03/2027;28/02/2027;11;72,5;Diperpanjang;Tidak diperpanjang\r\n`,
    );
    const period = {
      year: 2026,
      quota: 1250,
      quotaUsed: 1012,
      branch: { code: 'KC-MDN', name: 'KC Madiun' },
      registrationOpensOn: '2025-07-01',
      registrationClosesOn: null,
    } as unknown as Parameters<ReturnType<typeof quotaColumns>[number]['cell']>[0]['period'];
    expect(rowLines(quotaColumns(), [{ period, area: null }])).toBe('2026;KC-MDN;KC Madiun;;1.250;1.012;01/07/2025;\r\n');
  });
});

describe('openExport on the demo data', () => {
  let db: ReturnType<typeof seededDatabase>;
  let periodId: number;
  beforeAll(() => {
    db = seededDatabase();
    periodId = madiun2026(db.handle);
  });
  afterAll(() => db.cleanup());

  const read = (username: string, list: Parameters<typeof openExport>[0]['list'], query: Record<string, string> = {}) => {
    const { filename, chunks } = openExport({ ctx: userContext(db.handle, username), list, query: new URLSearchParams(query) });
    const text = [...chunks].join('');
    return { filename, text, rows: Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' }).data };
  };
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof DomainError ? e.code : 'other';
    }
    return 'none';
  };
  const views = () => (db.handle.sqlite.prepare('select count(*) n from nik_views').get() as { n: number }).n;
  const applications = () =>
    (db.handle.sqlite.prepare('select count(*) n from applications where period_id = ?').get(periodId) as { n: number }).n;

  it("gives a viewer the period's whole board with masked NIKs, and logs nothing", () => {
    const before = views();
    const { filename, rows } = read('pemantau.pusat', 'board', { periodId: String(periodId) });
    expect(filename).toMatch(/^kader-papan-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows[0]).toEqual(['id_lamaran', 'nama', 'nik', 'wilayah_kerja', 'tahap', 'masuk_tahap']);
    expect(rows.length - 1).toBe(applications());
    for (const r of rows.slice(1)) expect(r[2]).toMatch(/^\d{4} •••• •••• \d{4}$/);
    expect(views()).toBe(before);
  });

  it('refuses whole NIKs to a viewer, and anything of another branch', () => {
    expect(refusal(() => read('pemantau.pusat', 'board', { periodId: String(periodId), nik: 'full' }))).toBe('FORBIDDEN');
    expect(refusal(() => read('pimpinan.madiun', 'cadres', { nik: 'full' }))).toBe('FORBIDDEN');
    expect(refusal(() => read('rekruter.makassar', 'board', { periodId: String(periodId) }))).toBe('NOT_FOUND');
    const madiun = db.handle.sqlite.prepare("select id from branches where code = 'KC-MDN'").pluck().get() as number;
    expect(refusal(() => read('rekruter.makassar', 'cadres', { branchId: String(madiun) }))).toBe('NOT_FOUND');
    expect(refusal(() => read('rekruter.madiun', 'users'))).toBe('FORBIDDEN');
    expect(refusal(() => read('rekruter.madiun', 'board', { periodId: 'abc' }))).toBe('other'); // a zod error: 400 over HTTP
  });

  it("gives the branch's recruiter whole NIKs on request, each one logged in nik_views", () => {
    const before = views();
    const { rows } = read('rekruter.madiun', 'board', { periodId: String(periodId), nik: 'full' });
    const niks = rows.slice(1).map((r) => r[2]);
    for (const nik of niks) expect(nik).toMatch(/^\d{16}$/);
    expect(views() - before).toBe(niks.length);
  });

  it('exports the cadres, the renewal queue, users and quotas with their headers', () => {
    const cadres = read('penyelia.madiun', 'cadres').rows;
    expect(cadres[0]?.[0]).toBe('nomor_pks');
    const inBranch = db.handle.sqlite
      .prepare("select count(*) from contracts c join branches b on b.id = c.branch_id where b.code = 'KC-MDN'")
      .pluck()
      .get() as number;
    expect(cadres.length - 1).toBe(inBranch);
    expect(read('penyelia.madiun', 'renewals').rows[0]?.at(-1)).toBe('keputusan');
    const users = read('admin.pusat', 'users').rows;
    expect(users.map((u) => u[0])).toContain('rekruter.makassar');
    const quota = read('rekruter.madiun', 'quota').rows;
    expect(quota[0]?.[0]).toBe('tahun');
    // a branch user's quota file holds their branch only
    expect(new Set(quota.slice(1).map((r) => r[1]))).toEqual(new Set(['KC-MDN']));
  });
});
