import type { Page } from 'playwright-core';

/**
 * Taking in candidates from a CSV file (`/impor-calon`): the file the tests write, and the steps on
 * the page. Each waits for what the page shows once the step is done; the test asserts what it shows.
 */

/** The register form's fields as the template names them (without its optional last two columns). */
export const CANDIDATE_CSV_HEADER = 'nik;nama;telepon;pendidikan;jalan;rt_rw;kelurahan;kecamatan;kabupaten_kota;wilayah_kerja';

/** How many candidates a file of `candidatesCsv` holds. */
export const CSV_CANDIDATES = 30;

/** A valid NIK for the `i`th candidate (Kota Madiun, born 1980-1999, serial from 8000: none of the demo's). */
export function importedNik(i: number): string {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  return `357701${dd}${mm}${80 + (i % 20)}${8000 + i}`;
}

/** What a row may get wrong instead of its own value, by the row's index (0 for the first candidate). */
export type BadCells = Record<number, Partial<Record<'nik' | 'wilayah_kerja', string>>>;

/**
 * 30 candidates living in Kartoharjo, Kota Madiun, the `i`th applying to `area(i)` (or all to
 * `area`), with `bad` cells in place of their own values. Rows are numbered as the page numbers them:
 * the header is row 1, the `i`th candidate row `i + 2`.
 */
export function candidatesCsv(area: string | ((i: number) => string), bad: BadCells = {}): string {
  const lines = [CANDIDATE_CSV_HEADER];
  for (let i = 0; i < CSV_CANDIDATES; i++) {
    const row = { nik: importedNik(i), wilayah_kerja: typeof area === 'string' ? area : area(i), ...bad[i] };
    lines.push(
      `${row.nik};Calon Impor ${i + 1};0812${3100000 + i};SMA;Jl. Merdeka ${i + 1};001/002;Kartoharjo;Kartoharjo;Kota Madiun;${row.wilayah_kerja}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** From the register page (`/daftar`), the link to the import page. */
export async function openCandidateImport(page: Page): Promise<void> {
  await page.getByTestId('register-import-link').click();
  await page.waitForURL(/\/impor-calon$/);
  await page.getByTestId('candidate-import').waitFor();
}

/** Chooses the period the file goes into. */
export async function chooseImportPeriod(page: Page, periodId: number): Promise<void> {
  await page.getByTestId('candidate-import-period').selectOption(String(periodId));
}

/** Chooses `text` as the file (`calon.csv`): the page checks it at once. */
export async function chooseCsv(page: Page, text: string): Promise<void> {
  await page
    .getByTestId('candidate-import-file')
    .setInputFiles({ name: 'calon.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/**
 * Waits for the check of the file just chosen, told from an earlier file's by its count of
 * problems; on a timeout says what the page showed instead.
 */
export async function waitForCheck(page: Page, errors: number): Promise<void> {
  const selector = `[data-testid="candidate-import-summary"][data-errors="${errors}"]`;
  try {
    await page.waitForSelector(selector, { timeout: 30_000 });
  } catch (err) {
    const shown = await page
      .getByTestId('candidate-import-summary')
      .evaluateAll((s) => s.map((e) => `rows ${e.getAttribute('data-rows')}, errors ${e.getAttribute('data-errors')}`));
    throw new Error(`the file's check did not show ${errors} problems (shown: ${shown.join('; ') || 'no summary'})`, {
      cause: err,
    });
  }
}

/** The problems listed, each as [row, column, reason id] in the order shown. */
export function shownImportErrors(page: Page): Promise<(string | null)[][]> {
  return page
    .getByTestId('candidate-import-error')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-row'), r.getAttribute('data-column'), r.getAttribute('data-reason')]),
    );
}

/**
 * Imports the checked file, every row (the button a file without problems shows), and waits for the
 * end; answers each registered row's application id, by the file's row number.
 */
export async function importEveryRow(page: Page): Promise<Map<number, number>> {
  await page.getByTestId('candidate-import-run').click();
  await page.getByTestId('candidate-import-done').waitFor();
  const rows = await page
    .getByTestId('candidate-import-registered')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row'), tr.querySelector('a')?.getAttribute('href')]));
  return new Map(rows.map(([row, href]) => [Number(row), Number(/\/lamaran\/(\d+)$/.exec(href ?? '')?.[1])]));
}
