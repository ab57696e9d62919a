/**
 * Indonesian wording for printed documents (ux.md "Formats"): dates `22 November 2026`, numbers
 * `1.250.000`, percentages `12,5%`, NIK `3577 0152 0899 0001`, numbers spelled out (terbilang).
 * Pure and locale-free: no Intl, so the output never depends on the ICU data of the host.
 */

import { INDONESIAN_MONTHS as MONTHS } from '@kader/workflow';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export type IsoDate = { year: number; month: number; day: number };

/** `2026-11-22` → parts; throws RangeError on anything that is not a real calendar date. */
export function parseIsoDate(value: string, what = 'tanggal'): IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const t = new Date(Date.UTC(year, month - 1, day));
    if (t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`${what} tidak valid: "${value}" (format YYYY-MM-DD)`);
}

/** Midnight UTC of an ISO date. */
export function isoDateToUtc(value: string): Date {
  const { year, month, day } = parseIsoDate(value);
  return new Date(Date.UTC(year, month - 1, day));
}

/** `2026-11-22` → `22 November 2026`. */
export function formatTanggal(value: string): string {
  const { year, month, day } = parseIsoDate(value);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** `2026-11-22` → `Minggu`. */
export function namaHari(value: string): string {
  return DAYS[isoDateToUtc(value).getUTCDay()] as string;
}

/**
 * Whole years from `start` to `end` when the period is exactly N years, counted either inclusively
 * (1 Des 2026 – 30 Nov 2027) or to the same day (1 Des 2026 – 1 Des 2027); otherwise null.
 */
export function wholeYears(start: string, end: string): number | null {
  const s = parseIsoDate(start);
  const e = isoDateToUtc(end).getTime();
  for (let n = 1; n <= 100; n++) {
    // Date.UTC rolls 29 Feb over to 1 Mar in a non-leap year, which is the usual reading.
    const same = Date.UTC(s.year + n, s.month - 1, s.day);
    if (e === same || e === same - 86_400_000) return n;
    if (same - 86_400_000 > e) return null;
  }
  return null;
}

const groups = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 1250000 → `1.250.000` (integers only; rounds half away from zero). */
export function formatAngka(n: number): string {
  const r = Math.round(Math.abs(n));
  return `${n < 0 && r !== 0 ? '-' : ''}${groups(String(r))}`;
}

/** Basis points as a percentage: 700 → `7%`, 1250 → `12,5%`, 1234 → `12,34%`. */
export function formatPersenBasisPoin(bp: number): string {
  if (!Number.isInteger(bp)) throw new RangeError(`basis poin harus bilangan bulat: ${bp}`);
  const neg = bp < 0;
  const a = Math.abs(bp);
  const int = Math.floor(a / 100);
  const frac = String(a % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${neg ? '-' : ''}${groups(String(int))}${frac ? `,${frac}` : ''}%`;
}

/** 16 digits grouped by four: `3577 0152 0899 0001` (any separators in the input are dropped). */
export function groupNik(nik: string): string {
  const digits = nik.replace(/\D/g, '');
  return (digits || nik).replace(/(\d{4})(?=\d)/g, '$1 ');
}

const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

function eja(n: number): string {
  if (n < 12) return SATUAN[n] as string;
  if (n < 20) return `${eja(n - 10)} belas`;
  const join = (head: string, rest: number) => (rest ? `${head} ${eja(rest)}` : head);
  if (n < 100) return join(`${eja(Math.floor(n / 10))} puluh`, n % 10);
  if (n < 200) return join('seratus', n - 100);
  if (n < 1000) return join(`${eja(Math.floor(n / 100))} ratus`, n % 100);
  if (n < 2000) return join('seribu', n - 1000);
  if (n < 1_000_000) return join(`${eja(Math.floor(n / 1000))} ribu`, n % 1000);
  if (n < 1_000_000_000) return join(`${eja(Math.floor(n / 1_000_000))} juta`, n % 1_000_000);
  if (n < 1_000_000_000_000) return join(`${eja(Math.floor(n / 1_000_000_000))} miliar`, n % 1_000_000_000);
  return join(`${eja(Math.floor(n / 1_000_000_000_000))} triliun`, n % 1_000_000_000_000);
}

/** Spelled out in Indonesian: 500 → `lima ratus`, 0 → `nol` (non-negative safe integers). */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`terbilang: bilangan bulat tidak negatif, bukan ${n}`);
  return n === 0 ? 'nol' : eja(n);
}
