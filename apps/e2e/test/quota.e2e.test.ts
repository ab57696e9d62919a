import { describe, expect, it } from 'vitest';
import { apiGet, DEMO_USERS, openNav, setupKader, signIn } from './harness';

/**
 * Head office's quota page (`/kuota`): each branch's quota per year with places taken and left;
 * setting a quota (never below the places taken: the error shows on the field); opening a branch.
 * And the draft agreement printed from an application at agreement signing.
 */

const kader = setupKader();

type Period = { id: number; year: number; quota: number; quotaUsed: number; branch: { id: number; code: string } };

const { withPage } = kader;

describe('quota and branches (head office)', () => {
  it('shows each branch’s quota per year, sets one, refuses one below the places taken, opens a branch', async () => {
    await withPage('quota-admin', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.admin);
      await openNav(page, 'nav-quota', /\/kuota$/, 'quota-table');

      const periods = await apiGet<Period[]>(page, url, 'periods.list');
      const madiunYears = periods.filter((p) => p.branch.code === 'KC-MDN').sort((a, b) => b.year - a.year);
      // the newest year with places taken (the seed's active cadres)
      const madiun = madiunYears.find((p) => p.quotaUsed > 0)!;
      const row = page.getByTestId(`quota-row-KC-MDN-${madiun.year}`);
      await expect(row.getAttribute('data-quota')).resolves.toBe(String(madiun.quota));
      await expect(row.getAttribute('data-used')).resolves.toBe(String(madiun.quotaUsed));
      await expect(row.getAttribute('data-left')).resolves.toBe(String(madiun.quota - madiun.quotaUsed));

      // below the places taken: refused, the message on the quota field
      await page.getByTestId(`quota-edit-KC-MDN-${madiun.year}`).click();
      const form = page.getByTestId('quota-form');
      await expect(form.getByTestId('quota-form-year').inputValue()).resolves.toBe(String(madiun.year));
      await form.getByTestId('quota-form-quota').fill(String(madiun.quotaUsed - 1));
      await form.getByTestId('quota-form-submit').click();
      await expect(form.getByTestId('quota-error-quota').innerText()).resolves.toMatch(/tidak boleh kurang/);

      // next year's quota: a new row
      const next = madiunYears[0]!.year + 1;
      await form.getByTestId('quota-form-year').fill(String(next));
      await form.getByTestId('quota-form-quota').fill('20');
      await form.getByTestId('quota-form-submit').click();
      await form.getByTestId('quota-saved').waitFor();
      const added = page.getByTestId(`quota-row-KC-MDN-${next}`);
      await added.waitFor();
      await expect(added.getAttribute('data-quota')).resolves.toBe('20');
      await expect(added.getAttribute('data-left')).resolves.toBe('20');

      // a new branch with three work areas (an empty row is dropped): a city picked from the region
      // data by part of its name (the name follows the pick), a regency typed whole, a named group of
      // districts without a code
      const branch = page.getByTestId('branch-form');
      await branch.getByTestId('branch-code').fill('kc-sby');
      await branch.getByTestId('branch-name').fill('KC Surabaya');
      await branch.getByTestId('branch-zone').selectOption('Asia/Jakarta');
      await branch.getByTestId('branch-work-area-region-0').fill('surabaya');
      await branch.getByTestId('branch-work-area-region-0-option-35.78').click();
      await expect(branch.getByTestId('branch-work-area-0').inputValue()).resolves.toBe('Kota Surabaya');
      await expect(branch.getByTestId('branch-work-area-code-0').innerText()).resolves.toMatch(/35\.78/);
      await branch.getByTestId('branch-work-area-add').click();
      await branch.getByTestId('branch-work-area-add').click();
      await branch.getByTestId('branch-work-area-2').fill('Kabupaten Sidoarjo');
      await branch.getByTestId('branch-work-area-add').click();
      await branch.getByTestId('branch-work-area-3').fill('Surabaya Timur');
      await branch.getByTestId('branch-submit').click();
      await branch.getByTestId('branch-saved').waitFor();
      await page.getByTestId('quota-branch-KC-SBY').waitFor();

      // the branch's work areas with their codes; head office gives the group of districts its city's
      // code with the same picker ("madiun" offers both the city and the regency)
      await page.getByTestId('work-areas-open-KC-SBY').click();
      const panel = page.getByTestId('work-areas-panel');
      const areaRow = (name: string) => panel.locator('tr[data-testid^="work-area-"]', { hasText: name });
      await areaRow('Kota Surabaya').waitFor();
      await expect(areaRow('Kota Surabaya').getAttribute('data-region-code')).resolves.toBe('35.78');
      await expect(areaRow('Kabupaten Sidoarjo').getAttribute('data-region-code')).resolves.toBe('35.15');
      const timur = areaRow('Surabaya Timur');
      await expect(timur.getAttribute('data-region-code')).resolves.toBe('');
      const timurId = (await timur.getAttribute('data-testid'))!;
      await timur.getByTestId(`${timurId}-edit`).click();
      await timur.getByTestId(`${timurId}-region`).fill('madiun');
      await timur.getByTestId(`${timurId}-region-option-35.77`).waitFor();
      await timur.getByTestId(`${timurId}-region-option-35.19`).waitFor();
      await timur.getByTestId(`${timurId}-region`).fill('kota surabaya');
      await timur.getByTestId(`${timurId}-region-option-35.78`).click();
      await timur.getByTestId(`${timurId}-submit`).click();
      await timur.getByTestId(`${timurId}-saved`).waitFor();
      // the list is read again after the save: wait for the row to carry the code, not a first look
      await panel.locator(`tr[data-testid="${timurId}"][data-region-code="35.78"]`).waitFor();
      await expect(timur.getByTestId(`${timurId}-code`).innerText()).resolves.toMatch(/Kota Surabaya \(35\.78\)/);
      // the same code again: refused on the code field
      await branch.getByTestId('branch-code').fill('KC-SBY');
      await branch.getByTestId('branch-name').fill('KC Surabaya Dua');
      await branch.getByTestId('branch-zone').selectOption('Asia/Jakarta');
      await branch.getByTestId('branch-work-area-0').fill('Kota Surabaya');
      await branch.getByTestId('branch-submit').click();
      await expect(branch.getByTestId('branch-error-code').innerText()).resolves.toMatch(/sudah dipakai/);
      // the new branch can get its quota at once
      await form.getByTestId('quota-form-branch').selectOption({ label: 'KC Surabaya (KC-SBY)' });
      await form.getByTestId('quota-form-year').fill(String(next));
      await form.getByTestId('quota-form-quota').fill('12');
      await form.getByTestId('quota-form-submit').click();
      await page.getByTestId(`quota-row-KC-SBY-${next}`).waitFor();
    });
  });

  it('setting quotas and opening branches is for head office only (a branch plans its own periods there)', async () => {
    await withPage('quota-supervisor', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.supervisor);
      await openNav(page, 'nav-quota', /\/kuota$/, 'quota-table');
      await expect(page.getByTestId('quota-form').count()).resolves.toBe(0);
      await expect(page.getByTestId('branch-form').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid^="quota-edit-"]').count()).resolves.toBe(0);
      // the branch's work areas and their codes are shown; changing a code is head office's
      await page.getByTestId('work-areas-open-KC-MDN').click();
      const panel = page.getByTestId('work-areas-panel');
      await panel.locator('tr[data-region-code="35.77"]').waitFor();
      await expect(panel.locator('[data-testid$="-edit"]').count()).resolves.toBe(0);
    });
    await withPage('quota-viewer', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.viewer);
      await expect(page.getByTestId('nav-quota').count()).resolves.toBe(0);
      await page.goto(`${url}/kuota`);
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByTestId('board-column-registered').waitFor();
    });
  });
});

describe('the agreement from the application page', () => {
  it('prints the draft agreement of an application at agreement signing', async () => {
    await withPage('agreement-draft', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.recruiter);
      const card = page.getByTestId('board-column-agreementSigning').locator('[data-testid^="card-"]').first();
      await card.click();
      await page.waitForSelector('[data-testid="state-badge"][data-state="agreementSigning"]');
      const print = page.getByTestId('agreement-print');
      await expect(print.getByTestId('pdf-print').innerText()).resolves.toBe('Cetak PKS (draf)');
      const [download] = await Promise.all([page.waitForEvent('download'), print.getByTestId('pdf-print').click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const { readFileSync } = await import('node:fs');
      expect(
        readFileSync(await download.path())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
    });
  });
});
