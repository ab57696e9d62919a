import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openNav, screenshot, setupKader, submitLogin } from './harness';

/**
 * The first start (issue 11): a production server (`start`) on an empty database with only the
 * first admin, created from the environment variables an installer sets. The admin's empty board
 * leads through the first steps; a branch user without a period learns whom to ask.
 */

const FIRST_ADMIN = { username: 'admin.pertama', name: 'Budi Santoso', password: 'kata-sandi-pertama-1' };
const kader = setupKader({ firstAdmin: FIRST_ADMIN });
const { withPage } = kader;

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto(kader.server.url);
  await page.waitForURL(/\/masuk(\?|$)/, { timeout: 15_000 });
  await submitLogin(page, username, password);
}

/** A mutation through the public API with the page's session (a step the test is not about). */
async function apiPost<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const res = await page.request.post(`${kader.server.url}/trpc/${procedure}`, {
    headers: { 'x-kader-request': '1', 'content-type': 'application/json' },
    data: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok() || !body.result) throw new Error(`${procedure} failed: ${res.status()} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

const step = (page: Page, name: string) => page.getByTestId(`setup-step-${name}`);

describe('the first start', () => {
  it('the first admin sees the first steps, follows the first link, and finds it ticked once taken', async () => {
    await withPage('first-start-admin', async (page) => {
      await signInAs(page, FIRST_ADMIN.username, FIRST_ADMIN.password);
      const checklist = page.getByTestId('first-steps');
      await checklist.waitFor({ timeout: 15_000 });
      await expect(checklist.locator('h1').innerText()).resolves.toBe('Langkah pertama');
      for (const name of ['branch', 'period', 'users']) {
        await expect(step(page, name).getAttribute('data-done')).resolves.toBe('false');
      }
      await expect(checklist.getAttribute('data-next')).resolves.toBe('branch');
      await expect(step(page, 'branch').getAttribute('aria-current')).resolves.toBe('step');
      await expect(page.getByTestId('setup-link-branch').innerText()).resolves.toBe('Buka kantor cabang dan wilayah kerjanya');

      // on a tablet: nothing wider than the screen, each link a whole finger tall
      await page.setViewportSize({ width: 768, height: 1024 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const link = await page.getByTestId('setup-link-branch').boundingBox();
      expect(link!.height).toBeGreaterThanOrEqual(44);
      await screenshot(page, 'first-start-empty-tablet');

      // the first link leads to the page that opens a branch
      await page.getByTestId('setup-link-branch').click();
      await page.waitForURL(/\/kuota$/);
      const branch = page.getByTestId('branch-form');
      await branch.getByTestId('branch-code').fill('KC-MDN');
      await branch.getByTestId('branch-name').fill('KC Madiun');
      await branch.getByTestId('branch-zone').selectOption('Asia/Jakarta');
      await branch.getByTestId('branch-work-area-0').fill('Kota Madiun');
      await branch.getByTestId('branch-submit').click();
      await branch.getByTestId('branch-saved').waitFor();

      // back on the board: the first step ticked, the period next, for the branch just opened
      await openNav(page, 'nav-board', /\/$/, 'first-steps');
      await page.waitForSelector('[data-testid="setup-step-branch"][data-done="true"]');
      await expect(page.getByTestId('setup-state-branch').innerText()).resolves.toBe('Selesai');
      await expect(checklist.getAttribute('data-next')).resolves.toBe('period');
      await expect(step(page, 'period').innerText()).resolves.toContain('Belum untuk: KC Madiun');
      await screenshot(page, 'first-start-checklist-tablet');
      // English beside Indonesian
      await page.getByTestId('lang-switch').click();
      await expect(checklist.locator('h1').innerText()).resolves.toBe('First steps');
      await expect(page.getByTestId('setup-state-branch').innerText()).resolves.toBe('Done');
      await page.getByTestId('lang-switch').click();
      await expect(checklist.locator('h1').innerText()).resolves.toBe('Langkah pertama');

      // the quota (and with it the period and its registration dates): the board appears, and with
      // it one line naming the step still open
      await page.getByTestId('setup-link-period').click();
      await page.waitForURL(/\/kuota$/);
      const quota = page.getByTestId('quota-form');
      await quota.getByTestId('quota-form-branch').selectOption({ label: 'KC Madiun (KC-MDN)' });
      await quota.getByTestId('quota-form-quota').fill('20');
      await quota.getByTestId('quota-form-submit').click();
      await quota.getByTestId('quota-saved').waitFor();
      await openNav(page, 'nav-board', /\/$/, 'board-column-registered');
      // (waited for: the board may show the steps it read before the save until its read comes back)
      await page
        .getByTestId('setup-nudge')
        .filter({ hasText: /^Langkah pertama belum selesai untuk KC Madiun\. Berikutnya: Buat pengguna cabang$/ })
        .waitFor();
      await screenshot(page, 'first-start-nudge-tablet');
      await page.getByTestId('setup-nudge-users').click();
      await page.waitForURL(/\/pengguna$/);
    });
  });

  it('a branch user without a period is told to ask head office, by name, and sees nothing of another branch', async () => {
    const temporary = 'sementara-rekruter-1';
    const chosen = 'pilihan-rekruter-ngawi-1';
    await withPage('first-start-admin-api', async (page) => {
      await signInAs(page, FIRST_ADMIN.username, FIRST_ADMIN.password);
      await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
      const ngawi = await apiPost<{ id: number }>(page, 'branches.create', {
        code: 'KC-NGW',
        name: 'KC Ngawi',
        timeZone: 'Asia/Jakarta',
        workAreas: ['Kabupaten Ngawi'],
      });
      await apiPost(page, 'users.create', {
        username: 'rekruter.ngawi',
        name: 'Sri Lestari',
        role: 'recruiter',
        branchId: ngawi.id,
        password: temporary,
      });
    });
    await withPage('first-start-branch-user', async (page) => {
      await signInAs(page, 'rekruter.ngawi', temporary);
      await page.waitForURL(/\/kata-sandi/);
      await page.getByTestId('password-currentPassword').fill(temporary);
      await page.getByTestId('password-newPassword').fill(chosen);
      await page.getByTestId('password-confirm').fill(chosen);
      await page.getByTestId('password-submit').click();
      const ask = page.getByTestId('ask-head-office');
      await ask.waitFor({ timeout: 15_000 });
      const text = await ask.innerText();
      expect(text).toContain('Belum ada periode rekrutmen untuk kantor cabang Anda.');
      expect(text).toContain('Hubungi admin Kantor Pusat: Budi Santoso.');
      // Madiun has its period by now: not Ngawi's, and not named here
      expect(text).not.toContain('Madiun');
      await expect(page.getByTestId('first-steps').count()).resolves.toBe(0);
    });
  });
});
