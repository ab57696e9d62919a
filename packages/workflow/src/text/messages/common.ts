/** Messages any procedure may answer with: sign-in, access, conflicts, input that fails a schema. */
import { m, text } from '../message';

const ENTITY = {
  id: {
    application: 'Lamaran',
    contract: 'Kontrak',
    user: 'Pengguna',
    candidate: 'Calon kader',
    period: 'Periode rekrutmen',
    branch: 'Kantor cabang',
    workArea: 'Wilayah kerja',
  },
  en: {
    application: 'Application',
    contract: 'Contract',
    user: 'User',
    candidate: 'Candidate',
    period: 'Recruitment period',
    branch: 'Branch office',
    workArea: 'Work area',
  },
} as const;
type Entity = keyof (typeof ENTITY)['id'];
const entity = (lang: 'id' | 'en', e: string) => ENTITY[lang][e as Entity] ?? e;
const numbered = (id: number | null) => (id === null ? '' : ` #${id}`);

export const commonMessages = {
  SIGN_IN_REQUIRED: text('Silakan masuk terlebih dahulu.', 'Please sign in first.'),
  ACCESS_DENIED: text('Akses ditolak.', 'Access denied.'),
  ROLE_NOT_ALLOWED: m({
    sample: { role: 'viewer' },
    id: (p, f) => `Peran ${f.label('role', p.role)} tidak boleh melakukan ini.`,
    en: (p, f) => `The ${f.label('role', p.role)} role may not do this.`,
  }),
  PASSWORD_CHANGE_FIRST: text('Ganti kata sandi Anda terlebih dahulu.', 'Change your password first.'),
  NOT_FOUND: m({
    sample: { entity: 'application', id: 12 as number | null },
    id: (p) => `${entity('id', p.entity)}${numbered(p.id)} tidak ditemukan.`,
    en: (p) => `${entity('en', p.entity)}${numbered(p.id)} was not found.`,
  }),
  CONFLICT: text(
    'Data ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
    'Someone else has just changed this. Reload to see the latest version.',
  ),
  INTERNAL: text(
    'Terjadi kesalahan pada server. Coba lagi; bila berulang, hubungi admin.',
    'Something went wrong on the server. Try again; if it keeps happening, contact the admin.',
  ),
  INVALID_INPUT: m({
    sample: { count: 2 },
    id: (p) => `Data tidak valid: periksa ${p.count} isian yang ditandai.`,
    en: (p, f) => `The data is not valid: check the ${f.plural(p.count, { one: 'marked field', other: '# marked fields' })}.`,
  }),
  ALLOWED_NOW: m({
    sample: { events: ['REJECT', 'WITHDRAW'] as readonly string[], machine: 'recruitment' },
    id: (p, f) =>
      p.events.length === 0
        ? 'Tidak ada aksi yang berlaku sekarang.'
        : `Aksi yang berlaku sekarang: ${f.labels(p.machine === 'contract' ? 'contractEvent' : 'event', p.events)}.`,
    en: (p, f) =>
      p.events.length === 0
        ? 'No action applies now.'
        : `Actions that apply now: ${f.labels(p.machine === 'contract' ? 'contractEvent' : 'event', p.events)}.`,
  }),
  EVENT_NOT_ALLOWED: m({
    sample: { event: 'SIGN_AGREEMENT', state: 'interview', machine: 'recruitment' },
    id: (p, f) =>
      p.machine === 'contract'
        ? `${f.label('contractEvent', p.event)} tidak berlaku pada status ${f.label('contractState', p.state)}.`
        : `${f.label('event', p.event)} tidak berlaku pada tahap ${f.label('state', p.state)}.`,
    en: (p, f) =>
      p.machine === 'contract'
        ? `${f.label('contractEvent', p.event)} does not apply while the agreement is ${f.label('contractState', p.state).toLowerCase()}.`
        : `${f.label('event', p.event)} does not apply at the ${f.label('state', p.state).toLowerCase()} stage.`,
  }),
  TOO_MANY_REQUESTS: text('Terlalu banyak permintaan. Coba lagi sebentar lagi.', 'Too many requests. Try again shortly.'),
  // What a schema check says when its field carries no message of its own (the zod issue's kind).
  FIELD_REQUIRED: text('Wajib diisi', 'Required'),
  FIELD_INVALID: text('Isian tidak valid', 'Not a valid value'),
  FIELD_TOO_SHORT: m({
    sample: { minimum: 3 },
    id: (p) => `Paling sedikit ${p.minimum} karakter`,
    en: (p, f) => `At least ${f.plural(p.minimum, { one: '# character', other: '# characters' })}`,
  }),
  FIELD_TOO_LONG: m({
    sample: { maximum: 200 },
    id: (p, f) => `Paling banyak ${f.count(p.maximum)} karakter`,
    en: (p, f) => `At most ${f.plural(p.maximum, { one: '# character', other: '# characters' })}`,
  }),
  LIST_TOO_SHORT: m({
    sample: { minimum: 1 },
    id: (p) => `Pilih paling sedikit ${p.minimum}`,
    en: (p) => `Choose at least ${p.minimum}`,
  }),
  LIST_TOO_LONG: m({
    sample: { maximum: 20 },
    id: (p) => `Paling banyak ${p.maximum} butir`,
    en: (p, f) => `At most ${f.plural(p.maximum, { one: '# item', other: '# items' })}`,
  }),
  NUMBER_TOO_SMALL: m({
    sample: { minimum: 0 },
    id: (p, f) => `Paling kecil ${f.number(p.minimum)}`,
    en: (p, f) => `At least ${f.number(p.minimum)}`,
  }),
  NUMBER_TOO_BIG: m({
    sample: { maximum: 100 },
    id: (p, f) => `Paling besar ${f.number(p.maximum)}`,
    en: (p, f) => `At most ${f.number(p.maximum)}`,
  }),
  NUMBER_NOT_ABOVE: m({
    sample: { minimum: 0 },
    id: (p, f) => `Harus lebih dari ${f.number(p.minimum)}`,
    en: (p, f) => `Must be more than ${f.number(p.minimum)}`,
  }),
  NUMBER_NOT_BELOW: m({
    sample: { maximum: 100 },
    id: (p, f) => `Harus kurang dari ${f.number(p.maximum)}`,
    en: (p, f) => `Must be less than ${f.number(p.maximum)}`,
  }),
  NOT_A_NUMBER: text('Harus berupa angka', 'Must be a number'),
  NOT_WHOLE_NUMBER: text('Harus bilangan bulat', 'Must be a whole number'),
  CHOOSE_ONE: text('Pilih salah satu pilihan yang ada', 'Choose one of the options'),
  DATE_INVALID: text('Tanggal harus berformat YYYY-MM-DD dan ada di kalender', 'Enter a real date as YYYY-MM-DD'),
  UNKNOWN_FIELDS: m({
    sample: { keys: ['extra'] as readonly string[] },
    id: (p) => `Isian tidak dikenal: ${p.keys.join(', ')}`,
    en: (p) => `Unknown fields: ${p.keys.join(', ')}`,
  }),
};
