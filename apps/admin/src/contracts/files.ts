/**
 * Files in and out of the browser: the agreement PDF the server returns as base64, and the CSV
 * template of the monthly-report import. The pure parts are tested in test/files.test.ts.
 */

import { DEFAULT_FAMILIES_ASSIGNED } from '@kader/workflow';

/** Base64 (as `contracts.agreementPdf` returns it) → bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A safe download name: no path, no characters a file system refuses. */
export function safeFilename(name: string, fallback: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      ?.replace(/[\u0000-\u001f<>:"|?*]/g, '_')
      .trim() ?? '';
  return base || fallback;
}

/** Offers bytes or text to the browser as a file download. */
export function downloadFile(filename: string, data: Uint8Array<ArrayBuffer> | string, mime: string): void {
  const blob = new Blob([data], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as text (UTF-8; a BOM from a spreadsheet is dropped). */
export async function readFileText(file: Blob): Promise<string> {
  const text = await file.text();
  return text.replace(/^\uFEFF/, '');
}

/**
 * The monthly-report import template, as the Indonesian locale writes spreadsheets: `;`
 * separators, `1.250.000` amounts, `dd/mm/yyyy` dates, one row per cadre-month named by its
 * agreement number, the month's collections in `tunggakan_1` … `tunggakan_24` and
 * `tunggakan_25_lebih` by arrears age.
 *
 * The server's own template (`contracts.importTemplate`) is what the panel offers; this copy of
 * its format is only the fallback while that answer is on its way or failed.
 */
export const IMPORT_TEMPLATE_FILENAME = 'template-laporan-bulanan.csv';
const TEMPLATE_COLUMNS = [
  'nomor_pks',
  'bulan',
  'keluarga_binaan',
  'keluarga_dikunjungi',
  'kunjungan',
  'tanggal_laporan',
  'rapat_diadakan',
  'rapat_dihadiri',
  ...Array.from({ length: 24 }, (_, i) => `tunggakan_${i + 1}`),
  'tunggakan_25_lebih',
];
const TEMPLATE_EXAMPLE: Record<string, string> = {
  nomor_pks: 'PKS/0901/2026/001',
  bulan: '03/2026',
  keluarga_binaan: String(DEFAULT_FAMILIES_ASSIGNED),
  keluarga_dikunjungi: '480',
  kunjungan: '1.012',
  tanggal_laporan: '03/04/2026',
  rapat_diadakan: '2',
  rapat_dihadiri: '2',
  tunggakan_3: '350.000',
  tunggakan_12: '1.250.000',
};
export const IMPORT_TEMPLATE_CSV = `${[TEMPLATE_COLUMNS.join(';'), TEMPLATE_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c] ?? '').join(';')].join('\r\n')}\r\n`;
