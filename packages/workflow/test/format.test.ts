import { describe, expect, it } from 'vitest';
import {
  daysInStage,
  formatClock,
  formatDate,
  formatDateNumeric,
  formatDateTime,
  formatNik,
  formatNumber,
  formatPercent,
  formatPhone,
  formatRupiah,
  formatScore,
  formatTime,
  maskNik,
  dateInZone,
  zoneAbbreviation,
} from '@kader/workflow';

describe('dates', () => {
  it('writes 22 Nov 2026 with Indonesian month names in id', () => {
    expect(formatDate('2026-11-22', 'id')).toBe('22 Nov 2026');
    expect(formatDate('2026-05-01', 'id')).toBe('1 Mei 2026');
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(formatDate('2026-10-09', 'id')).toBe('9 Okt 2026');
    expect(formatDate('2026-12-31', 'id')).toBe('31 Des 2026');
  });
  it('writes English month names in en', () => {
    expect(formatDate('2026-05-01', 'en')).toBe('1 May 2026');
    expect(formatDate('2026-08-17', 'en')).toBe('17 Aug 2026');
  });
  it('has a long form with full month names', () => {
    expect(formatDate('2026-01-02', 'id', 'long')).toBe('2 Januari 2026');
    expect(formatDate('2026-12-02', 'id', 'long')).toBe('2 Desember 2026');
    expect(formatDate('2026-12-02', 'en', 'long')).toBe('2 December 2026');
  });
  it('leaves what is not a date alone', () => {
    expect(formatDate('kemarin', 'id')).toBe('kemarin');
    expect(formatDate('2026-13-01', 'id')).toBe('2026-13-01');
  });
  it('has the numeric dd/mm/yyyy form', () => {
    expect(formatDateNumeric('2026-11-02')).toBe('02/11/2026');
  });
});

describe('times in the branch zone', () => {
  const instant = '2026-11-22T07:30:00Z';
  it('names Indonesia’s three zones', () => {
    expect(zoneAbbreviation('Asia/Jakarta')).toBe('WIB');
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Asia/Jayapura')).toBe('WIT');
  });
  it('shows 14.30 WIB, 15.30 WITA, 16.30 WIT for the same instant', () => {
    expect(formatTime(instant, 'Asia/Jakarta', 'id')).toBe('14.30 WIB');
    expect(formatTime(instant, 'Asia/Makassar', 'id')).toBe('15.30 WITA');
    expect(formatTime(instant, 'Asia/Jayapura', 'id')).toBe('16.30 WIT');
    expect(formatTime(instant, 'Asia/Jakarta', 'en')).toBe('14:30 WIB');
  });
  it('uses the branch calendar for the date part (after midnight in Jayapura, not in Jakarta)', () => {
    const late = '2026-11-22T15:30:00Z'; // 22.30 WIB, 00.30 WIT next day
    expect(formatDateTime(late, 'Asia/Jakarta', 'id')).toBe('22 Nov 2026 22.30 WIB');
    expect(formatDateTime(late, 'Asia/Jayapura', 'id')).toBe('23 Nov 2026 00.30 WIT');
  });
  it('writes a wall-clock schedule time with the zone', () => {
    expect(formatClock('09:00', 'Asia/Jakarta', 'id')).toBe('09.00 WIB');
    expect(formatClock('9:05', 'Asia/Makassar', 'id')).toBe('09.05 WITA');
  });
  it('knows today in a zone', () => {
    const now = new Date('2026-11-22T18:00:00Z'); // 01.00 WIB on the 23rd
    expect(dateInZone(now, 'Asia/Jakarta')).toBe('2026-11-23');
    expect(dateInZone(now, 'UTC')).toBe('2026-11-22');
  });
  it('turns the date at midnight in the zone, though it remembers the date of the minute asked', () => {
    // asked again within the same UTC minute, then in the next one (midnight WIB)
    expect(dateInZone(new Date('2026-11-22T16:59:00Z'), 'Asia/Jakarta')).toBe('2026-11-22');
    expect(dateInZone(new Date('2026-11-22T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-11-22');
    expect(dateInZone(new Date('2026-11-22T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-23');
    // the same minute in another zone, and an instant long before whole-minute offsets
    expect(dateInZone(new Date('2026-11-22T17:00:00Z'), 'UTC')).toBe('2026-11-22');
    expect(dateInZone(new Date('1900-01-01T16:50:00Z'), 'Asia/Jakarta')).toBe('1900-01-01');
    expect(dateInZone(new Date('1900-01-01T16:53:00Z'), 'Asia/Jakarta')).toBe('1900-01-02');
  });
});

describe('days in stage', () => {
  it('counts calendar days on the branch calendar', () => {
    const entered = '2026-11-20T16:30:00Z'; // 23.30 WIB on the 20th
    const now = new Date('2026-11-21T01:00:00Z'); // 08.00 WIB on the 21st
    expect(daysInStage(entered, 'Asia/Jakarta', now)).toBe(1);
    // in UTC it is still the 21st for both, but the branch is what counts
    expect(daysInStage(entered, 'UTC', now)).toBe(1);
    expect(daysInStage('2026-11-21T00:30:00Z', 'Asia/Jakarta', now)).toBe(0);
  });
  it('counts across months and never goes negative', () => {
    const now = new Date('2026-12-02T05:00:00Z');
    expect(daysInStage('2026-11-22T05:00:00Z', 'Asia/Jakarta', now)).toBe(10);
    expect(daysInStage('2026-12-05T05:00:00Z', 'Asia/Jakarta', now)).toBe(0);
  });
});

describe('numbers', () => {
  it('writes rupiah with dots and no decimals', () => {
    expect(formatRupiah(1250000)).toBe('Rp 1.250.000');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1000)).toBe('Rp 1.000');
    expect(formatRupiah(1250000.6)).toBe('Rp 1.250.001');
    expect(formatRupiah(-50000)).toBe('-Rp 50.000');
  });
  it('writes percentages with a decimal comma in id', () => {
    expect(formatPercent(0.469, 'id')).toBe('46,9%');
    expect(formatPercent(1, 'id')).toBe('100,0%');
    expect(formatPercent(0.469, 'en')).toBe('46.9%');
  });
  it('groups plain numbers per language', () => {
    expect(formatNumber(12345, 'id')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(1234.56, 'id', 1)).toBe('1.234,6');
  });
  it('writes scores with at most one decimal', () => {
    expect(formatScore(72.5, 'id')).toBe('72,5');
    expect(formatScore(80, 'id')).toBe('80');
    expect(formatScore(72.5, 'en')).toBe('72.5');
  });
});

describe('NIK and phone', () => {
  it('groups and masks a NIK', () => {
    expect(formatNik('3577015208990001')).toBe('3577 0152 0899 0001');
    expect(formatNik('3577 0152 0899 0001')).toBe('3577 0152 0899 0001');
    expect(maskNik('3577015208990001')).toBe('3577 •••• •••• 0001');
    expect(maskNik('3577 0152 0899 0001')).toBe('3577 •••• •••• 0001');
  });
  it('shows a stored phone as 0812-3456-7890', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(formatPhone('+628123456789')).toBe('0812-3456-789');
  });
});
