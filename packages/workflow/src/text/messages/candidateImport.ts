/** Taking in many candidates from a CSV file (packages/api import/candidatesCsv.ts, services/importCandidates.ts). */
import { m, text } from '../message';

/** A value from the file, as a message quotes it. */
const q = (s: string) => `"${s}"`;

export const candidateImportMessages = {
  IMPORT_CELL_CHOOSE: m({
    sample: { column: 'pendidikan', value: 'SLTA', allowed: ['SD', 'SMP', 'SMA'] as readonly string[] },
    id: (p, f) => `Isi kolom ${p.column} ${q(p.value)} tidak dikenali; tulis salah satu: ${f.list(p.allowed, 'or')}`,
    en: (p, f) => `The ${p.column} cell ${q(p.value)} is not recognised; write one of: ${f.list(p.allowed, 'or')}`,
  }),
  IMPORT_WORK_AREA_UNKNOWN: m({
    sample: { value: 'Madiun Kota', branch: 'KC Madiun', areas: ['Kota Madiun', 'Kabupaten Ngawi'] as readonly string[] },
    id: (p, f) => `Wilayah kerja ${q(p.value)} tidak ada di ${p.branch}; tulis salah satu: ${f.list(p.areas.map(q), 'or')}`,
    en: (p, f) => `There is no work area ${q(p.value)} in ${p.branch}; write one of: ${f.list(p.areas.map(q), 'or')}`,
  }),
  IMPORT_NIK_REPEATED: m({
    sample: { firstRow: 2 },
    id: (p) => `NIK ini sudah ada di baris ${p.firstRow} berkas ini; satu calon kader hanya satu baris`,
    en: (p) => `This NIK is already in row ${p.firstRow} of this file; one row per candidate`,
  }),
  IMPORT_ROWS_RANGE: text(
    'Bagian berkas yang diimpor tidak sah: baris awal harus sebelum baris akhir.',
    'The part of the file to import is not valid: the first row must come before the last.',
  ),
};
