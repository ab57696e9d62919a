import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, fillCandidateForm, setupKader, signIn } from './harness';
import { KARTOHARJO, openCandidateEdit, pickAddress, saveCandidateEdit } from './steps/address';

/**
 * Issue 11, regions: an address picks province → regency/city → district → village from
 * Kemendagri's codes by typing part of each name (the server searches; the admin bundle holds no
 * region list), on the register form and in a supervisor's correction of a free-text address.
 */
const kader = setupKader();
const { withPage } = kader;

async function startRegistration(page: Page, nik: string, name: string) {
  await page.getByTestId('register-button').click();
  await page.waitForURL('**/daftar');
  const workArea = page.getByTestId('field-workAreaId');
  await workArea.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
  await workArea.selectOption((await workArea.locator('option:not([value=""])').first().getAttribute('value'))!);
  await page.getByTestId('field-candidate.nik').fill(nik);
  await fillCandidateForm(page, name);
}

describe('the address picker', () => {
  it('registers a candidate whose village is picked by typing part of its name', async () => {
    await withPage('regions-register', async (page) => {
      await signIn(page, kader.server.url, DEMO_USERS.recruiter);
      await startRegistration(page, '3577015208950031', 'Wulan Kartika');
      // below a level not yet picked, the box waits for it
      await expect(page.getByTestId('address-picker-village').isDisabled()).resolves.toBe(true);
      await pickAddress(page, 'address-picker', KARTOHARJO);
      // picking the village filled the names the form sends beside the code
      await expect(page.getByTestId('field-candidate.address.village').inputValue()).resolves.toBe('Kartoharjo');
      await expect(page.getByTestId('field-candidate.address.district').inputValue()).resolves.toBe('Kartoharjo');
      await expect(page.getByTestId('field-candidate.address.regency').inputValue()).resolves.toBe('Kota Madiun');
      await expect(page.getByTestId('address-picker-linked').innerText()).resolves.toContain('35.77.01.1008');
      await page.getByTestId('submit').click();
      await page.waitForURL(/\/lamaran\/\d+$/);
      await expect(page.getByTestId('candidate-address').innerText()).resolves.toContain('Kartoharjo, Kartoharjo, Kota Madiun');
      await expect(page.getByTestId('candidate-address-codes').innerText()).resolves.toBe(
        '35 · 35.77 · 35.77.01 · 35.77.01.1008',
      );
    });
  });

  it('lets a supervisor match a free-text address to codes through a correction', async () => {
    await withPage('regions-correct', async (page) => {
      await signIn(page, kader.server.url, DEMO_USERS.supervisor);
      await startRegistration(page, '3577015208950032', 'Ratna Sari');
      await page.getByTestId('submit').click();
      await page.waitForURL(/\/lamaran\/\d+$/);
      await expect(page.getByTestId('candidate-address-codes').innerText()).resolves.toBe('belum dicocokkan dengan kode wilayah');

      await openCandidateEdit(page);
      await pickAddress(page, 'candidate-edit-address-picker', {
        province: { typed: 'jawa timur', code: '35' },
        regency: { typed: 'kota mal', code: '35.73' },
        district: { typed: 'klojen', code: '35.73.02' },
        village: { typed: 'kaum', code: '35.73.02.1007' },
      });
      await expect(page.getByTestId('candidate-edit-address.village').inputValue()).resolves.toBe('Kauman');
      await saveCandidateEdit(page, 'Alamat dicocokkan dengan kode wilayah');
      await expect(page.getByTestId('candidate-address-codes').innerText()).resolves.toBe(
        '35 · 35.73 · 35.73.02 · 35.73.02.1007',
      );
    });
  });
});
