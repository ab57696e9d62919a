/** Calendar dates are `YYYY-MM-DD` strings; these helpers never touch a time zone (but `dateInZone`). */
import { parseIsoDate, partsInZone } from './text/format';

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

function toUtc(s: string): Date {
  const p = parseIsoDate(s);
  if (!p) throw new Error(`not a calendar date: ${s}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

function fromUtc(t: Date): string {
  return t.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/**
 * An agreement runs from its start date for one year less a day: 2017-04-01 to 2018-03-31.
 * A start on 29 February has its anniversary on 1 March, so it ends on 28 February.
 */
export function agreementEndDate(start: string): string {
  const t = toUtc(start);
  const anniversary = new Date(Date.UTC(t.getUTCFullYear() + 1, t.getUTCMonth(), t.getUTCDate()));
  anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return fromUtc(anniversary);
}

/** Whole years completed between a birth date and a day (the age a person states). */
export function ageOn(birthDate: string, day: string): number {
  const b = toUtc(birthDate);
  const d = toUtc(day);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/**
 * Each zone's date for the last UTC minute asked: callers ask for "today" at `now` on every command
 * (a send asks twice), and Intl's `formatToParts` is a measurable share of a send's CPU. Every
 * zone's offset has been whole minutes since 1972, so a date cannot change within one UTC minute
 * after that; older instants are not remembered.
 */
const todayByZone = new Map<string, { minute: number; date: string }>();
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1);

/** The calendar date of an instant in a branch's IANA zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
export function dateInZone(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  if (!(t >= WHOLE_MINUTE_OFFSETS_FROM)) return partsInZone(instant, timeZone).date;
  const minute = Math.floor(t / 60_000);
  const known = todayByZone.get(timeZone);
  if (known?.minute === minute) return known.date;
  const date = partsInZone(instant, timeZone).date;
  todayByZone.set(timeZone, { minute, date });
  return date;
}
