/**
 * What only printed documents need: numbers spelled out (terbilang) and an agreement's length in
 * whole years. Dates, numbers, percentages and the NIK come from @kader/workflow's one format
 * module (`formatDate`, `formatNumber`, `formatBasisPoints`, `formatNik`, `dayName`).
 * Pure and locale-free: no Intl, so the output never depends on the ICU data of the host.
 */
import { parseIsoDate } from '@kader/workflow';

/** `2026-11-22` → midnight UTC of that day; throws RangeError on anything that is not a real date. */
export function isoDateToUtc(value: string): Date {
  const p = parseIsoDate(value);
  if (!p) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${value}"`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/**
 * Whole years from `start` to `end` when the period is exactly N years, counted either inclusively
 * (1 Des 2026 – 30 Nov 2027) or to the same day (1 Des 2026 – 1 Des 2027); otherwise null.
 */
export function wholeYears(start: string, end: string): number | null {
  const s = isoDateToUtc(start);
  const e = isoDateToUtc(end).getTime();
  for (let n = 1; n <= 100; n++) {
    // Date.UTC rolls 29 Feb over to 1 Mar in a non-leap year, which is the usual reading.
    const same = Date.UTC(s.getUTCFullYear() + n, s.getUTCMonth(), s.getUTCDate());
    if (e === same || e === same - 86_400_000) return n;
    if (same - 86_400_000 > e) return null;
  }
  return null;
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
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`terbilang: a non-negative whole number, not ${n}`);
  return n === 0 ? 'nol' : eja(n);
}
