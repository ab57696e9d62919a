import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiGet, DEMO_USERS, setupKader, signIn } from './harness';
import type { ListedPeriod } from './steps/campaign';
import {
  CANDIDATE_CSV_HEADER,
  candidatesCsv,
  chooseCsv,
  importedNik,
  importEveryRow,
  openCandidateImport,
  shownImportErrors,
  waitForCheck,
} from './steps/importCsv';

/**
 * Taking in many candidates (`/impor-calon`, from the register page): the template downloads; a
 * file of 30 candidates with two bad rows is checked and its two problems shown by row and column;
 * the corrected file imports all 30, each its own registration, listed with its application.
 */

const kader = setupKader();
const { withPage } = kader;

describe('importing candidates from a CSV file', () => {
  it('shows the two bad rows of 30 by row and column, then imports all 30 once they are fixed', async () => {
    const url = kader.server.url;
    await withPage('candidate-import', async (page) => {
      await signIn(page, url, DEMO_USERS.recruiter, { path: '/daftar' });
      await openCandidateImport(page);
      const periods = await apiGet<ListedPeriod[]>(page, url, 'periods.list');
      const chosen = Number(await page.getByTestId('candidate-import-period').inputValue());
      const period = periods.find((p) => p.id === chosen)!;
      expect(period.branch.code).toBe('KC-MDN');
      const area = period.workAreas[0]!.name;

      // the limits, said before a file is chosen
      await expect(page.getByTestId('candidate-import-limit').innerText()).resolves.toBe(
        'Paling banyak 2.000 baris data dan 1 MB per berkas.',
      );
      // the template: the header and one example row in one of the period's work areas
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('candidate-import-template').click(),
      ]);
      expect(download.suggestedFilename()).toBe('template-calon-kader.csv');
      const template = readFileSync((await download.path())!, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      expect(template[0]).toBe(`${CANDIDATE_CSV_HEADER};kode_kelurahan;sumber_informasi`);
      expect(template[1]).toContain(`;${area};`);

      // two bad rows: a NIK of 15 digits (row 8) and a work area the branch does not have (row 20)
      await chooseCsv(
        page,
        candidatesCsv(area, { 6: { nik: importedNik(6).slice(0, 15) }, 18: { wilayah_kerja: 'Kota Atlantis' } }),
      );
      await waitForCheck(page, 2);
      const summary = page.getByTestId('candidate-import-summary');
      await expect(summary.getAttribute('data-rows')).resolves.toBe('30');
      await expect(summary.getAttribute('data-ready')).resolves.toBe('28');
      const errors = page.getByTestId('candidate-import-error');
      await expect(errors.count()).resolves.toBe(2);
      expect(await shownImportErrors(page)).toEqual([
        ['8', 'nik', 'NIK_DIGITS'],
        ['20', 'wilayah_kerja', 'IMPORT_WORK_AREA_UNKNOWN'],
      ]);
      await expect(errors.nth(1).innerText()).resolves.toContain(`Wilayah kerja "Kota Atlantis" tidak ada di`);
      // with problems, only "impor baris yang valid" is offered
      await expect(page.getByTestId('candidate-import-run').count()).resolves.toBe(0);
      await expect(page.getByTestId('candidate-import-run-valid').innerText()).resolves.toBe('Impor baris yang valid (28)');

      // the corrected file: every row ready, imported in one go
      await chooseCsv(page, candidatesCsv(area));
      await waitForCheck(page, 0);
      await expect(summary.getAttribute('data-ready')).resolves.toBe('30');
      const registered = await importEveryRow(page);
      await expect(page.getByTestId('candidate-import-done').getAttribute('data-registered')).resolves.toBe('30');
      expect(registered.size).toBe(30);

      // the same file again: every NIK is now registered, each row naming its application
      await chooseCsv(page, candidatesCsv(area));
      await waitForCheck(page, 30);
      await expect(page.getByTestId('candidate-import-existing').count()).resolves.toBe(30);

      // a tablet: the page fits its width (the tables scroll inside their own box)
      await page.setViewportSize({ width: 768, height: 1024 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // an imported candidate is an ordinary registration: their application page opens
      await page.getByTestId('candidate-import-existing').first().click();
      await page.waitForURL(/\/lamaran\/\d+$/);
    });
  });
});
