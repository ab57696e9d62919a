/** Words of the CSV download on every list (issue 12), Bahasa Indonesia first, English beside. */
export const exportId = {
  'export.csv': 'Unduh CSV',
  'export.csvFullNik': 'Unduh CSV dengan NIK lengkap',
  'export.fullNikNote': 'Setiap NIK lengkap dalam berkas dicatat seperti "Tampilkan NIK".',
};

export const exportEn: Record<keyof typeof exportId, string> = {
  'export.csv': 'Download CSV',
  'export.csvFullNik': 'Download CSV with full NIKs',
  'export.fullNikNote': 'Every full NIK in the file is logged as "Show NIK" is.',
};
