import { dayName, formatBasisPoints, formatDate, formatNik, formatNumber } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { terbilang, wholeYears } from '../src/documents/index';
import { isoDateToUtc } from '../src/documents/format';

describe('document formats (Bahasa Indonesia)', () => {
  it('writes dates, numbers, percentages and the NIK with the shared format module, in Indonesian', () => {
    expect(formatDate('2026-11-22', 'id', 'long')).toBe('22 November 2026');
    expect(formatDate('2027-01-05', 'id', 'long')).toBe('5 Januari 2027');
    expect(dayName('2026-11-22', 'id')).toBe('Minggu');
    expect(() => isoDateToUtc('2026-02-29')).toThrow(RangeError);
    expect(formatNumber(1250000, 'id')).toBe('1.250.000');
    expect(formatBasisPoints(700, 'id')).toBe('7%');
    expect(formatBasisPoints(1250, 'id')).toBe('12,5%');
    expect(formatBasisPoints(1234, 'id')).toBe('12,34%');
    expect(formatNik('3577015208990001')).toBe('3577 0152 0899 0001');
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
