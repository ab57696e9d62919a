/** Recruitment: registration, NIK and phone, the selection events, their date rules and refusals. */
import { m, text } from '../message';

/** A reason a person must give: "<reason> wajib diisi", and how long it must be at least. */
function requiredReason(id: string, en: string) {
  return {
    required: text(`${id} wajib diisi`, `${en} is required`),
    tooShort: m({
      sample: { minimum: 5 },
      id: (p) => `${id} wajib diisi (paling sedikit ${p.minimum} karakter)`,
      en: (p, f) => `${en} is required (at least ${f.plural(p.minimum, { one: '# character', other: '# characters' })})`,
    }),
  };
}
const changeReason = requiredReason('Alasan perubahan', 'A reason for the change');
const correctionReason = requiredReason('Alasan koreksi', 'A reason for the correction');

/** A date rule's refusal: the sentence, then the date it is about (short) in brackets. */
function dateRule(sample: string, id: string, en: string) {
  return m({
    sample: { date: sample },
    id: (p, f) => `${id} (${f.date(p.date, 'short')}).`,
    en: (p, f) => `${en} (${f.date(p.date, 'short')}).`,
  });
}

/** A refusal about one document, named in the reader's language. */
function aboutDocument(sample: string, id: (document: string) => string, en: (document: string) => string) {
  return m({
    sample: { document: sample },
    id: (p, f) => id(f.label('doc', p.document)),
    en: (p, f) => en(f.label('doc', p.document)),
  });
}

