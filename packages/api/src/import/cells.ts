/**
 * Reading one spreadsheet cell: whole numbers and rupiah amounts in the Indonesian format
 * (`1.250.000`, `Rp 1.250.000`, `1.250.000,00`), months and calendar dates as spreadsheets in the
 * Indonesian locale write them. Pure; every failure is a catalogue message naming the column
 * (its canonical name, `kunjungan`, `tunggakan_3`) and quoting the cell.
 */
import { isIsoDate, type Message, MONTH_NAMES, msg, parseGroupedNumber } from '@kader/workflow';

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: Message };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (problem: Message): CellResult<never> => ({ ok: false, problem });

/** A cell's text as a message quotes it, shortened when long (the message adds the quotes). */
export function quoted(raw: string): string {
  const s = raw.trim();
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

// Spaces a spreadsheet may put inside a number: ordinary, no-break (U+00A0) and narrow no-break (U+202F).
const SPACES = /[\s\u00a0\u202f]+/g;
const CURRENCY = /^(?:rp\.?|idr)/i;

/**
 * A whole, non-negative number in the Indonesian format: a dot groups thousands, a comma starts a
 * decimal part, which must be zero. With `money`, a leading `Rp`/`Rp.`/`IDR` is dropped, and a lone
 * dash (how the Accounting format shows zero, `Rp -`) is 0. `column` names the cell in messages.
 */
export function parseWholeNumber(raw: string, column: string, money = false): CellResult<number> {
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
  const value = quoted(raw);
  const parsed = parseGroupedNumber(s);
  if (!parsed) return fail(msg('CELL_NOT_A_NUMBER', { column, value, money }));
  if (/[1-9]/.test(parsed.decimals)) return fail(msg('CELL_NOT_WHOLE', { column, value, money }));
  if (!Number.isSafeInteger(parsed.whole)) return fail(msg('CELL_TOO_BIG', { column, value }));
  if (negative && parsed.whole !== 0) return fail(msg('CELL_NEGATIVE', { column, value }));
  return ok(parsed.whole);
}

/**
 * Month names as Indonesian and English spreadsheets abbreviate or spell them: the shared names
 * (MONTH_NAMES, long and short, both languages) and the spellings only spreadsheets use.
 * A Map, not an object: a cell reading "constructor" must not find Object's own members.
 */
const SPREADSHEET_ALIASES: Record<number, readonly string[]> = {
  2: ['peb', 'pebruari'],
  8: ['agt', 'ags', 'agust'],
  9: ['sept'],
  11: ['nop', 'nopember'],
};
const MONTHS_BY_NAME = new Map<string, number>();
for (const lang of ['id', 'en'] as const) {
  for (const style of ['long', 'short'] as const) {
    MONTH_NAMES[lang][style].forEach((name, i) => MONTHS_BY_NAME.set(name.toLowerCase(), i + 1));
  }
}
for (const [month, names] of Object.entries(SPREADSHEET_ALIASES)) {
  for (const name of names) MONTHS_BY_NAME.set(name, Number(month));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthName = (s: string): number | undefined => MONTHS_BY_NAME.get(s.toLowerCase().replace(/\.$/, ''));
/** A 2-digit year in a month-name form (`Mar-26`, as a spreadsheet shows a month) is 20YY. */
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;
const yearRange = (column: string, raw: string) =>
  msg('CELL_YEAR_RANGE', { column, value: quoted(raw), minimum: MIN_YEAR, maximum: MAX_YEAR });

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
  if (year === undefined || month === undefined) return fail(msg('CELL_MONTH_UNKNOWN', { value: quoted(raw) }));
  if (month < 1 || month > 12) return fail(msg('CELL_MONTH_NUMBER', { value: quoted(raw) }));
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(yearRange('bulan', raw));
  return ok(`${year}-${pad2(month)}`);
}

/**
 * A calendar date as `YYYY-MM-DD`. Accepts `dd/mm/yyyy` (also `d/m/yyyy`, with `-` or `.`),
 * `YYYY-MM-DD`, and `3 April 2026` / `03-Apr-26`; a time after the date (`03/04/2026 0:00`) is ignored.
 * Slashes are always day first: `04/03/2026` is 4 March.
 */
export function parseDateCell(raw: string, column: string): CellResult<string> {
  const s = raw.trim().replace(/\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$/, '');
  let parts: [number, number, number] | undefined; // year, month, day
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[\s/.-]+([a-z]+\.?)[\s/.-]+(\d{2}|\d{4})$/i.exec(s)) && monthName(m[2]!)) {
    parts = [fullYear(m[3]!), monthName(m[2]!)!, Number(m[1])];
  }
  if (!parts) return fail(msg('CELL_DATE_UNKNOWN', { column, value: quoted(raw) }));
  const [y, mo, d] = parts;
  const iso = `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`;
  if (!isIsoDate(iso)) return fail(msg('CELL_DATE_NOT_IN_CALENDAR', { column, value: quoted(raw) }));
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(yearRange(column, raw));
  return ok(iso);
}
