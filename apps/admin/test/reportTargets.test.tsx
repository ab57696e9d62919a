import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../src/i18n';
import { TargetsChart } from '../src/pages/reports/TargetsChart';
import { type TargetsAnswer, targetsCsv, targetsCsvFilename } from '../src/pages/reports/targetsCsv';

type Figures = TargetsAnswer['total'];
const kpi = (actual: number, target: number, percent: number | null) => ({ actual, target, percent });
// the API test's 2026 (reports.targets.test.ts): visits 600/950, dues 20.000.000/18.000.000, reports 2/3, attendance 7/8
const y2026: Figures = {
  cadres: 2,
  months: 3,
  visits: kpi(600, 950, 63.16),
  collection: kpi(20_000_000, 18_000_000, 111.11),
  reports: kpi(2, 3, 66.67),
  attendance: kpi(7, 8, 87.5),
};
const empty: Figures = {
  cadres: 0,
  months: 0,
  visits: kpi(0, 0, null),
  collection: kpi(0, 0, null),
  reports: kpi(0, 0, null),
  attendance: kpi(0, 0, null),
};
const answer: TargetsAnswer = {
  year: null,
  years: [
    { year: 2025, ...empty },
    { year: 2026, ...y2026 },
  ],
  months: [],
  areas: [{ workAreaId: 1, name: 'Kota Madiun', regionCode: '35.77', branchCode: 'KC-MDN', ...y2026 }],
  total: y2026,
  cadres: {
    rows: [
      {
        candidateId: 7,
        name: 'Sri Rahayu',
        workArea: 'Kota Madiun',
        agreementNumber: 'PKS/001/KC-MDN/2026',
        ...y2026,
        cadres: 1,
      },
    ],
    count: 1,
    page: 0,
    pageSize: 50,
    order: 'name',
  },
};

describe('the targets CSV', () => {
  it('writes every table shown in the import’s conventions: `;`, CRLF, BOM, 1.250.000, decimal comma, not capped', () => {
    const text = targetsCsv(answer);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'bagian;periode;kantor_cabang;wilayah_kerja;kode_wilayah;kader;nomor_pks;jumlah_kader;bulan_dilaporkan;keluarga_dikunjungi;target_kunjungan;kunjungan_persen;iuran_terkumpul;target_iuran;iuran_persen;laporan_tepat_waktu;laporan_target;laporan_persen;kehadiran_rapat;target_kehadiran;kehadiran_persen',
    );
    expect(lines.slice(1)).toEqual([
      'tahun;2025;;;;;;0;0;0;0;;0;0;;0;0;;0;0;',
      'tahun;2026;;;;;;2;3;600;950;63,16;20.000.000;18.000.000;111,11;2;3;66,67;7;8;87,5',
      'wilayah;;KC-MDN;Kota Madiun;35.77;;;2;3;600;950;63,16;20.000.000;18.000.000;111,11;2;3;66,67;7;8;87,5',
      'kader;;;Kota Madiun;;Sri Rahayu;PKS/001/KC-MDN/2026;1;3;600;950;63,16;20.000.000;18.000.000;111,11;2;3;66,67;7;8;87,5',
      'jumlah;;;;;;;2;3;600;950;63,16;20.000.000;18.000.000;111,11;2;3;66,67;7;8;87,5',
      '',
    ]);
  });

  it('writes the chosen year’s months, and names the file after the years', () => {
    const months = targetsCsv({ ...answer, year: 2026, months: [{ month: '2026-11', ...y2026 }] });
    expect(months.split('\r\n')[1]).toMatch(/^bulan;2026-11;/);
    expect(targetsCsvFilename(2017, 2020, null)).toBe('kader-target-capaian-2017-2020.csv');
    expect(targetsCsvFilename(2017, 2020, 2019)).toBe('kader-target-capaian-2019.csv');
    expect(targetsCsvFilename(2020, 2020, null)).toBe('kader-target-capaian-2020.csv');
  });
});

describe('the targets chart', () => {
  const render = (values: (number | null)[][]) =>
    renderToStaticMarkup(
      <I18nProvider>
        <TargetsChart
          title="Capaian"
          points={['2017', '2018', '2019', '2020']}
          lines={(['visits', 'collection', 'reports', 'attendance'] as const).map((key, i) => ({
            key,
            label: key,
            values: values[i]!,
          }))}
        />
      </I18nProvider>,
    );

  it('tells the lines apart without colour: each its own dash pattern and marker, values written at the points', () => {
    // the study's Madiun figures: visits 9,7 / 12,7 / 14 / 46,9 %; dues 0 / 70,9 / 67,9 / 153 %
    const svg = render([
      [9.7, 12.7, 14, 46.9],
      [0, 70.9, 67.9, 153],
      [null, 50, 60, 70],
      [80, 90, 100, 100],
    ]);
    expect(svg).toContain('role="img"');
    const dashes = [...svg.matchAll(/<g data-kpi="(\w+)"><polyline[^>]*?(?:stroke-dasharray="([^"]+)")?\/?>/g)].map((m) => [
      m[1],
      m[2] ?? 'solid',
    ]);
    expect(new Set(dashes.map((d) => d[1])).size).toBe(4);
    // dues beyond the target: the axis goes to 200 % and the point is labelled as it is
    expect(svg).toContain('>200%<');
    expect(svg).toContain('>153%<');
    expect(svg).toContain('>46,9%<');
    expect(svg).toContain('data-testid="targets-chart-target"');
    // a year without months breaks the reports line instead of drawing it at zero: three points
    expect(
      svg
        .split('data-kpi="reports"')[1]!
        .split('data-kpi="attendance"')[0]!
        .match(/<path /g),
    ).toHaveLength(3);
  });
});
