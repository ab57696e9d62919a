import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The address picker (province → regency/city → district → village, searched on the server by part
 * of a name), on the register form (`address-picker`) and in a supervisor's correction of a
 * candidate (`candidate-edit-address-picker`).
 */

/** One level: what is typed, the code of the region to pick from the list, and how to pick it. */
export type RegionPick = { typed: string; code: string; by?: 'tap' | 'keys' };

/** Types part of a name into one level of a picker and picks the region with `code` from its list. */
export async function pickRegion(page: Page, box: string, { typed, code, by = 'tap' }: RegionPick): Promise<void> {
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
  // picked: the list closes
  await expect(page.getByTestId(`${box}-options`).count()).resolves.toBe(0);
}

/**
 * Kartoharjo village (Kartoharjo district, Kota Madiun) by part of each name: "madiun" lists both
 * Kota and Kabupaten Madiun, so the regency is walked to by arrow keys.
 */
export const KARTOHARJO = {
  province: { typed: 'jawa tim', code: '35' },
  regency: { typed: 'madiun', code: '35.77', by: 'keys' },
  district: { typed: 'karto', code: '35.77.01' },
  village: { typed: 'toharj', code: '35.77.01.1008' },
} as const satisfies Record<string, RegionPick>;

/** Picks the four levels of an address in turn, down to its village. */
export async function pickAddress(
  page: Page,
  picker: string,
  levels: { province: RegionPick; regency: RegionPick; district: RegionPick; village: RegionPick },
): Promise<void> {
  await pickRegion(page, `${picker}-province`, levels.province);
  await pickRegion(page, `${picker}-regency`, levels.regency);
  await pickRegion(page, `${picker}-district`, levels.district);
  await pickRegion(page, `${picker}-village`, levels.village);
}

/** On an application page, a supervisor opens "Ubah data calon". */
export async function openCandidateEdit(page: Page): Promise<void> {
  await page.getByTestId('candidate-edit').click();
  await page.getByTestId('candidate-edit-form').waitFor();
}

/** Sends the correction with its reason and waits for it saved. */
export async function saveCandidateEdit(page: Page, reason: string): Promise<void> {
  await page.getByTestId('candidate-edit-reason').fill(reason);
  await page.getByTestId('candidate-edit-submit').click();
  await page.getByTestId('candidate-saved').waitFor();
}
