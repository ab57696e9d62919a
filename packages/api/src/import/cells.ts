/**
 * Reading one spreadsheet cell: whole numbers and rupiah amounts in the Indonesian format
 * (`1.250.000`, `Rp 1.250.000`, `1.250.000,00`), months and calendar dates as spreadsheets in the
 * Indonesian locale write them. Pure; every failure is a sentence in Indonesian.
 */
import { isIsoDate } from '@kader/workflow';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

/** A cell's text as quoted in a message, shortened when long. */
export function quote(raw: string): string {
  const s = raw.trim();
  return `"${s.length > 40 ? `${s.slice(0, 37)}...` : s}"`;
}

// Spaces a spreadsheet may put inside a number: ordinary, no-break (U+00A0) and narrow no-break (U+202F).
const SPACES = /[\s\u00a0\u202f]+/g;
const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/; // 1.250.000 or 1.250.000,00
const PLAIN = /^\d+(?:,\d+)?$/; // 1250000 or 1250000,00
const CURRENCY = /^(?:rp\.?|idr)/i;

/**
 * A whole, non-negative number in the Indonesian format: a dot groups thousands, a comma starts a
 * decimal part, which must be zero. With `money`, a leading `Rp`/`Rp.`/`IDR` is dropped, and a lone
 * dash (how the Accounting format shows zero, `Rp -`) is 0. `label` starts the messages.
 */
export function parseWholeNumber(raw: string, label: string, money = false): CellResult<number> {
  let s = raw.replace(SPACES, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  if (money) {
    s = s.replace(CURRENCY, '');
    if (s.startsWith('-')) {
      negative = true;
      s = s.slice(1);
    }
    if (s === '' && negative) return ok(0); // `Rp -`, `-`: the Accounting format's zero
  }
  const example = money ? 'mis. 1.250.000 atau 1250000' : 'mis. 480 atau 1.200';
  if (!GROUPED.test(s) && !PLAIN.test(s)) {
    return fail(
      `${label} ${quote(raw)} bukan angka yang dikenali; tulis angka bulat dengan titik sebagai pemisah ribuan (${example})`,
    );
  }
  const [whole = '', decimals = ''] = s.split(',');
  if (/[1-9]/.test(decimals)) {
    return fail(`${label} ${quote(raw)} harus bilangan bulat${money ? ' (rupiah tanpa sen)' : ''}`);
  }
  const value = Number(whole.replace(/\./g, ''));
  if (!Number.isSafeInteger(value)) return fail(`${label} ${quote(raw)} terlalu besar`);
  if (negative && value !== 0) return fail(`${label} tidak boleh negatif (${quote(raw)})`);
  return ok(value);
}

// Month names as Indonesian and English spreadsheets abbreviate or spell them.
// A Map, not an object: a cell reading "constructor" must not find Object's own members.
const MONTH_NAMES = new Map<string, number>();
(
  [
    ['jan', 'januari', 'january'],
    ['feb', 'peb', 'februari', 'pebruari', 'february'],
    ['mar', 'maret', 'march'],
    ['apr', 'april'],
    ['mei', 'may'],
    ['jun', 'juni', 'june'],
    ['jul', 'juli', 'july'],
    ['agu', 'agt', 'ags', 'agust', 'agustus', 'aug', 'august'],
    ['sep', 'sept', 'september'],
    ['okt', 'oct', 'oktober', 'october'],
    ['nov', 'nop', 'november', 'nopember'],
    ['des', 'dec', 'desember', 'december'],
  ] as const
).forEach((names, i) => names.forEach((n) => MONTH_NAMES.set(n, i + 1)));

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthName = (s: string): number | undefined => MONTH_NAMES.get(s.toLowerCase().replace(/\.$/, ''));
/** A 2-digit year in a month-name form (`Mar-26`, as a spreadsheet shows a month) is 20YY. */
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

/** `03/2026` as the messages show a month. */
export const showMonth = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/**
 * A report month as `YYYY-MM`. Accepts `MM/YYYY`, `M/YYYY`, `YYYY-MM`, and what a spreadsheet
 * turns a typed `03/2026` into: the 1st of the month (`01/03/2026`, `2026-03-01`) or a month name
 * (`Mar-26`, `Maret 2026`).
 */
export function parseMonthCell(raw: string): CellResult<string> {
  const s = raw.trim();
  let year: number | undefined;
  let month: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) [month, year] = [Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(s))) [year, month] = [Number(m[1]), Number(m[2])];
  else if ((m = /^0?1[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [month, year] = [Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{4})-(\d{1,2})-0?1$/.exec(s))) [year, month] = [Number(m[1]), Number(m[2])];
  else if ((m = /^([a-z]+\.?)[\s/.-]*(\d{2}|\d{4})$/i.exec(s)) && monthName(m[1]!)) {
    [month, year] = [monthName(m[1]!), fullYear(m[2]!)];
  }
  const hint = 'tulis bulan sebagai MM/YYYY, mis. 03/2026 (atau 2026-03)';
  if (year === undefined || month === undefined) return fail(`Bulan ${quote(raw)} tidak dikenali; ${hint}`);
  if (month < 1 || month > 12) return fail(`Bulan ${quote(raw)}: nomor bulan harus 01 sampai 12; ${hint}`);
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(`Bulan ${quote(raw)}: tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}`);
  return ok(`${year}-${pad2(month)}`);
}

/**
 * A calendar date as `YYYY-MM-DD`. Accepts `dd/mm/yyyy` (also `d/m/yyyy`, with `-` or `.`),
 * `YYYY-MM-DD`, and `3 April 2026` / `03-Apr-26`; a time after the date (`03/04/2026 0:00`) is ignored.
 * Slashes are always day first: `04/03/2026` is 4 March.
 */
export function parseDateCell(raw: string, label: string): CellResult<string> {
  const s = raw.trim().replace(/\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$/, '');
  let parts: [number, number, number] | undefined; // year, month, day
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[\s/.-]+([a-z]+\.?)[\s/.-]+(\d{2}|\d{4})$/i.exec(s)) && monthName(m[2]!)) {
    parts = [fullYear(m[3]!), monthName(m[2]!)!, Number(m[1])];
  }
  const hint = 'tulis tanggal sebagai dd/mm/yyyy, mis. 03/04/2026';
  if (!parts) return fail(`${label} ${quote(raw)} tidak dikenali; ${hint}`);
  const [y, mo, d] = parts;
  const iso = `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`;
  if (!isIsoDate(iso)) return fail(`${label} ${quote(raw)} tidak ada di kalender; ${hint}`);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`${label} ${quote(raw)}: tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}`);
  return ok(iso);
}
