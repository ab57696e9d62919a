/** Words of the candidate import (impor calon kader dari CSV), Bahasa Indonesia first. */
export const candidateImportId = {
  'candidateImport.nav': 'Impor dari CSV',
  'candidateImport.title': 'Impor calon kader',
  'candidateImport.intro':
    'Daftarkan banyak calon kader sekaligus dari berkas CSV (atau lembar kerja yang disimpan sebagai CSV). Setiap baris diperiksa seperti formulir pendaftaran dan menjadi satu pendaftaran tersendiri.',
  'candidateImport.period': 'Periode rekrutmen',
  'candidateImport.noPeriod': 'Belum ada periode rekrutmen untuk kantor cabang Anda.',
  'candidateImport.limit': 'Paling banyak {rows} baris data dan {megabytes} MB per berkas.',
  'candidateImport.templateHint':
    'Isi templat mulai baris 2. Format kolom nik dan telepon sebagai Teks agar angka nol di depan dan ke-16 digit NIK tidak berubah. Kolom kode_kelurahan dan sumber_informasi boleh dikosongkan.',
  'candidateImport.template': 'Unduh templat CSV',
  'candidateImport.file': 'Berkas CSV',
  'candidateImport.chooseAgain': 'Setelah memperbaiki berkas, pilih berkasnya lagi untuk diperiksa ulang.',
  'candidateImport.checking': 'Memeriksa baris {done} dari {total}…',
  'candidateImport.summary': '{rows} baris: {ready} siap didaftarkan, {invalid} bermasalah.',
  'candidateImport.errors': 'Baris bermasalah',
  'candidateImport.row': 'Baris',
  'candidateImport.column': 'Kolom',
  'candidateImport.problem': 'Masalah',
  'candidateImport.existing': 'Lamaran yang ada',
  'candidateImport.run': 'Impor {count} calon kader',
  'candidateImport.runValid': 'Impor baris yang valid ({count})',
  'candidateImport.registering': 'Mendaftarkan {done} dari {total} calon kader…',
  'candidateImport.done': '{count} calon kader terdaftar.',
  'candidateImport.registered': 'Terdaftar',
  'candidateImport.name': 'Nama',
  'candidateImport.application': 'Lamaran',
  'candidateImport.stopped':
    'Impor berhenti: {count} baris bermasalah ditemukan saat mendaftarkan. Yang sudah terdaftar tetap tersimpan.',
  'candidateImport.back': 'Kembali ke pendaftaran',
} as const;

export const candidateImportEn: Record<keyof typeof candidateImportId, string> = {
  'candidateImport.nav': 'Import from CSV',
  'candidateImport.title': 'Import candidates',
  'candidateImport.intro':
    'Register many candidates at once from a CSV file (or a spreadsheet saved as CSV). Each row is checked as the registration form checks it and becomes a registration of its own.',
  'candidateImport.period': 'Recruitment period',
  'candidateImport.noPeriod': 'There is no recruitment period for your branch yet.',
  'candidateImport.limit': 'At most {rows} data rows and {megabytes} MB per file.',
  'candidateImport.templateHint':
    'Fill in the template from row 2. Format the nik and telepon columns as Text so leading zeros and all 16 digits of the NIK are kept. The kode_kelurahan and sumber_informasi columns may be left empty.',
  'candidateImport.template': 'Download the CSV template',
  'candidateImport.file': 'CSV file',
  'candidateImport.chooseAgain': 'Once you have corrected the file, choose it again to check it again.',
  'candidateImport.checking': 'Checking row {done} of {total}…',
  'candidateImport.summary': '{rows} rows: {ready} ready to register, {invalid} with problems.',
  'candidateImport.errors': 'Rows with problems',
  'candidateImport.row': 'Row',
  'candidateImport.column': 'Column',
  'candidateImport.problem': 'Problem',
  'candidateImport.existing': 'Existing application',
  'candidateImport.run': 'Import {count} candidates',
  'candidateImport.runValid': 'Import the valid rows ({count})',
  'candidateImport.registering': 'Registering {done} of {total} candidates…',
  'candidateImport.done': '{count} candidates registered.',
  'candidateImport.registered': 'Registered',
  'candidateImport.name': 'Name',
  'candidateImport.application': 'Application',
  'candidateImport.stopped':
    'The import stopped: {count} rows with problems were found while registering. Those already registered stay saved.',
  'candidateImport.back': 'Back to registration',
};
