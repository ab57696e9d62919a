import { describe, expect, it } from 'vitest';
import {
  formatAngka,
  formatPersenBasisPoin,
  formatTanggal,
  groupNik,
  namaHari,
  terbilang,
  wholeYears,
} from '../src/documents/index';

describe('document formats (Bahasa Indonesia)', () => {
  it('writes dates with Indonesian month and day names', () => {
    expect(formatTanggal('2026-11-22')).toBe('22 November 2026');
    expect(formatTanggal('2027-01-05')).toBe('5 Januari 2027');
    expect(namaHari('2026-11-22')).toBe('Minggu');
    expect(() => formatTanggal('2026-02-29')).toThrow(RangeError);
  });

  it('writes numbers, percentages and the NIK the Indonesian way', () => {
    expect(formatAngka(1250000)).toBe('1.250.000');
    expect(formatPersenBasisPoin(700)).toBe('7%');
    expect(formatPersenBasisPoin(1250)).toBe('12,5%');
    expect(formatPersenBasisPoin(1234)).toBe('12,34%');
    expect(groupNik('3577015208990001')).toBe('3577 0152 0899 0001');
    expect(groupNik('3577-0152-0899-0001')).toBe('3577 0152 0899 0001');
  });

  it('spells numbers out (terbilang)', () => {
    expect(terbilang(0)).toBe('nol');
    expect(terbilang(1)).toBe('satu');
    expect(terbilang(11)).toBe('sebelas');
    expect(terbilang(15)).toBe('lima belas');
    expect(terbilang(100)).toBe('seratus');
    expect(terbilang(500)).toBe('lima ratus');
    expect(terbilang(1000)).toBe('seribu');
    expect(terbilang(1250)).toBe('seribu dua ratus lima puluh');
    expect(terbilang(21_000_000)).toBe('dua puluh satu juta');
  });

  it('recognises a period of whole years, inclusive or to the same day', () => {
    expect(wholeYears('2026-12-01', '2027-11-30')).toBe(1);
    expect(wholeYears('2026-12-01', '2027-12-01')).toBe(1);
    expect(wholeYears('2026-12-01', '2028-11-30')).toBe(2);
    expect(wholeYears('2026-12-01', '2027-06-30')).toBeNull();
  });
});
