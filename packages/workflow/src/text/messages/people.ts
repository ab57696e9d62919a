/** People and planning: sign-in, passwords, users, branches, quotas, periods and their rules. */
import { m, text } from '../message';

export const peopleMessages = {
  // Sign-in and passwords
  LOGIN_FAILED: text('Nama pengguna atau kata sandi salah.', 'Wrong user name or password.'),
  LOGIN_TOO_MANY: m({
    sample: { minutes: 15 },
    id: (p) => `Terlalu banyak percobaan masuk. Coba lagi dalam ${p.minutes} menit.`,
    en: (p, f) => `Too many sign-in attempts. Try again in ${f.plural(p.minutes, { one: '# minute', other: '# minutes' })}.`,
  }),
  PASSWORD_TOO_SHORT: m({
    sample: { minimum: 10 },
    id: (p) => `Kata sandi paling sedikit ${p.minimum} karakter`,
    en: (p, f) => `A password needs at least ${f.plural(p.minimum, { one: '# character', other: '# characters' })}`,
  }),
  CURRENT_PASSWORD_WRONG: text('Kata sandi sekarang salah.', 'The current password is wrong.'),
  PASSWORD_SAME_AS_CURRENT: text(
    'Kata sandi baru harus berbeda dari yang sekarang',
    'The new password must differ from the current one',
  ),
  PASSWORD_MISMATCH: text('Kedua isian kata sandi baru tidak sama.', 'The two new passwords are not the same.'),

  // Users
  USERNAME_FORMAT: text(
    'Nama pengguna 3-40 karakter: huruf kecil, angka, titik, garis bawah atau strip',
    'A user name is 3-40 characters: lower-case letters, digits, dots, underscores or hyphens',
  ),
  USERNAME_TAKEN: m({
    sample: { username: 'rekruter.madiun' },
    id: (p) => `Nama pengguna ${p.username} sudah dipakai.`,
    en: (p) => `The user name ${p.username} is already in use.`,
  }),
  ROLE_CHOOSE: text('Pilih peran', 'Choose a role'),
  USER_BRANCH_REQUIRED: text('Rekruter dan penyelia harus punya kantor cabang.', 'Recruiters and supervisors need a branch.'),
  ADMIN_HAS_NO_BRANCH: text(
    'Admin adalah pengguna Kantor Pusat, tanpa kantor cabang.',
    'Admins belong to head office, without a branch.',
  ),
  LAST_ACTIVE_ADMIN: text(
    'Ini admin aktif terakhir: buat admin lain terlebih dahulu.',
    'This is the last active admin: create another admin first.',
  ),

  // Branches
  BRANCH_CHOOSE: text('Pilih kantor cabang', 'Choose a branch'),
  BRANCH_CODE_FORMAT: text(
    'Kode kantor cabang berformat KC-XXX (huruf besar/angka, 2-10 karakter)',
    'A branch code looks like KC-XXX (capital letters/digits, 2-10 characters)',
  ),
  BRANCH_CODE_TAKEN: m({
    sample: { code: 'KC-MDN' },
    id: (p) => `Kode ${p.code} sudah dipakai.`,
    en: (p) => `The code ${p.code} is already in use.`,
  }),
  BRANCH_ZONE_CHOOSE: text('Pilih zona waktu: WIB, WITA atau WIT', 'Choose a time zone: WIB, WITA or WIT'),
  BRANCH_WORK_AREA_REQUIRED: text('Paling sedikit satu wilayah kerja (kabupaten/kota)', 'At least one work area (regency/city)'),
  REGENCY_CODE_FORMAT: text('Kode kabupaten/kota berformat 35.77', 'A regency/city code looks like 35.77'),
  WORK_AREA_REGION_NOT_REGENCY: m({
    sample: { area: 'Wilayah Timur', code: '35.77.01' },
    id: (p) => `${p.code} untuk ${p.area} bukan kode kabupaten/kota (berformat 35.77)`,
    en: (p) => `${p.code} for ${p.area} is not a regency/city code (like 35.77)`,
  }),
  WORK_AREA_REGION_UNKNOWN: m({
    sample: { area: 'Wilayah Timur', code: '35.99' },
    id: (p) => `Kode kabupaten/kota ${p.code} untuk ${p.area} tidak ada dalam data wilayah Kemendagri`,
    en: (p) => `The regency/city code ${p.code} for ${p.area} is not in Kemendagri's region data`,
  }),
  WORK_AREA_NOT_FOUND: m({
    sample: { id: 12 },
    id: (p) => `Wilayah kerja #${p.id} tidak ditemukan.`,
    en: (p) => `Work area #${p.id} was not found.`,
  }),

  // Quotas
  QUOTA_YEAR_FROM: m({
    // a year, never grouped
    sample: { minimum: 2017 },
    id: (p) => `Program Kader JKN dimulai ${p.minimum}`,
    en: (p) => `The Kader JKN programme began in ${p.minimum}`,
  }),
  QUOTA_NEGATIVE: text('Kuota tidak boleh negatif', 'The quota cannot be negative'),
  QUOTA_BELOW_TAKEN: m({
    sample: { taken: 12, year: 2026 },
    id: (p, f) => `Sudah ${f.count(p.taken)} tempat terisi tahun ${p.year}; kuota tidak boleh kurang dari itu.`,
    en: (p, f) =>
      `${f.plural(p.taken, { one: '# place is', other: '# places are' })} already taken in ${p.year}; the quota cannot be lower.`,
  }),

  // A period's recruitment rules
  RULES_GRADE_RANGE: text('Nilai batas antara 0 dan 100', 'The passing grade must be between 0 and 100'),
  RULES_MAX_AGE: text('Usia maksimal harus bilangan bulat lebih dari 0', 'The maximum age must be a whole number above 0'),
  RULES_GRADE_DECIMALS: text('Nilai batas paling banyak satu desimal', 'The passing grade can have at most one decimal'),
  RULES_REQUIRED_DOCUMENT: text('Paling sedikit satu berkas wajib', 'At least one document must be required'),
};
