import { describe, expect, it } from 'vitest';
import { columnLabel, MIN_LABELLED_HEIGHT, stackedColumns } from '../src/pages/reports/CadresChart';
import type { CadresAnswer } from '../src/pages/reports/CadresReport';
import { cadresCsv, cadresCsvFilename, underAgreementCsv, underAgreementCsvFilename } from '../src/pages/reports/cadresCsv';

const figures = (over: Partial<CadresAnswer['years'][number]> = {}) => ({
  made: 0,
  recruited: 0,
  returners: 0,
  renewed: 0,
  renewedOn: 0,
  dropped: 0,
  resigned: 0,
  terminated: 0,
  lapsed: 0,
  running: 0,
  ...over,
});
const area = {
  branchId: 1,
  branchCode: 'KC-MDN',
  branchName: 'KC Madiun',
  workAreaId: 3,
  areaName: 'Kota Madiun; Kartoharjo',
  regionCode: '35.77',
};

describe('the cadres-per-year CSV', () => {
  it('writes each year’s totals, then each area’s line: a byte-order mark, `;`, CRLF, grouped thousands', () => {
    const text = cadresCsv({
      years: [
        { year: 2018, ...figures({ made: 1250, recruited: 1240, returners: 3, renewed: 10, renewedOn: 1000, dropped: 250 }) },
        { year: 2019, ...figures() },
      ],
      areas: [{ ...area, year: 2018, ...figures({ made: 12, recruited: 12, resigned: 1, running: 11 }) }],
    });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'tahun_pks;kantor_cabang;wilayah_kerja;kode_wilayah;pks_dibuat;rekrutmen_baru;kader_lama_kembali;perpanjangan;diperpanjang_ke_tahun_berikut;tidak_diperpanjang;mengundurkan_diri;diberhentikan;berakhir_tanpa_keputusan;masih_berjalan',
      '2018;;;;1.250;1.240;3;10;1.000;250;0;0;0;0',
      '2019;;;;0;0;0;0;0;0;0;0;0;0',
      // a `;` inside a name is quoted, so the columns stay in place
      '2018;KC-MDN;"Kota Madiun; Kartoharjo";35.77;12;12;0;0;0;0;1;0;0;11',
      '',
    ]);
  });

  it('writes the cadres under agreement per area with the day as dd/mm/yyyy', () => {
    const text = underAgreementCsv([
      { ...area, areaName: 'Kota Madiun', date: '2020-06-30', n: 3 },
      { ...area, workAreaId: 4, areaName: 'Kabupaten Magetan', regionCode: null, date: '2020-06-30', n: 1200 },
    ]);
    expect(text.slice(1).split('\r\n')).toEqual([
      'tanggal;kantor_cabang;wilayah_kerja;kode_wilayah;kader_terikat_pks',
      '30/06/2020;KC-MDN;Kota Madiun;35.77;3',
      '30/06/2020;KC-MDN;Kabupaten Magetan;;1.200',
      '',
    ]);
  });

  it('names the files after the years and the day', () => {
    expect(cadresCsvFilename(2020, 2020)).toBe('kader-per-tahun-2020.csv');
    expect(cadresCsvFilename(2017, 2020)).toBe('kader-per-tahun-2017-2020.csv');
    expect(underAgreementCsvFilename('2020-06-30')).toBe('kader-terikat-pks-2020-06-30.csv');
    expect(underAgreementCsvFilename(null)).toBe('kader-terikat-pks-hari-ini.csv');
  });
});

describe('the stacked columns of the cadres charts', () => {
  // the study's Madiun years: 12 recruited in 2017; 52 in 2018 (renewals and new); 34 and 15 renewed
  const years = [
    { year: 2017, values: [12, 0] },
    { year: 2018, values: [44, 8] },
    { year: 2019, values: [0, 34] },
    { year: 2020, values: [0, 15] },
  ];
  const g = stackedColumns(years, { width: 560, height: 260 });
  const plotHeight = g.plot.bottom - g.plot.top;

  it('tops the axis at a round number over the highest column', () => {
    expect(g.max).toBe(100);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(g.ticks[0]!.y).toBe(g.plot.bottom);
  });

  it('stacks each year’s series from the axis up, heights in proportion, empty series left out', () => {
    const [y2017, y2018, y2019] = g.columns;
    expect(g.columns.map((c) => c.total)).toEqual([12, 52, 34, 15]);
    expect(y2017!.segments.map((s) => s.series)).toEqual([0]);
    expect(y2019!.segments.map((s) => s.series)).toEqual([1]);
    const [recruited, renewed] = y2018!.segments;
    expect(recruited!.y + recruited!.height).toBeCloseTo(g.plot.bottom, 6);
    expect(renewed!.y + renewed!.height).toBeCloseTo(recruited!.y, 6);
    expect(recruited!.height).toBeCloseTo((44 / 100) * plotHeight, 6);
    expect(y2018!.top).toBeCloseTo(g.plot.bottom - 0.52 * plotHeight, 6);
  });

  it('sets the columns left to right inside the plot, one slot per year', () => {
    const xs = g.columns.map((c) => c.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    for (const c of g.columns) {
      expect(c.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(c.x + c.width).toBeLessThanOrEqual(g.plot.right);
    }
  });

  it('knows which segments are too short to carry their number', () => {
    // 206 px of plot for 100: 8 is 16.5 px, enough; 3 of 100 is 6.2 px, not
    expect(g.columns.flatMap((c) => c.segments).filter((s) => s.height < MIN_LABELLED_HEIGHT)).toEqual([]);
    const thin = stackedColumns([{ year: 2021, values: [97, 3] }], { width: 560, height: 260 });
    expect(thin.columns[0]!.segments.filter((s) => s.height < MIN_LABELLED_HEIGHT).map((s) => s.value)).toEqual([3]);
    // the total above the column names the short segment's number; a column of one segment only its total
    const n = String;
    expect(columnLabel(thin.columns[0]!, n)).toBe('100 (3)');
    expect(
      columnLabel(
        stackedColumns([
          { year: 2025, values: [3, 0] },
          { year: 2026, values: [97, 0] },
        ]).columns[0]!,
        n,
      ),
    ).toBe('3');
    expect(columnLabel(g.columns[1]!, n)).toBe('52');
  });

  it('copes with no agreements at all', () => {
    const empty = stackedColumns([{ year: 2025, values: [0, 0] }]);
    expect(empty.max).toBe(1);
    expect(empty.columns[0]!.segments).toEqual([]);
  });
});
