/** Recruitment periods as campaigns: the registration window, announcement channels, area quotas. */
import { m, text } from '../message';

export const periodMessages = {
  // The registration window
  REGISTRATION_NOT_OPEN: m({
    sample: { year: 2027, opensOn: '2027-02-01', closesOn: '2027-03-15' },
    id: (p, f) =>
      `Pendaftaran periode rekrutmen ${p.year} belum dibuka: dibuka ${f.date(p.opensOn)} sampai ${f.date(p.closesOn)}.`,
    en: (p, f) =>
      `Registration for the ${p.year} recruitment period is not open yet: it runs from ${f.date(p.opensOn)} to ${f.date(p.closesOn)}.`,
  }),
  REGISTRATION_CLOSED: m({
    sample: { year: 2026, opensOn: '2026-02-01', closesOn: '2026-03-15' },
    id: (p, f) =>
      `Pendaftaran periode rekrutmen ${p.year} sudah ditutup: dibuka ${f.date(p.opensOn)} sampai ${f.date(p.closesOn)}.`,
    en: (p, f) =>
      `Registration for the ${p.year} recruitment period has closed: it ran from ${f.date(p.opensOn)} to ${f.date(p.closesOn)}.`,
  }),
  REGISTRATION_OPENS_FROM: m({
    sample: { from: '2026-07-01', year: 2027 },
    id: (p, f) => `Pendaftaran periode ${p.year} paling awal dibuka ${f.date(p.from)}`,
    en: (p, f) => `Registration for ${p.year} can open on ${f.date(p.from)} at the earliest`,
  }),
  REGISTRATION_CLOSES_IN_YEAR: m({
    sample: { year: 2027 },
    id: (p) => `Pendaftaran periode ${p.year} ditutup paling lambat 31 Desember ${p.year}`,
    en: (p) => `Registration for ${p.year} must close by 31 December ${p.year}`,
  }),
  REGISTRATION_CLOSES_BEFORE_OPENING: m({
    sample: { opensOn: '2027-02-01' },
    id: (p, f) => `Tanggal tutup tidak boleh sebelum tanggal buka (${f.date(p.opensOn)})`,
    en: (p, f) => `The closing date cannot be before the opening date (${f.date(p.opensOn)})`,
  }),
  PERIOD_YEAR_MISMATCH: m({
    sample: { year: 2027 },
    id: (p) => `Periode ini untuk tahun ${p.year}; muat ulang halaman.`,
    en: (p) => `This period is for ${p.year}; reload the page.`,
  }),

  PERIOD_PLANNING_STAFF_ONLY: text(
    'Hanya rekruter dan penyelia kantor cabang ini, atau Kantor Pusat, yang dapat mengubah periode ini.',
    'Only this branch’s recruiters and supervisors, or head office, can change this period.',
  ),

  // Announcement channels
  CHANNEL_CHOOSE: text('Pilih saluran pengumuman dari daftar', 'Choose an announcement channel from the list'),

  // Quota per work area
  AREA_QUOTA_WHOLE: text('Kuota wilayah kerja harus bilangan bulat', 'An area quota must be a whole number'),
  AREA_QUOTA_TWICE: text('Setiap wilayah kerja hanya sekali', 'Each work area only once'),
  AREA_SPLIT_OVER_TOTAL: m({
    sample: { sum: 12, total: 10 },
    id: (p, f) => `Jumlah kuota wilayah kerja (${f.count(p.sum)}) melebihi kuota kantor cabang (${f.count(p.total)}).`,
    en: (p, f) => `The work areas' quotas add up to ${f.count(p.sum)}, more than the branch quota of ${f.count(p.total)}.`,
  }),
  AREA_QUOTA_BELOW_TAKEN: m({
    sample: { area: 'Kota Madiun', taken: 3 },
    id: (p, f) => `Sudah ${f.count(p.taken)} tempat terisi di ${p.area}; kuotanya tidak boleh kurang dari itu.`,
    en: (p, f) =>
      `${f.plural(p.taken, { one: '# place is', other: '# places are' })} already taken in ${p.area}; its quota cannot be lower.`,
  }),
  QUOTA_BELOW_AREA_SPLIT: m({
    sample: { sum: 12, quota: 10 },
    id: (p, f) =>
      `Kuota wilayah kerja sudah dibagi ${f.count(p.sum)} tempat; kuota kantor cabang (${f.count(p.quota)}) tidak boleh kurang dari itu.`,
    en: (p, f) =>
      `The work areas have been given ${f.count(p.sum)} places; the branch quota (${f.count(p.quota)}) cannot be lower.`,
  }),
  AREA_QUOTA_FULL: m({
    sample: { area: 'Kota Madiun', year: 2026, used: 3, quota: 3, signing: true as boolean },
    id: (p, f) =>
      `Kuota wilayah kerja ${p.area} tahun ${p.year} sudah penuh (${f.count(p.used)} dari ${f.count(p.quota)} tempat terisi). ${p.signing ? 'PKS tidak dapat ditandatangani.' : 'Lamaran tidak dapat dibuka kembali ke tahap ini.'}`,
    en: (p, f) =>
      `The ${p.year} quota of the work area ${p.area} is full (${f.count(p.used)} of ${f.plural(p.quota, { one: '# place', other: '# places' })} taken). ${p.signing ? 'The agreement cannot be signed.' : 'The application cannot be reopened to this stage.'}`,
  }),
  AREA_RENEWAL_QUOTA_FULL: m({
    sample: { area: 'Kota Madiun', year: 2027, used: 3, quota: 3 },
    id: (p, f) =>
      `Kuota wilayah kerja ${p.area} tahun ${p.year} sudah penuh (${f.count(p.used)} dari ${f.count(p.quota)} tempat terisi). Perpanjangan tidak dapat diputuskan.`,
    en: (p, f) =>
      `The ${p.year} quota of the work area ${p.area} is full (${f.count(p.used)} of ${f.plural(p.quota, { one: '# place', other: '# places' })} taken). The renewal cannot be decided.`,
  }),
};
