import { describe, expect, it } from 'vitest';
import { type RenewalYear, renewalsCsv, renewalsCsvFilename } from '../src/pages/reports/renewalsCsv';

const figures = (over: Partial<RenewalYear['figures']> = {}): RenewalYear['figures'] => ({
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
  ...over,
});

const year: RenewalYear = {
  year: 2020,
  figures: figures({ agreements: 1250, decided: 1200, renewed: 1100, dropped: 100, followed: 1190, overriddenToRenew: 10 }),
  areas: [
    {
      ...figures({ agreements: 4, decided: 4, renewed: 4, followed: 4 }),
      branchId: 1,
      branchCode: 'KC-MDN',
      workAreaId: 2,
      name: 'Kabupaten Madiun; timur',
      regionCode: '35.19',
    },
  ],
  supervisors: [{ ...figures({ decided: 3, renewed: 3, followed: 3 }), username: 'penyelia-sari', name: 'Sari Wulandari' }],
  scores: {
    bins: Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i * 10 + 10,
      renew: i === 9 ? 1100 : 0,
      drop: i === 5 ? 100 : 0,
    })),
    noScore: { renew: 0, drop: 0 },
    thresholds: [60],
  },
  overrides: [],
};

describe('the renewal outcomes CSV', () => {
  it('writes a byte-order mark, `;`, CRLF, grouped thousands; a total, area, supervisor and score lines per year', () => {
    const text = renewalsCsv([year]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'tahun;jenis;kantor_cabang;nama;kode;pks_berakhir;diputuskan;diperpanjang;tidak_diperpanjang;sesuai_rekomendasi;menyimpang_diperpanjang;menyimpang_tidak_diperpanjang;dengan_alasan;menyimpang_dengan_alasan;lewat_waktu;diputuskan_terlambat;masih_lewat_waktu;belum_diputuskan;berhenti_sebelum_keputusan',
    );
    expect(lines.slice(1, 4)).toEqual([
      '2020;total;;;;1.250;1.200;1.100;100;1.190;10;0;0;0;0;0;0;0;0',
      '2020;wilayah;KC-MDN;"Kabupaten Madiun; timur";35.19;4;4;4;0;4;0;0;0;0;0;0;0;0;0',
      '2020;penyelia;;Sari Wulandari;penyelia-sari;0;3;3;0;3;0;0;0;0;0;0;0;0;0',
    ]);
    // ten bins and the decisions without a score: only the renewed and dropped cells
    expect(lines.slice(4, 14).filter((l) => !l.includes(';;;;0;0;'))).toEqual([
      '2020;nilai;;50-60;;;;0;100;;;;;;;;;;',
      '2020;nilai;;90-100;;;;1.100;0;;;;;;;;;;',
    ]);
    expect(lines[14]).toBe('2020;nilai;;tanpa_nilai;;;;0;0;;;;;;;;;;');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(16);
  });
  it('names the file after the years', () => {
    expect(renewalsCsvFilename(2020, 2020)).toBe('kader-hasil-perpanjangan-2020.csv');
    expect(renewalsCsvFilename(2017, 2020)).toBe('kader-hasil-perpanjangan-2017-2020.csv');
  });
});
