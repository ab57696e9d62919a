import { describe, expect, it } from 'vitest';
import { daysUntil, urgency } from '../src/contracts/dates';
import { base64ToBytes, IMPORT_TEMPLATE_CSV, safeFilename } from '../src/contracts/files';
import { contractPayloadSummary } from '../src/contracts/history';
import { formatFigure, formatPercentValue } from '@kader/workflow';
import { translateDynamic } from '../src/i18n';
import { templateHref } from '../src/pages/contracts/ImportPanel';

const td = (key: string, fallback: string) => translateDynamic('id', key, fallback);

describe('days to an end date', () => {
  it('counts calendar days, negative once passed', () => {
    expect(daysUntil('2026-12-31', '2026-12-01')).toBe(30);
    expect(daysUntil('2026-12-01', '2026-12-01')).toBe(0);
    expect(daysUntil('2026-11-30', '2026-12-01')).toBe(-1);
    expect(daysUntil('2027-03-01', '2027-02-28')).toBe(1);
    expect(urgency(-1)).toBe('past');
    expect(urgency(7)).toBe('soon');
    expect(urgency(30)).toBe('near');
    expect(urgency(31)).toBe('later');
  });
});

describe('figures', () => {
  it('write scores and percentages with a decimal comma, trailing zeros dropped', () => {
    expect(formatFigure(72.25, 'id')).toBe('72,25');
    expect(formatFigure(80, 'id')).toBe('80');
    expect(formatFigure(1000.5, 'id')).toBe('1.000,5');
    expect(formatFigure(72.5, 'en')).toBe('72.5');
    expect(formatPercentValue(46.94, 'id')).toBe('46,9%');
    expect(formatPercentValue(100, 'id')).toBe('100%');
    expect(formatPercentValue(153.33, 'en')).toBe('153.3%');
  });
});

describe('files', () => {
  it('decodes the PDF the server sends as base64', () => {
    const bytes = base64ToBytes(btoa('%PDF-1.7\n'));
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7\n');
  });
  it('keeps a download name to a plain file name', () => {
    expect(safeFilename('PKS-001-KC-MDN-2026.pdf', 'x.pdf')).toBe('PKS-001-KC-MDN-2026.pdf');
    expect(safeFilename('../../etc/passwd', 'x.pdf')).toBe('passwd');
    expect(safeFilename('PKS/001/KC-MDN.pdf', 'x.pdf')).toBe('KC-MDN.pdf');
    expect(safeFilename('', 'x.pdf')).toBe('x.pdf');
    expect(safeFilename('a:b?.pdf', 'x.pdf')).toBe('a_b_.pdf');
  });
  it('offers the import template as a semicolon CSV link', () => {
    const header = IMPORT_TEMPLATE_CSV.split('\r\n')[0]!;
    expect(header.split(';').slice(0, 8)).toEqual([
      'nomor_pks',
      'bulan',
      'keluarga_binaan',
      'keluarga_dikunjungi',
      'kunjungan',
      'tanggal_laporan',
      'rapat_diadakan',
      'rapat_dihadiri',
    ]);
    expect(header.split(';')).toHaveLength(8 + 25);
    const href = templateHref(IMPORT_TEMPLATE_CSV);
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.split(',').slice(1).join(','))).toBe(`\uFEFF${IMPORT_TEMPLATE_CSV}`);
  });
});

describe('contract history lines', () => {
  it('say which month was recorded, and when it came from an import', () => {
    expect(contractPayloadSummary('MONTH_RECORDED', { month: '2026-11', record: {}, source: 'form' }, 'id', td)).toBe(
      'Bulan: November 2026',
    );
    expect(contractPayloadSummary('MONTH_UPDATED', { month: '2027-01', source: 'import' }, 'id', td)).toBe(
      'Bulan: Januari 2027 · dari impor CSV',
    );
  });
  it('give the decision with the recommendation and the reason', () => {
    expect(
      contractPayloadSummary(
        'DECIDE_RENEWAL',
        { decision: 'drop', recommendation: 'drop', reason: 'Target iuran tidak tercapai' },
        'id',
        td,
      ),
    ).toBe('Keputusan: Tidak diperpanjang · Rekomendasi: Tidak direkomendasikan · Alasan: Target iuran tidak tercapai');
    expect(contractPayloadSummary('DECIDE_RENEWAL', { decision: 'renew', recommendation: 'renew', reason: '' }, 'id', td)).toBe(
      'Keputusan: Perpanjang · Rekomendasi: Direkomendasikan diperpanjang',
    );
    // A lapsed agreement decided late (contract v2) reads the same, with its reason.
    expect(
      contractPayloadSummary(
        'DECIDE_LATE',
        { decision: 'drop', recommendation: 'renew', reason: 'Terlambat diputuskan' },
        'id',
        td,
      ),
    ).toMatch(/^Keputusan: .+ · Rekomendasi: .+ · .+: Terlambat diputuskan$/);
  });
  it('give an early end with its date and reason label', () => {
    expect(contractPayloadSummary('RESIGN', { date: '2027-02-10', reasonCode: 'MOVED_AWAY', note: '' }, 'id', td)).toBe(
      'Tanggal berhenti: 10 Feb 2027 · Alasan: Pindah domisili',
    );
    expect(
      contractPayloadSummary('TERMINATE', { date: '2027-02-10', reasonCode: 'ASKED_FOR_CASH', note: 'Laporan warga' }, 'id', td),
    ).toBe('Tanggal berhenti: 10 Feb 2027 · Alasan: Meminta iuran secara tunai · Catatan: Laporan warga');
  });
  it('fall back to the plain values, skipping nested ones', () => {
    expect(
      contractPayloadSummary('CONTRACT_STARTED', { agreementNumber: 'PKS/1', startDate: '2026-11-22', input: {} }, 'id', td),
    ).toBe('Nomor PKS: PKS/1 · Mulai: 22 Nov 2026');
    expect(contractPayloadSummary('X', null, 'id', td)).toBe('');
  });
});
