import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMonthlyCsv } from '../src/import/monthlyCsv';
import { importMonths } from '../src/services/contracts/importMonths';
import * as importService from '../src/services/contracts/importMonths';
import { seededDatabase, userContext } from './helpers';

let db: ReturnType<typeof seededDatabase>;
let branchId: number;
let numbers: string[];

beforeAll(async () => {
  db = seededDatabase();
  branchId = (db.handle.sqlite.prepare("select id from branches where code = 'KC-MDN'").get() as { id: number }).id;
  numbers = (
    db.handle.sqlite
      .prepare("select agreement_number n from contracts where agreement_number like 'PKS/05%' order by id")
      .all() as {
      n: string;
    }[]
  ).map((r) => r.n);
});
afterAll(() => db.cleanup());

const HEADER =
  'nomor_pks;bulan;keluarga_binaan;keluarga_dikunjungi;kunjungan;tanggal_laporan;rapat_diadakan;rapat_dihadiri;tunggakan_3;tunggakan_14';
const line = (pks: string) => `${pks};11/2026;500;450;450;05/12/2026;2;2;1.250.000;500.000`;
const csvFor = (...pks: string[]) => [HEADER, ...pks.map(line)].join('\n');
const monthsOf = (n: string) =>
  (
    db.handle.sqlite
      .prepare('select count(*) n from monthly_reports m join contracts c on c.id = m.contract_id where c.agreement_number = ?')
      .get(n) as { n: number }
  ).n;
/** The agreement ends early, before the month the file reports on (what ending it early does to it). */
const endEarly = (n: string) =>
  db.handle.sqlite.prepare("update contracts set end_date = '2026-10-31' where agreement_number = ?").run(n);

let end: string;
beforeEach(() => {
  end = (db.handle.sqlite.prepare('select end_date e from contracts where agreement_number = ?').get(numbers[1]) as { e: string })
    .e;
  db.handle.sqlite.exec('delete from monthly_reports');
});
const restoreEnd = () =>
  db.handle.sqlite.prepare('update contracts set end_date = ? where agreement_number = ?').run(end, numbers[1]);

describe('the monthly import checks and writes in one transaction', () => {
  it('a contract changed after the file was parsed is checked as it is when written', () => {
    // Another request commits while the import is under way. The clock is the import's one call out
    // between parsing and writing, so the change lands after the parse and before the write.
    let armed = true;
    const now = () => {
      if (armed) {
        armed = false;
        endEarly(numbers[1]!);
      }
      return new Date('2026-12-06T02:00:00Z');
    };
    try {
      const ctx = userContext(db.handle, 'penyelia.madiun', now);
      const result = importMonths({
        ctx,
        input: { branchId, csv: csvFor(numbers[0]!, numbers[1]!), acceptValidRows: false, dryRun: false },
      });
      expect(armed).toBe(false);
      expect(result.errors).toEqual([
        expect.objectContaining({
          row: 3,
          column: 'bulan',
          reason: 'MONTH_OUTSIDE_AGREEMENT',
          message: expect.stringMatching(/di luar masa PKS/),
        }),
      ]);
      expect(result).toMatchObject({ valid: 1, imported: 0, updated: 0 });
      expect(monthsOf(numbers[0]!)).toBe(0);
      expect(monthsOf(numbers[1]!)).toBe(0);
    } finally {
      restoreEnd();
    }
  });

  it('importMonthsInTransaction reads the contracts through the transaction it writes in', () => {
    const ctx = userContext(db.handle, 'penyelia.madiun');
    const parsed = parseMonthlyCsv(csvFor(numbers[0]!, numbers[1]!));
    try {
      const result = db.handle.db.transaction(
        (tx) => {
          // Inside the same transaction (one connection), just before the import: the import must see it.
          endEarly(numbers[1]!);
          return importService.importMonthsInTransaction(tx, {
            principal: ctx.principal!,
            branchId,
            parsed,
            at: '2026-12-06T02:00:00.000Z',
            write: true,
            acceptValidRows: true,
          });
        },
        { behavior: 'immediate' },
      );
      expect(result.errors).toEqual([
        expect.objectContaining({
          row: 3,
          column: 'bulan',
          reason: 'MONTH_OUTSIDE_AGREEMENT',
          message: expect.stringMatching(/di luar masa PKS/),
        }),
      ]);
      expect(result).toMatchObject({ valid: 1, imported: 1, updated: 0 });
      expect(monthsOf(numbers[0]!)).toBe(1);
      expect(monthsOf(numbers[1]!)).toBe(0);
    } finally {
      restoreEnd();
    }
  });
});
