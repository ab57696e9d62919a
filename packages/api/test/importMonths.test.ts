import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index';
import { seededDatabase, userContext } from './helpers';

let db: ReturnType<typeof seededDatabase>;
let branchId: number;
let numbers: string[];

beforeAll(async () => {
  db = seededDatabase();
  branchId = (db.handle.sqlite.prepare("select id from branches where code = 'KC-MDN'").get() as { id: number }).id;
  numbers = (
    db.handle.sqlite
      .prepare("select agreement_number n, start_date s from contracts where agreement_number like 'PKS/05%' order by id")
      .all() as { n: string }[]
  ).map((r) => r.n);
});
afterAll(() => db.cleanup());

const supervisor = () => createCaller(userContext(db.handle, 'penyelia.madiun'));
const HEADER =
  'nomor_pks;bulan;keluarga_binaan;keluarga_dikunjungi;kunjungan;tanggal_laporan;rapat_diadakan;rapat_dihadiri;tunggakan_3;tunggakan_14';
const line = (pks: string, month: string, visited: string, amount3: string) =>
  `${pks};${month};500;${visited};${visited};05/${month === '11/2026' ? '12' : '11'}/2026;2;2;${amount3};500.000`;
const monthlyRows = () => (db.handle.sqlite.prepare('select count(*) n from monthly_reports').get() as { n: number }).n;

describe('importing monthly reports from CSV', () => {
  it('a dry run counts, an import writes, a re-import of the same month updates (audited)', async () => {
    const csv = [
      `\uFEFF${HEADER}`,
      line(numbers[0]!, '11/2026', '450', '1.250.000'),
      line(numbers[1]!, '11/2026', '120', '300.000'),
    ].join('\r\n');
    const before = monthlyRows();
    const dry = await supervisor().contracts.importMonths({ branchId, csv, acceptValidRows: false, dryRun: true });
    expect(dry).toEqual({ rows: 2, valid: 2, imported: 0, updated: 0, errors: [] });
    expect(monthlyRows()).toBe(before);

    const done = await supervisor().contracts.importMonths({ branchId, csv, acceptValidRows: false, dryRun: false });
    expect(done).toMatchObject({ imported: 2, updated: 0 });
    expect(monthlyRows()).toBe(before + 2);

    const again = await supervisor().contracts.importMonths({
      branchId,
      csv: [HEADER, line(numbers[0]!, '11/2026', '470', '1.500.000')].join('\n'),
      acceptValidRows: false,
      dryRun: false,
    });
    expect(again).toMatchObject({ imported: 0, updated: 1 });
    expect(monthlyRows()).toBe(before + 2);
    const audit = db.handle.sqlite
      .prepare("select payload from audit_events where type = 'MONTH_UPDATED' order by id desc")
      .get() as { payload: string };
    expect(JSON.parse(audit.payload)).toMatchObject({
      month: '2026-11',
      source: 'import',
      record: { familiesVisited: 470 },
      previous: { familiesVisited: 450 },
    });
  });

  it('a file with errors writes nothing unless the valid rows are asked for; errors name row and column', async () => {
    const csv = [
      HEADER,
      line(numbers[2]!, '10/2026', '400', '2.000.000'),
      line('PKS/999/KC-MDN/2025', '10/2026', '400', '1.000'),
      line(numbers[2]!, '09/2026', '600', '1.000'), // 600 visited of 500 assigned
    ].join('\n');
    const before = monthlyRows();
    const refused = await supervisor().contracts.importMonths({ branchId, csv, acceptValidRows: false, dryRun: false });
    expect(refused.imported + refused.updated).toBe(0);
    expect(monthlyRows()).toBe(before);
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'nomor_pks'],
      [4, 'keluarga_dikunjungi'],
    ]);
    const partial = await supervisor().contracts.importMonths({ branchId, csv, acceptValidRows: true, dryRun: false });
    expect(partial.imported + partial.updated).toBe(1);
  });

  it("another branch's agreement is not found from here", async () => {
    const other = createCaller(userContext(db.handle, 'rekruter.makassar'));
    const mks = (db.handle.sqlite.prepare("select id from branches where code = 'KC-MKS'").get() as { id: number }).id;
    const result = await other.contracts.importMonths({
      branchId: mks,
      csv: [HEADER, line(numbers[0]!, '11/2026', '1', '1')].join('\n'),
      acceptValidRows: true,
      dryRun: true,
    });
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'nomor_pks',
        reason: 'IMPORT_AGREEMENT_NOT_FOUND',
        params: { agreementNumber: expect.any(String) },
        message: expect.stringContaining('tidak ditemukan'),
      },
    ]);
  });
});
