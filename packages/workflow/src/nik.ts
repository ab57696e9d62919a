/**
 * NIK (Nomor Induk Kependudukan): 16 digits laid out `PP KK CC DDMMYY SSSS` — region where it was
 * first registered, birth date (women's day + 40), serial from 0001. The region part is not checked
 * against today's region list: regions split over time and old codes live on in NIKs (domain B7).
 */
export type NikParts = {
  nik: string;
  regionCode: string; // 6 digits: province, regency/city, district
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F';
  serial: string;
};

export type NikResult = { ok: true; value: NikParts } | { ok: false; reason: string };

/** Strips the spaces, dots and dashes people type or paste between the groups. */
export function normalizeNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/**
 * `today` decides the century: YY means 20YY unless that lies in the future, then 19YY (domain C).
 */
export function parseNik(raw: string, today: string): NikResult {
  const nik = normalizeNik(raw);
  if (!/^\d{16}$/.test(nik)) return { ok: false, reason: 'NIK harus 16 digit angka' };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);
  let sex: 'M' | 'F' = 'M';
  if (day > 40) {
    sex = 'F';
    day -= 40;
  }
  if (month < 1 || month > 12) return { ok: false, reason: 'Bulan lahir pada NIK (digit 9-10) tidak valid' };
  if (day < 1 || day > 31) return { ok: false, reason: 'Tanggal lahir pada NIK (digit 7-8) tidak valid' };
  if (serial === '0000') return { ok: false, reason: 'Nomor urut NIK (digit 13-16) tidak boleh 0000' };
  let year = 2000 + yy;
  const candidate = isoDate(year, month, day);
  if (candidate > today) year = 1900 + yy;
  if (!isRealDate(year, month, day)) {
    return { ok: false, reason: 'Tanggal lahir pada NIK (digit 7-12) bukan tanggal yang ada' };
  }
  return { ok: true, value: { nik, regionCode: nik.slice(0, 6), birthDate: isoDate(year, month, day), sex, serial } };
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
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
