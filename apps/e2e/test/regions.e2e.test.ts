import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, fillCandidateForm, setupKader, signIn } from './harness';

/**
 * Issue 11, regions: an address picks province → regency/city → district → village from
 * Kemendagri's codes by typing part of each name (the server searches; the admin bundle holds no
 * region list), on the register form and in a supervisor's correction of a free-text address.
 */
const kader = setupKader();
const { withPage } = kader;

/** Types part of a name into one level of a picker and picks the region with `code` from its list. */
async function pick(page: Page, box: string, typed: string, code: string, by: 'tap' | 'keys' = 'tap') {
  const input = page.getByTestId(box);
  await input.click();
  await input.pressSequentially(typed, { delay: 30 });
  const option = page.getByTestId(`${box}-option-${code}`);
  await option.waitFor();
  if (by === 'tap') {
    await option.click();
  } else {
    // walk down the list by arrow keys to the option, then Enter
    const codes = await page
      .getByTestId(`${box}-options`)
      .locator('[role="option"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    const at = codes.indexOf(`${box}-option-${code}`);
    for (let i = 0; i < at; i++) await input.press('ArrowDown');
    await input.press('Enter');
  }
  await expect(page.getByTestId(`${box}-options`).count()).resolves.toBe(0);
}

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
      await pick(page, 'address-picker-province', 'jawa tim', '35');
      await pick(page, 'address-picker-regency', 'madiun', '35.77', 'keys');
      await pick(page, 'address-picker-district', 'karto', '35.77.01');
      await pick(page, 'address-picker-village', 'toharj', '35.77.01.1008');
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

      await page.getByTestId('candidate-edit').click();
      await page.getByTestId('candidate-edit-form').waitFor();
      await pick(page, 'candidate-edit-address-picker-province', 'jawa timur', '35');
      await pick(page, 'candidate-edit-address-picker-regency', 'kota mal', '35.73');
      await pick(page, 'candidate-edit-address-picker-district', 'klojen', '35.73.02');
      await pick(page, 'candidate-edit-address-picker-village', 'kaum', '35.73.02.1007');
      await expect(page.getByTestId('candidate-edit-address.village').inputValue()).resolves.toBe('Kauman');
      await page.getByTestId('candidate-edit-reason').fill('Alamat dicocokkan dengan kode wilayah');
      await page.getByTestId('candidate-edit-submit').click();
      await page.getByTestId('candidate-saved').waitFor();
      await expect(page.getByTestId('candidate-address-codes').innerText()).resolves.toBe(
        '35 · 35.73 · 35.73.02 · 35.73.02.1007',
      );
    });
  });
});
