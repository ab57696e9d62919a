import { describe, expect, it } from 'vitest';
import { apiGet, DEMO_USERS, openNav, setupKader, signIn } from './harness';

/**
 * Head office sets a branch-year's recruitment rules from the quota page ("Atur syarat"): the
 * passing grades, the required documents and the eligibility (`periods.setRules`). The new
 * written-test grade shows on the quota page.
 */

const kader = setupKader();

type Period = {
  id: number;
  year: number;
  writtenTestGrade: number;
  interviewGrade: number;
  branch: { id: number; code: string };
};

const { withPage } = kader;

describe('recruitment rules (head office)', () => {
  it('sets KC Madiun 2026’s written-test grade to 70 and shows it on the quota page', async () => {
    await withPage('rules-admin', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.admin);
      await openNav(page, 'nav-quota', /\/kuota$/, 'quota-table');

      const periods = await apiGet<Period[]>(page, url, 'periods.list');
      const madiun = periods.find((p) => p.branch.code === 'KC-MDN' && p.year === 2026)!;
      expect(madiun).toBeTruthy();
      const row = page.getByTestId('quota-row-KC-MDN-2026');
      await expect(row.getAttribute('data-written-grade')).resolves.toBe(String(madiun.writtenTestGrade));

      await page.getByTestId(`rules-open-${madiun.id}`).click();
      const form = page.getByTestId('rules-form');
      await form.waitFor();
      // prefilled from the period; the form says registered applications keep their rules
      await expect(form.getByTestId('rules-field-passingGrades.writtenTest').inputValue()).resolves.toBe(
        String(madiun.writtenTestGrade),
      );
      await expect(form.getByTestId('rules-hint').innerText()).resolves.toMatch(/pendaftaran berikutnya/);
      await expect(form.getByTestId('rules-field-documents').innerText()).resolves.toContain('Kartu agen PPOB');
      await expect(form.getByTestId('rules-field-eligibility.educationLevels.SMA').isChecked()).resolves.toBe(true);
      await expect(form.getByTestId('rules-field-eligibility.educationLevels.SMP').isChecked()).resolves.toBe(false);

      // checked in the browser: out of range, on the field
      await form.getByTestId('rules-field-passingGrades.writtenTest').fill('101');
      await form.getByTestId('rules-submit').click();
      await expect(form.getByTestId('rules-error-passingGrades.writtenTest').innerText()).resolves.toBe(
        'Nilai batas antara 0 dan 100',
      );

      await form.getByTestId('rules-field-passingGrades.writtenTest').fill('70');
      await form.getByTestId('rules-submit').click();
      await expect(form.getByTestId('rules-saved').innerText()).resolves.toMatch(/tes tertulis 70/);

      // the quota page shows the new grade (the list is refetched)
      await page.locator('[data-testid="quota-row-KC-MDN-2026"][data-written-grade="70"]').waitFor();
      await expect(row.getByTestId('quota-written-grade').innerText()).resolves.toBe('70');
      const after = await apiGet<Period[]>(page, url, 'periods.list');
      expect(after.find((p) => p.id === madiun.id)!.writtenTestGrade).toBe(70);
      expect(after.find((p) => p.id === madiun.id)!.interviewGrade).toBe(madiun.interviewGrade);
    });
  });
});
