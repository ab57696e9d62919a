/**
 * The one place dates, times and numbers become text (ux.md "Formats"), for the admin UI, the
 * server's messages, printed documents and CSV files. Pure: every function takes the language and,
 * where an instant is involved, the branch's IANA zone. Numbers and month names are written without
 * Intl so the output never depends on the host's ICU data; only zone conversion uses Intl.
 */

export type Lang = 'id' | 'en';

export const MONTH_NAMES: Record<Lang, { long: readonly string[]; short: readonly string[] }> = {
  id: {
    long: [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  },
  en: {
    long: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};

export const DAY_NAMES: Record<Lang, readonly string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export type DateParts = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-22` → its parts, or null when it is not a real calendar date. */
export function parseIsoDate(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day ? { year, month, day } : null;
}

/** `2026-11-22` → `22 Nov 2026` (`long`: `22 November 2026`). Anything else is returned as given. */
export function formatDate(isoDate: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const p = parseIsoDate(isoDate);
  if (!p) return isoDate;
  return `${p.day} ${MONTH_NAMES[lang][style][p.month - 1]} ${p.year}`;
}

/** `2026-11-22` → `22/11/2026` (spreadsheets and CSV files in the Indonesian locale). */
export function formatDateNumeric(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** `2026-11` → `November 2026` (`short`: `Nov 2026`). Anything else is returned as given. */
export function formatMonth(yearMonth: string, lang: Lang, style: 'short' | 'long' = 'long'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const name = m ? MONTH_NAMES[lang][style][Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : yearMonth;
}

/** `2026-11-22` → `Minggu` (id) / `Sunday` (en). */
export function dayName(isoDate: string, lang: Lang): string {
  const p = parseIsoDate(isoDate);
  return p ? (DAY_NAMES[lang][new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()] as string) : isoDate;
}

/** Indonesia's three zones; other zones fall back to what Intl calls them. */
const ZONE_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneAbbreviation(timeZone: string): string {
  const known = ZONE_ABBR[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(0))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one (it was
// ~10% of a command's CPU when every "today" built its own: `pnpm bench --profile`).
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zoneFormatters.set(timeZone, f);
  }
  return f;
}

/** Calendar date and wall-clock time of an instant in a zone, via Intl (no offsets by hand). */
export function partsInZone(instant: Date, timeZone: string): { date: string; hour: string; minute: string } {
  const parts = zoneFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: get('hour'), minute: get('minute') };
}

/** A wall-clock `HH:mm` (already in the branch's zone) → `14.30 WIB` (id) or `14:30 WIB` (en). */
export function formatClock(hhmm: string, timeZone: string, lang: Lang): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const sep = lang === 'id' ? '.' : ':';
  const clock = m ? `${m[1]!.padStart(2, '0')}${sep}${m[2]}` : hhmm;
  return `${clock} ${zoneAbbreviation(timeZone)}`;
}

function toDate(instant: string | Date): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** An instant shown as its time in the branch's zone: `14.30 WIB`. */
export function formatTime(instant: string | Date, timeZone: string, lang: Lang): string {
  const p = partsInZone(toDate(instant), timeZone);
  return formatClock(`${p.hour}:${p.minute}`, timeZone, lang);
}

/** An instant shown as date and time in the branch's zone: `22 Nov 2026 14.30 WIB`. */
export function formatDateTime(instant: string | Date, timeZone: string, lang: Lang): string {
  const d = toDate(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  const p = partsInZone(d, timeZone);
  return `${formatDate(p.date, lang)} ${formatClock(`${p.hour}:${p.minute}`, timeZone, lang)}`;
}

/** Days since 1970-01-01 of an ISO date (NaN when it is not one): date arithmetic without zones. */
export function dayNumber(isoDate: string): number {
  const p = parseIsoDate(isoDate);
  return p ? Date.UTC(p.year, p.month - 1, p.day) / 86_400_000 : Number.NaN;
}

/**
 * Whole calendar days between entering a stage (a UTC instant) and now, counted on the branch's
 * calendar: entered 23.00 WIB yesterday, seen at 08.00 WIB today → 1.
 */
export function daysInStage(enteredAt: string | Date, timeZone: string, now: Date = new Date()): number {
  const from = partsInZone(toDate(enteredAt), timeZone).date;
  const to = partsInZone(now, timeZone).date;
  return Math.max(0, Math.round(dayNumber(to) - dayNumber(from)));
}

/** `1250000` → `1.250.000` (id) / `1,250,000` (en): digits grouped by three. */
export function groupThousands(digits: string, lang: Lang = 'id'): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
}

/** Half-up rounding to `decimals`, tolerant of binary fractions (1.005 → 1.01). */
export function roundHalfUp(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(x) * f + 1e-7)) / f;
}

/** A number with exactly `decimals` decimals, thousands grouped: `1.250` / `46,9` (id), `1,250` / `46.9` (en). */
export function formatNumber(n: number, lang: Lang, decimals = 0): string {
  const fixed = Math.abs(roundHalfUp(n, decimals)).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupThousands(int ?? '0', lang)}${frac ? (lang === 'id' ? ',' : '.') + frac : ''}`;
}

/** A figure with at most `maxDecimals` decimals, trailing zeros dropped: 72,25 · 80 · 46,9 (id). */
export function formatFigure(n: number, lang: Lang, maxDecimals = 2): string {
  const fixed = formatNumber(n, lang, maxDecimals);
  const dec = lang === 'id' ? ',' : '.';
  return fixed.includes(dec) ? fixed.replace(/0+$/, '').replace(new RegExp(`\\${dec}$`), '') : fixed;
}

/** `1250000` → `Rp 1.250.000` (id) / `Rp 1,250,000` (en): whole rupiah, rounded. */
export function formatRupiah(amount: number, lang: Lang = 'id'): string {
  const rounded = Math.round(amount);
  return `${rounded < 0 ? '-' : ''}Rp ${groupThousands(String(Math.abs(rounded)), lang)}`;
}

/** A ratio (0.469) → `46,9%` (id) / `46.9%` (en). */
export function formatPercent(ratio: number, lang: Lang, decimals = 1): string {
  return `${formatNumber(ratio * 100, lang, decimals)}%`;
}

/** A percentage already in percent (46.94) → `46,9%` (id), one decimal, trailing zero dropped. */
export function formatPercentValue(percent: number, lang: Lang): string {
  return `${formatFigure(percent, lang, 1)}%`;
}

/** Basis points as a percentage: 700 → `7%`, 1250 → `12,5%`, 1234 → `12,34%` (id). */
export function formatBasisPoints(bp: number, lang: Lang = 'id'): string {
  return `${formatFigure(bp / 100, lang, 2)}%`;
}

/** A score 0-100 with at most one decimal: `72,5` (id), `72.5` (en), `80` stays `80`. */
export function formatScore(score: number, lang: Lang): string {
  return formatNumber(score, lang, Number.isInteger(score) ? 0 : 1);
}

/**
 * A whole number as people type it in Indonesia: `1.250.000` (dot groups thousands), `1250000`,
 * optionally a decimal part after a comma (`1.250.000,00`). Returns the integer part and the
 * decimal digits, or null when the text is not such a number. Callers decide what a decimal part
 * means (a rupiah input keeps it to refuse it; a spreadsheet cell accepts only zeros).
 */
export function parseGroupedNumber(text: string): { whole: number; decimals: string } | null {
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (!m) return null;
  return { whole: Number(m[1]!.replace(/\./g, '')), decimals: m[2] ?? '' };
}
