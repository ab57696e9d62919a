/**
 * Pure formatting for the admin UI (ux.md "Formats"). No React, no global state: every function
 * takes the language and, where an instant is involved, the branch's IANA time zone.
 */
import { formatNik as groupNik, formatPhone as groupPhone, INDONESIAN_MONTHS, maskNik as hideNik } from '@kader/workflow';

export type Lang = 'id' | 'en';

const MONTHS_SHORT: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const MONTHS_LONG: Record<Lang, readonly string[]> = {
  id: INDONESIAN_MONTHS,
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-22` → `22 Nov 2026` (`long`: `22 November 2026`). Anything else is returned as given. */
export function formatDate(isoDate: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  const month = Number(m[2]);
  const names = style === 'long' ? MONTHS_LONG[lang] : MONTHS_SHORT[lang];
  const name = names[month - 1];
  if (!name) return isoDate;
  return `${Number(m[3])} ${name} ${m[1]}`;
}

/** `2026-11-22` → `22/11/2026`. */
export function formatDateNumeric(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
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

/** Calendar date and wall-clock time of an instant in a zone, via Intl (no offsets by hand). */
export function partsInZone(instant: Date, timeZone: string): { date: string; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
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

/** Today's calendar date in a zone (`YYYY-MM-DD`). */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  return partsInZone(now, timeZone).date;
}

function dayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
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

function groupThousands(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** `1250000` → `Rp 1.250.000`: dot for thousands, no decimals (rounded). */
export function formatRupiah(amount: number, lang: Lang = 'id'): string {
  const rounded = Math.round(amount);
  const sign = rounded < 0 ? '-' : '';
  return `${sign}Rp ${groupThousands(String(Math.abs(rounded)), lang === 'id' ? '.' : ',')}`;
}

/** A plain number with thousands grouped: `1.250` (id), `1,250` (en). */
export function formatNumber(n: number, lang: Lang, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  const grouped = groupThousands(int ?? '0', lang === 'id' ? '.' : ',');
  return `${sign}${grouped}${frac ? (lang === 'id' ? ',' : '.') + frac : ''}`;
}

/** A ratio (0.469) → `46,9%` (id) / `46.9%` (en), one decimal. */
export function formatPercent(ratio: number, lang: Lang, decimals = 1): string {
  return `${formatNumber(ratio * 100, lang, decimals)}%`;
}

/** A score 0-100 with at most one decimal: `72,5` (id), `72.5` (en), `80` stays `80`. */
export function formatScore(score: number, lang: Lang): string {
  const decimals = Number.isInteger(score) ? 0 : 1;
  return formatNumber(score, lang, decimals);
}

/** `3577015208990001` → `3577 0152 0899 0001`. */
export function formatNik(nik: string): string {
  return groupNik(nik.replace(/\s/g, ''));
}

/** `3577015208990001` → `3577 •••• •••• 0001`. */
export function maskNik(nik: string): string {
  const digits = nik.replace(/\s/g, '');
  return /^\d{16}$/.test(digits) ? hideNik(digits) : nik;
}

/** `+6281234567890` → `0812-3456-7890`. */
export function formatPhone(e164: string): string {
  return groupPhone(e164);
}

/** A figure with at most `maxDecimals` decimals, trailing zeros dropped: 72,25 · 80 · 46,9 (id). */
export function formatFigure(n: number, lang: Lang, maxDecimals = 2): string {
  const fixed = formatNumber(n, lang, maxDecimals);
  const dec = lang === 'id' ? ',' : '.';
  return fixed.includes(dec) ? fixed.replace(/0+$/, '').replace(new RegExp(`\\${dec}$`), '') : fixed;
}

/** A percentage already in percent (46.94) → `46,9%` (id), one decimal, trailing zero dropped. */
export function formatPercentValue(percent: number, lang: Lang): string {
  return `${formatFigure(percent, lang, 1)}%`;
}
