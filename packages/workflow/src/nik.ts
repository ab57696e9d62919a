/**
 * NIK (Nomor Induk Kependudukan): 16 digits laid out `PP KK CC DDMMYY SSSS` — region where it was
 * first registered, birth date (women's day + 40), serial from 0001. The region part is not checked
 * against today's region list: regions split over time and old codes live on in NIKs (domain B7).
 */
import { type Message, msg } from './text/catalogue';
import { parseIsoDate } from './text/format';

export type NikParts = {
  nik: string;
  regionCode: string; // 6 digits: province, regency/city, district
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F';
  serial: string;
};

/** A NIK's parts, or what is wrong with it as a message (`NIK_DIGITS`, `NIK_BIRTH_DATE` …). */
export type NikResult = { ok: true; value: NikParts } | { ok: false; problem: Message };

/** Strips the spaces, dots and dashes people type or paste between the groups. */
export function normalizeNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/**
 * `today` decides the century: YY means 20YY unless that lies in the future, then 19YY (domain C).
 */
export function parseNik(raw: string, today: string): NikResult {
  const nik = normalizeNik(raw);
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: msg('NIK_DIGITS') };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);
  let sex: 'M' | 'F' = 'M';
  if (day > 40) {
    sex = 'F';
    day -= 40;
  }
  if (month < 1 || month > 12) return { ok: false, problem: msg('NIK_BIRTH_MONTH') };
  if (day < 1 || day > 31) return { ok: false, problem: msg('NIK_BIRTH_DAY') };
  if (serial === '0000') return { ok: false, problem: msg('NIK_SERIAL_ZERO') };
  let year = 2000 + yy;
  const candidate = isoDate(year, month, day);
  if (candidate > today) year = 1900 + yy;
  const birthDate = isoDate(year, month, day);
  if (!parseIsoDate(birthDate)) return { ok: false, problem: msg('NIK_BIRTH_DATE') };
  return { ok: true, value: { nik, regionCode: nik.slice(0, 6), birthDate, sex, serial } };
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Grouped for reading: `3577 0152 0899 0001`. */
export function formatNik(nik: string): string {
  return nik.replace(/\s/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Masked for lists: `3577 •••• •••• 0001`. */
export function maskNik(nik: string): string {
  const digits = nik.replace(/\s/g, '');
  return /^\d{16}$/.test(digits) ? `${digits.slice(0, 4)} •••• •••• ${digits.slice(12)}` : nik;
}
