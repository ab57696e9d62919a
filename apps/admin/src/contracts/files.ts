/**
 * Files in and out of the browser: the agreement PDF the server returns as base64, and the CSV
 * template of the monthly-report import. The pure parts are tested in test/files.test.ts.
 */

import { MONTHLY_CSV_TEMPLATE_FILENAME, monthlyCsvTemplate } from '@kader/workflow';

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
 * The server's own template (`contracts.importTemplate`) is what the panel offers; the same template,
 * built here from the shared format (`@kader/workflow`), is the fallback while that answer is on its
 * way or failed.
 */
export const IMPORT_TEMPLATE_FILENAME = MONTHLY_CSV_TEMPLATE_FILENAME;
export const IMPORT_TEMPLATE_CSV = monthlyCsvTemplate();