export const recruitmentMessages = {
  // The NIK (workflow/src/nik.ts): what is wrong with the number as typed.
  NIK_REQUIRED: text('NIK wajib diisi', 'The NIK is required'),
  NIK_DIGITS: text('NIK harus 16 digit angka', 'The NIK must be 16 digits'),
  /** while the NIK is being typed: how many of the 16 digits are there */
  NIK_DIGITS_TYPED: m({
    sample: { typed: 12 },
    id: (p) => `NIK harus 16 digit angka (${p.typed}/16)`,
    en: (p) => `The NIK must be 16 digits (${p.typed}/16)`,
  }),
  NIK_BIRTH_MONTH: text('Bulan lahir pada NIK (digit 9-10) tidak valid', 'The birth month in the NIK (digits 9-10) is not valid'),
  NIK_BIRTH_DAY: text('Tanggal lahir pada NIK (digit 7-8) tidak valid', 'The birth day in the NIK (digits 7-8) is not valid'),
  NIK_SERIAL_ZERO: text('Nomor urut NIK (digit 13-16) tidak boleh 0000', 'The NIK serial (digits 13-16) cannot be 0000'),
  NIK_BIRTH_DATE: text(
    'Tanggal lahir pada NIK (digit 7-12) bukan tanggal yang ada',
    'The birth date in the NIK (digits 7-12) does not exist',
  ),
  PHONE_REQUIRED: text('Nomor HP wajib diisi', 'The mobile number is required'),
  PHONE_INVALID: text(
    'Nomor HP harus nomor seluler Indonesia: 08…, 628… atau +628… (10-13 digit)',
    'Enter an Indonesian mobile number: 08…, 628… or +628… (10-13 digits)',
  ),
  CANDIDATE_NAME_REQUIRED: text('Nama wajib diisi', 'The name is required'),
  CANDIDATE_NAME_TOO_LONG: m({
    sample: { maximum: 120 },
    id: () => 'Nama terlalu panjang',
    en: (p, f) => `The name is too long (at most ${f.count(p.maximum)} characters)`,
  }),
  ADDRESS_STREET_REQUIRED: text('Alamat jalan wajib diisi', 'The street is required'),
  ADDRESS_VILLAGE_REQUIRED: text('Desa/kelurahan wajib diisi', 'The village is required'),
  ADDRESS_DISTRICT_REQUIRED: text('Kecamatan wajib diisi', 'The district is required'),
  ADDRESS_REGENCY_REQUIRED: text('Kabupaten/kota wajib diisi', 'The regency/city is required'),
  RT_RW_FORMAT: text('RT/RW berformat 001/002', 'Write RT/RW like 001/002'),
  VILLAGE_CODE_FORMAT: text('Kode desa/kelurahan berformat 35.77.01.1001', 'Write the village code like 35.77.01.1001'),
  REGION_CODE_UNKNOWN: m({
    sample: { code: '35.77.01.9999' },
    id: (p) => `Kode wilayah ${p.code} tidak ada dalam data wilayah Kemendagri`,
    en: (p) => `The region code ${p.code} is not in Kemendagri's region data`,
  }),
  REGIONS_NOT_LOADED: text(
    'Data wilayah belum dimuat; jalankan ulang server',
    'The region data is not loaded yet; restart the server',
  ),
  WORK_AREA_REQUIRED: text('Wilayah kerja wajib dipilih', 'Choose a work area'),
  CHANGE_REASON_REQUIRED: changeReason.required,
  CHANGE_REASON_TOO_SHORT: changeReason.tooShort,

  // Registration and corrections (packages/api services registerCandidate, correctCandidate).
  PERIOD_YEAR_ENDED: m({
    sample: { year: 2025 },
    id: (p) => `Periode rekrutmen ${p.year} sudah berakhir; pilih periode tahun ini atau tahun berikutnya.`,
    en: (p) => `The ${p.year} recruitment period has ended; choose this year's period or next year's.`,
  }),
  WORK_AREA_NOT_IN_BRANCH: m({
    sample: { branch: 'KC Madiun' },
    id: (p) => `Wilayah kerja tidak termasuk ${p.branch}.`,
    en: (p) => `The work area is not one of ${p.branch}.`,
  }),
  WORK_AREA_CHOOSE_OF_BRANCH: m({
    sample: { branch: 'KC Madiun' },
    id: (p) => `Pilih wilayah kerja ${p.branch}`,
    en: (p) => `Choose a work area of ${p.branch}`,
  }),
  NIK_ALREADY_IN_PERIOD: m({
    sample: { year: 2026, applicationId: 12 },
    id: (p) => `NIK ini sudah terdaftar pada periode ${p.year} (lamaran #${p.applicationId}).`,
    en: (p) => `This NIK is already registered in the ${p.year} period (application #${p.applicationId}).`,
  }),
  STILL_ACTIVE_CADRE: m({
    sample: { until: '2027-03-31', agreementNumber: 'PKS/001/KC-MDN/2026' },
    id: (p, f) =>
      `Calon ini masih kader aktif sampai ${f.date(p.until, 'long')} (PKS ${p.agreementNumber}); lamaran baru dapat dibuat setelah PKS-nya berakhir.`,
    en: (p, f) =>
      `This candidate is an active cadre until ${f.date(p.until, 'long')} (agreement ${p.agreementNumber}); a new application can be made once that agreement has ended.`,
  }),
  APPLICATION_STILL_OPEN: m({
    sample: { applicationId: 12, year: 2026 },
    id: (p) => `Calon ini masih punya lamaran yang berjalan atau aktif (lamaran #${p.applicationId}, ${p.year}).`,
    en: (p) => `This candidate still has an application under way or active (application #${p.applicationId}, ${p.year}).`,
  }),
  NIK_USED_BY_OTHER: m({
    sample: { candidateId: 7 },
    id: (p) => `NIK ini sudah dipakai calon kader lain (#${p.candidateId}).`,
    en: (p) => `This NIK already belongs to another candidate (#${p.candidateId}).`,
  }),
  CANDIDATE_UNCHANGED: text('Tidak ada data yang berubah.', 'Nothing was changed.'),

  // Who may do what (packages/api auth/guard.ts).
  SELECTION_STAFF_ONLY: text(
    'Hanya rekruter dan penyelia kantor cabang ini yang dapat mengubah seleksi.',
    'Only this branch’s recruiters and supervisors can change the selection.',
  ),
  CORRECTION_SUPERVISOR_ONLY: text(
    'Koreksi hanya dapat dilakukan penyelia kantor cabang ini.',
    'Only this branch’s supervisors can make corrections.',
  ),
  NIK_REVEAL_STAFF_ONLY: text(
    'Hanya rekruter dan penyelia kantor cabang ini yang dapat melihat NIK lengkap.',
    'Only this branch’s recruiters and supervisors can see the full NIK.',
  ),

  // The selection events' payloads (recruitment/events.ts).
  CLOCK_TIME_INVALID: text('Waktu harus berformat JJ:MM (00:00-23:59)', 'Enter a time as HH:MM (00:00-23:59)'),
  NOTE_TOO_LONG: m({
    sample: { maximum: 1000 },
    id: (p) => `Catatan paling panjang ${p.maximum} karakter`,
    en: (p, f) => `A note can be at most ${f.plural(p.maximum, { one: '# character', other: '# characters' })}`,
  }),
  SCORE_NOT_A_NUMBER: text('Nilai harus berupa angka', 'The score must be a number'),
  SCORE_TOO_SMALL: m({
    sample: { minimum: 0 },
    id: (p, f) => `Nilai paling kecil ${f.score(p.minimum)}`,
    en: (p, f) => `The score cannot be below ${f.score(p.minimum)}`,
  }),
  SCORE_TOO_BIG: m({
    sample: { maximum: 100 },
    id: (p, f) => `Nilai paling besar ${f.score(p.maximum)}`,
    en: (p, f) => `The score cannot be above ${f.score(p.maximum)}`,
  }),
  SCORE_ONE_DECIMAL: text('Nilai paling banyak satu angka desimal', 'The score can have at most one decimal'),
  CORRECTION_REASON_REQUIRED: correctionReason.required,
  CORRECTION_REASON_TOO_SHORT: correctionReason.tooShort,
  PLACE_REQUIRED: text('Tempat wajib diisi', 'The place is required'),
  AGREEMENT_NUMBER_REQUIRED: text('Nomor PKS wajib diisi', 'The agreement number is required'),
  OTHER_REASON_NEEDS_NOTE: text('Alasan "lainnya" wajib diberi catatan', 'Reason "other" needs a note'),
  EVENT_TYPE_REQUIRED: text('Jenis aksi wajib diisi', 'The kind of action is required'),
  EVENT_TYPE_UNKNOWN: m({
    sample: { type: 'FLY' },
    id: (p) => `Aksi tidak dikenal: ${p.type}`,
    en: (p) => `Unknown action: ${p.type}`,
  }),

  // The date rules (recruitment/dateRules.ts), against the branch's today and the application.
  SCHEDULE_BEFORE_REGISTRATION: dateRule(
    '2026-11-01',
    'Tanggal jadwal tidak boleh sebelum tanggal pendaftaran',
    'The date cannot be before the registration date',
  ),
  SCHEDULE_TOO_FAR: dateRule(
    '2027-11-29',
    'Tanggal jadwal paling lambat satu tahun dari hari ini',
    'The date can be at most a year from today',
  ),
  SIGNED_BEFORE_REGISTRATION: dateRule(
    '2026-11-01',
    'Tanggal tanda tangan tidak boleh sebelum tanggal pendaftaran',
    'The signing date cannot be before the registration date',
  ),
  SIGNED_AFTER_TODAY: dateRule(
    '2026-11-29',
    'Tanggal tanda tangan tidak boleh setelah hari ini',
    'The signing date cannot be after today',
  ),
  START_OUTSIDE_PERIOD_YEAR: m({
    sample: { year: 2026, from: '2026-01-01', to: '2026-12-31' },
    id: (p, f) => `Tanggal mulai harus dalam tahun periode ${p.year} (${f.date(p.from, 'short')} – ${f.date(p.to, 'short')}).`,
    en: (p, f) =>
      `The start date must be within the period's year ${p.year} (${f.date(p.from, 'short')} – ${f.date(p.to, 'short')}).`,
  }),
  START_BEFORE_SIGNING: dateRule(
    '2026-11-20',
    'Tanggal mulai tidak boleh sebelum tanggal tanda tangan',
    'The start date cannot be before the signing date',
  ),
  DEBRIEFED_BEFORE_SIGNING: dateRule(
    '2026-11-20',
    'Tanggal pembekalan tidak boleh sebelum tanggal tanda tangan PKS',
    'The debriefing date cannot be before the agreement was signed',
  ),
  DEBRIEFED_AFTER_TODAY: dateRule(
    '2026-11-29',
    'Tanggal pembekalan tidak boleh setelah hari ini',
    'The debriefing date cannot be after today',
  ),
  EVENT_DATES_REFUSED: m({
    sample: { count: 2 },
    id: (p) =>
      p.count === 1
        ? 'Tanggal tidak dapat diterima: periksa tanggal yang ditandai.'
        : `Tanggal tidak dapat diterima: periksa ${p.count} tanggal yang ditandai.`,
    en: (p, f) => `The date cannot be accepted: check the ${f.plural(p.count, { one: 'marked date', other: '# marked dates' })}.`,
  }),

  // Refusals of the selection (recruitment/engine.ts explainRefusal, sendApplicationEvent).
  ADMIN_CHECK_INCOMPLETE: m({
    sample: {
      documents: ['KK', 'SIM'] as readonly string[],
      age: 61 as number | null,
      maxAge: 60,
      education: 'SMP' as string | null,
    },
    id: (p, f) => {
      const parts: string[] = [];
      if (p.documents.length) parts.push(`berkas wajib belum terverifikasi: ${f.labels('doc', p.documents)}`);
      if (p.age !== null) parts.push(`usia ${p.age} tahun melebihi batas ${p.maxAge} tahun`);
      if (p.education !== null) parts.push(`pendidikan ${f.label('edu', p.education)} di bawah SMA/sederajat`);
      return parts.length
        ? `Seleksi administrasi belum dapat diselesaikan: ${parts.join('; ')}.`
        : 'Seleksi administrasi belum dapat diselesaikan.';
    },
    en: (p, f) => {
      const parts: string[] = [];
      if (p.documents.length) parts.push(`required documents not verified: ${f.labels('doc', p.documents)}`);
      if (p.age !== null) parts.push(`age ${p.age} is over the limit of ${p.maxAge}`);
      if (p.education !== null) parts.push(`education ${f.label('edu', p.education)} is below senior high school`);
      return parts.length
        ? `The administrative check cannot be completed yet: ${parts.join('; ')}.`
        : 'The administrative check cannot be completed yet.';
    },
  }),
  DOCUMENT_ALREADY_VERIFIED: aboutDocument(
    'KK',
    (d) => `Berkas ${d} sudah terverifikasi.`,
    (d) => `The ${d} is already verified.`,
  ),
  DOCUMENT_NOT_REQUIRED_HERE: aboutDocument(
    'SIM',
    (d) => `Berkas ${d} tidak termasuk persyaratan periode ini.`,
    (d) => `The ${d} is not among this period's documents.`,
  ),
  DOCUMENT_NOT_VERIFIED: aboutDocument(
    'KTP',
    (d) => `Berkas ${d} belum terverifikasi.`,
    (d) => `The ${d} is not verified yet.`,
  ),
  SCORE_CORRECTION_NOT_ALLOWED: text(
    'Nilai hanya dapat dikoreksi bila lamaran ditolak karena nilai tersebut di bawah ambang batas.',
    'A score can be corrected only when the application was rejected because that score was below the passing grade.',
  ),
  EVENT_REFUSED: m({
    sample: { event: 'SIGN_AGREEMENT', state: 'agreementSigning' },
    id: (p, f) => `${f.label('event', p.event)} ditolak pada tahap ${f.label('state', p.state)}.`,
    en: (p, f) => `${f.label('event', p.event)} was refused at the ${f.label('state', p.state).toLowerCase()} stage.`,
  }),
  IDEMPOTENCY_KEY_REUSED: text(
    'Kunci idempotensi sudah dipakai untuk data lain.',
    'This idempotency key was already used for another record.',
  ),
  REOPEN_OTHER_APPLICATION_OPEN: m({
    sample: { applicationId: 12, year: 2027 },
    id: (p) =>
      `Calon ini punya lamaran lain yang berjalan atau aktif (lamaran #${p.applicationId}, ${p.year}); lamaran ini tidak dapat dibuka kembali.`,
    en: (p) =>
      `This candidate has another application under way or active (application #${p.applicationId}, ${p.year}); this one cannot be reopened.`,
  }),
  AGREEMENT_NUMBER_TAKEN: m({
    sample: { number: 'PKS/001/KC-MDN/2026' },
    id: (p) => `Nomor PKS ${p.number} sudah dipakai.`,
    en: (p) => `Agreement number ${p.number} is already in use.`,
  }),
  RECRUITMENT_QUOTA_FULL: m({
    sample: { branch: 'KC Madiun', year: 2026, used: 1, quota: 1, signing: true as boolean },
    id: (p) =>
      `Kuota ${p.branch} tahun ${p.year} sudah penuh (${p.used} dari ${p.quota} tempat terisi). ${p.signing ? 'PKS tidak dapat ditandatangani.' : 'Lamaran tidak dapat dibuka kembali ke tahap ini.'}`,
    en: (p, f) =>
      `The ${p.year} quota of ${p.branch} is full (${p.used} of ${f.plural(p.quota, { one: '# place', other: '# places' })} taken). ${p.signing ? 'The agreement cannot be signed.' : 'The application cannot be reopened to this stage.'}`,
  }),
};
