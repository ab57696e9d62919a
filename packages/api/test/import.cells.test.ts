import { type Message, render } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { parseDateCell, parseMonthCell, parseWholeNumber } from '../src/import/cells';

/** The value, or the problem as the Indonesian sentence a user reads. */
const value = <T>(r: { ok: true; value: T } | { ok: false; problem: Message }) =>
  r.ok ? r.value : `! ${render('id', r.problem)}`;

describe('whole numbers and rupiah', () => {
  it.each([
    ['1.250.000', 1_250_000],
    ['1250000', 1_250_000],
    ['Rp 1.250.000', 1_250_000],
    ['Rp1.250.000', 1_250_000],
    ['Rp. 1.250.000', 1_250_000],
    ['rp 1.250.000', 1_250_000],
    ['IDR 1.250.000', 1_250_000],
    ['1.250.000,00', 1_250_000],
    ['Rp 1.250.000,00 ', 1_250_000],
    ['1\u00a0250\u00a0000', 1_250_000],
    ['0', 0],
    ['0,00', 0],
    ['-', 0],
    ['Rp -', 0],
    ['Rp  -   ', 0],
  ])('money %j is %d', (raw, expected) => {
    expect(value(parseWholeNumber(raw, 'tunggakan_2', true))).toBe(expected);
  });

  it.each([
    ['480', 480],
    ['1.200', 1200],
    ['012', 12],
    ['2,0', 2],
  ])('count %j is %d', (raw, expected) => {
    expect(value(parseWholeNumber(raw, 'kunjungan'))).toBe(expected);
  });

  it.each([
    ['1.250.000,50', 'Iuran tunggakan 2 bulan "1.250.000,50" harus bilangan bulat (rupiah tanpa sen)'],
    ['-1.000', 'Iuran tunggakan 2 bulan tidak boleh negatif ("-1.000")'],
    ['(1.000)', 'Iuran tunggakan 2 bulan tidak boleh negatif ("(1.000)")'],
    ['Rp -1.000', 'Iuran tunggakan 2 bulan tidak boleh negatif ("Rp -1.000")'],
    ['-Rp 1.000', 'Iuran tunggakan 2 bulan tidak boleh negatif ("-Rp 1.000")'],
    ['1,250,000', 'bukan angka yang dikenali'],
    ['1250000.00', 'bukan angka yang dikenali'],
    ['1.25', 'bukan angka yang dikenali'],
    ['12.50.000', 'bukan angka yang dikenali'],
    ['satu juta', 'bukan angka yang dikenali'],
    ['USD 100', 'bukan angka yang dikenali'],
    ['99999999999999999999', 'Iuran tunggakan 2 bulan "99999999999999999999" terlalu besar'],
  ])('money %j is refused', (raw, message) => {
    expect(value(parseWholeNumber(raw, 'tunggakan_2', true))).toContain(message);
  });

  it.each([
    ['12,5', 'Jumlah kunjungan "12,5" harus bilangan bulat'],
    ['-', 'bukan angka yang dikenali'],
    ['Rp 5', 'bukan angka yang dikenali'],
    ['-3', 'Jumlah kunjungan tidak boleh negatif ("-3")'],
  ])('count %j is refused', (raw, message) => {
    expect(value(parseWholeNumber(raw, 'kunjungan'))).toContain(message);
  });
});

describe('months', () => {
  it.each([
    ['03/2026', '2026-03'],
    ['3/2026', '2026-03'],
    ['12/2026', '2026-12'],
    ['03-2026', '2026-03'],
    ['2026-03', '2026-03'],
    ['2026/3', '2026-03'],
    // What a spreadsheet makes of a typed 03/2026: the first of the month, or a month name.
    ['01/03/2026', '2026-03'],
    ['1/3/2026', '2026-03'],
    ['2026-03-01', '2026-03'],
    ['Mar-26', '2026-03'],
    ['Maret 2026', '2026-03'],
    ['mei-2026', '2026-05'],
    ['Agt 26', '2026-08'],
    ['Agustus 2026', '2026-08'],
    ['Des-26', '2026-12'],
    ['May-26', '2026-05'],
    ['Oct 2026', '2026-10'],
  ])('%j is %s', (raw, expected) => {
    expect(value(parseMonthCell(raw))).toBe(expected);
  });

  it.each([
    ['13/2026', 'nomor bulan harus 01 sampai 12'],
    ['00/2026', 'nomor bulan harus 01 sampai 12'],
    ['15/03/2026', 'tidak dikenali'],
    ['2026-03-15', 'tidak dikenali'],
    ['03/26', 'tidak dikenali'],
    ['Maret', 'tidak dikenali'],
    ['Foo 2026', 'tidak dikenali'],
    ['03/1999', 'tahun harus antara 2000 dan 2099'],
  ])('%j is refused', (raw, message) => {
    expect(value(parseMonthCell(raw))).toContain(message);
  });
});

describe('dates', () => {
  it.each([
    ['03/04/2026', '2026-04-03'],
    ['3/4/2026', '2026-04-03'],
    ['03-04-2026', '2026-04-03'],
    ['03.04.2026', '2026-04-03'],
    ['2026-04-03', '2026-04-03'],
    ['2026-4-3', '2026-04-03'],
    ['3 April 2026', '2026-04-03'],
    ['03-Apr-26', '2026-04-03'],
    ['22 Nov 2026', '2026-11-22'],
    ['03/04/2026 0:00', '2026-04-03'],
    ['03/04/2026 00.00', '2026-04-03'],
    ['29/02/2028', '2028-02-29'],
  ])('%j is %s', (raw, expected) => {
    expect(value(parseDateCell(raw, 'tanggal_laporan'))).toBe(expected);
  });

  it.each([
    ['31/02/2026', 'Tanggal laporan "31/02/2026" tidak ada di kalender'],
    ['29/02/2026', 'tidak ada di kalender'],
    ['2026-13-01', 'tidak ada di kalender'],
    ['04/2026', 'tidak dikenali'],
    ['03/04/26', 'tidak dikenali'],
    ['besok', 'tidak dikenali'],
    ['03/04/1999', 'tahun harus antara 2000 dan 2099'],
  ])('%j is refused', (raw, message) => {
    expect(value(parseDateCell(raw, 'tanggal_laporan'))).toContain(message);
  });
});

describe('problems as messages', () => {
  it('name the column by its code and quote the cell; the sentence follows the language', () => {
    const r = parseWholeNumber('-3', 'kunjungan');
    expect(r).toEqual({ ok: false, problem: { reason: 'CELL_NEGATIVE', params: { column: 'kunjungan', value: '-3' } } });
    if (!r.ok) expect(render('en', r.problem)).toBe('Visits cannot be negative ("-3")');
    const m = parseMonthCell('13/2026');
    if (!m.ok) expect(m.problem).toEqual({ reason: 'CELL_MONTH_NUMBER', params: { value: '13/2026' } });
  });

  it('read month names from the shared names and the spreadsheet spellings, never an object key', () => {
    expect(value(parseMonthCell('Pebruari 2026'))).toBe('2026-02');
    expect(value(parseMonthCell('Nop-26'))).toBe('2026-11');
    expect(value(parseMonthCell('September 2026'))).toBe('2026-09');
    expect(value(parseMonthCell('constructor 2026'))).toContain('tidak dikenali');
  });
});
