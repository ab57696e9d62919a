import { describe, expect, it } from 'vitest';
import { funnelCsv, funnelCsvFilename } from '../src/pages/reports/funnelCsv';
import type { FunnelPeriod } from '../src/pages/reports/types';

const stage = (name: FunnelPeriod['stages'][number]['stage'], over: Partial<FunnelPeriod['stages'][number]> = {}) => ({
  stage: name,
  reached: 0,
  passed: 0,
  inStage: 0,
  rejected: 0,
  withdrawn: 0,
  passRate: null,
  days: null,
  rejections: [],
  withdrawals: [],
  ...over,
});

const period: FunnelPeriod = {
  periodId: 1,
  branchId: 1,
  branchCode: 'KC-MDN',
  branchName: 'KC Madiun; Jawa Timur',
  year: 2018,
  registered: 1250,
  active: 40,
  stages: [
    stage('registered', { reached: 1250, passed: 1000, rejected: 250, passRate: 0.8, days: { n: 1250, median: 1, p90: 2.8 } }),
    stage('administrativeCheck', { reached: 1000, passed: 1000, passRate: 1 }),
  ],
  toActive: null,
  channels: [],
};

describe('the funnel CSV', () => {
  it('writes the CSV conventions: a byte-order mark for Excel, `;`, CRLF, grouped thousands, decimal comma', () => {
    const text = funnelCsv([period]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'kantor_cabang;tahun;tahap;terdaftar;mencapai;lolos;tingkat_lolos_persen;sedang_di_tahap;tidak_lolos;mengundurkan_diri;median_hari;persentil_90_hari',
      'KC-MDN;2018;registered;1.250;1.250;1.000;80;0;250;0;1;2,8',
      'KC-MDN;2018;administrativeCheck;1.250;1.000;1.000;100;0;0;0;;',
      '',
    ]);
  });
  it('names the file after the years', () => {
    expect(funnelCsvFilename(2018, 2018)).toBe('kader-corong-seleksi-2018.csv');
    expect(funnelCsvFilename(2017, 2020)).toBe('kader-corong-seleksi-2017-2020.csv');
  });
});
