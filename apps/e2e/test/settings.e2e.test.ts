import { describe, expect, it } from 'vitest';
import { DEMO_USERS, openNav, setupKader, signIn } from './harness';

/**
 * Head office's programme settings (`/pengaturan`): the KPI and fee versions with their effective
 * dates; adding a flat 25% fee schedule from next month shows it as "akan berlaku". Admins only.
 */

const kader = setupKader();

const { withPage } = kader;

/** The first day of next month (the server's "today" is the UTC date). */
function nextMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return d.toISOString().slice(0, 10);
}

describe('programme settings (head office)', () => {
  it('lists the versions and adds a flat 25% fee schedule from next month', async () => {
    await withPage('settings-admin', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.admin);
      await openNav(page, 'nav-settings', /\/pengaturan$/);

      // the defaults (domain.md C) are in force
      const kpiRow = page.getByTestId('settings-kpi-row-2017-01-01');
      await kpiRow.waitFor();
      await expect(kpiRow.getAttribute('data-status')).resolves.toBe('current');
      await expect(kpiRow.innerText()).resolves.toContain('Rp 10.000.000');
      const feeRow = page.getByTestId('settings-fee-row-2017-01-01');
      await expect(feeRow.getByTestId('settings-status').innerText()).resolves.toBe('berlaku sekarang');
      await expect(feeRow.getByTestId('settings-fee-tiers').innerText()).resolves.toContain('2–6 bulan: 7%');

      // the KPI form is prefilled and shows the running sum of the weights
      const kpiForm = page.getByTestId('settings-kpi-add');
      await expect(kpiForm.getByTestId('settings-weight-sum').getAttribute('data-sum')).resolves.toBe('100');
      await kpiForm.getByTestId('settings-field-weights.visits').fill('40');
      await expect(kpiForm.getByTestId('settings-weight-sum').getAttribute('data-sum')).resolves.toBe('110');
      await kpiForm.getByTestId('settings-submit').click();
      await expect(kpiForm.getByTestId('settings-error-weights').innerText()).resolves.toBe('Jumlah bobot harus 100');

      // the flat 25% shortcut, from next month
      const date = nextMonth();
      const feeForm = page.getByTestId('settings-fee-add');
      await feeForm.getByTestId('settings-flat25').click();
      await feeForm.getByTestId('settings-field-effectiveFrom').fill(date);
      await expect(feeForm.getByTestId('settings-field-tiers.0.rateBasisPoints').inputValue()).resolves.toBe('25');
      await feeForm.getByTestId('settings-submit').click();
      const added = page.getByTestId(`settings-fee-row-${date}`);
      await added.waitFor();
      await expect(added.getByTestId('settings-status').innerText()).resolves.toBe('akan berlaku');
      await expect(added.getAttribute('data-kind')).resolves.toBe('flat');
      await expect(added.getByTestId('settings-fee-tiers').innerText()).resolves.toContain('2–24 bulan: 25%');
      await expect(page.getByTestId('settings-fee-row-2017-01-01').getAttribute('data-status')).resolves.toBe('current');

      // the same date again: refused on the date field by the server
      const again = page.getByTestId('settings-fee-add');
      await again.getByTestId('settings-flat25').click();
      await again.getByTestId('settings-field-effectiveFrom').fill(date);
      await again.getByTestId('settings-submit').click();
      await expect(again.getByTestId('settings-error-effectiveFrom').innerText()).resolves.toMatch(/Sudah ada versi/);
    });
  });

  it('is for head office only', async () => {
    await withPage('settings-supervisor', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.supervisor);
      await expect(page.getByTestId('nav-settings').count()).resolves.toBe(0);
      await page.goto(`${url}/pengaturan`);
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByTestId('board-column-registered').waitFor();
    });
  });
});
