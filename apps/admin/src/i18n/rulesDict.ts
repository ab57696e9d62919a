/** Words of the "Atur syarat" form on the quota page (`/kuota`), Bahasa Indonesia first. */
export const rulesId = {
  'rules.open': 'Atur syarat',
  'rules.title': 'Syarat rekrutmen {branch} {year}',
  'rules.hint':
    'Pendaftaran yang sudah masuk tetap memakai syarat saat mereka mendaftar; syarat baru hanya berlaku untuk pendaftaran berikutnya.',
  'rules.grades': 'Nilai batas lulus (0–100)',
  'rules.writtenTest': 'Tes tertulis',
  'rules.interview': 'Wawancara',
  'rules.gradeHint': 'Boleh satu desimal, mis. 62,5',
  'rules.documents': 'Berkas',
  'rules.required': 'wajib',
  'rules.eligibility': 'Persyaratan pelamar',
  'rules.maxAge': 'Usia maksimal (tahun)',
  'rules.education': 'Pendidikan yang diterima',
  'rules.educationHint': 'Bawaan: SMA/sederajat ke atas',
  'rules.save': 'Simpan syarat',
  'rules.saving': 'Menyimpan…',
  'rules.close': 'Tutup',
  'rules.saved': 'Syarat {branch} {year} disimpan. Nilai batas: tes tertulis {written}, wawancara {interview}.',
  'rules.gradesColumn': 'Nilai batas (tes/wawancara)',
} as const;

export const rulesEn: Record<keyof typeof rulesId, string> = {
  'rules.open': 'Set rules',
  'rules.title': 'Recruitment rules for {branch} {year}',
  'rules.hint':
    'Applications already registered keep the rules they started under; the new rules apply only to later registrations.',
  'rules.grades': 'Passing grades (0–100)',
  'rules.writtenTest': 'Written test',
  'rules.interview': 'Interview',
  'rules.gradeHint': 'One decimal allowed, e.g. 62.5',
  'rules.documents': 'Documents',
  'rules.required': 'required',
  'rules.eligibility': 'Eligibility',
  'rules.maxAge': 'Maximum age (years)',
  'rules.education': 'Accepted education',
  'rules.educationHint': 'Default: senior high or equivalent and above',
  'rules.save': 'Save rules',
  'rules.saving': 'Saving…',
  'rules.close': 'Close',
  'rules.saved': 'Rules for {branch} {year} saved. Passing grades: written test {written}, interview {interview}.',
  'rules.gradesColumn': 'Passing grades (test/interview)',
};
