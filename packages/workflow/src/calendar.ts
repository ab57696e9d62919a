/** Calendar dates are `YYYY-MM-DD` strings; these helpers never touch a time zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtc(s: string): Date {
  const m = ISO_DATE.exec(s);
  if (!m) throw new Error(`not a calendar date: ${s}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
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

/** The calendar date of an instant in a branch's IANA zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
export function dateInZone(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Month names of the Indonesian calendar, for documents and the UI (ux.md "Formats"). */
export const INDONESIAN_MONTHS = [
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
] as const;
