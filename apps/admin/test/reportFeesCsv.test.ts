import { describe, expect, it } from 'vitest';
import { type FeeReport, feesCsv, feesCsvFilename, monthCell } from '../src/pages/reports/feesCsv';

const totals = (over: Partial<FeeReport['totals']> = {}): FeeReport['totals'] => ({
  cadres: 1,
  tiers: [
    { collected: 0, fee: 0 },
    { collected: 0, fee: 0 },
  ],
  flagged: { lines: 0, amount: 0 },
  collected: 0,
  fee: 0,
  ...over,
});

const report: FeeReport = {
  month: '2026-07',
  schedule: {
    effectiveFrom: '2017-01-01',
    kind: 'tiered',
    tiers: [
      { fromMonths: 2, toMonths: 6, rateBasisPoints: 700 },
      { fromMonths: 7, toMonths: 24, rateBasisPoints: 1000 },
    ],
  },
  totals: totals(),
  branches: [],
  cadres: [
    {
      contractId: 1,
      agreementNumber: 'PKS/001/KC-MDN/2026',
      name: 'Sri Rahayu; "Yayuk"',
      workAreaId: 1,
      workArea: 'Kota Madiun',
      revision: 2,
      totals: totals({
        tiers: [
          { collected: 1_234_567, fee: 86_419 },
          { collected: 500_000, fee: 50_000 },
        ],
        flagged: { lines: 2, amount: 300_000 },
        collected: 2_034_567,
        fee: 136_419,
      }),
      flaggedLines: [],
    },
  ],
  years: [],
};

describe('the fee payout CSV for finance', () => {
  it('writes one line per cadre: agreement number (no NIK), month mm/yyyy, whole rupiah grouped, a column pair per tier', () => {
    const text = feesCsv(report, 'KC-MDN');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'kantor_cabang;bulan;nomor_pks;nama;wilayah_kerja;terkumpul_2_6_bulan;imbal_jasa_2_6_bulan;terkumpul_7_24_bulan;imbal_jasa_7_24_bulan;baris_ditandai;terkumpul_ditandai;jumlah_terkumpul;jumlah_imbal_jasa',
      'KC-MDN;07/2026;PKS/001/KC-MDN/2026;"Sri Rahayu; ""Yayuk""";Kota Madiun;1.234.567;86.419;500.000;50.000;2;300.000;2.034.567;136.419',
      '',
    ]);
    expect(text).not.toMatch(/nik/i);
  });

  it('names the file after the branch and month', () => {
    expect(feesCsvFilename('KC-MDN', '2026-07')).toBe('kader-imbal-jasa-KC-MDN-2026-07.csv');
    expect(monthCell('2026-12')).toBe('12/2026');
  });
});
