import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDatabase } from './database';
import { DEMO_USERS, openNav, setupKader, signIn } from './harness';

/**
 * The reports section (`/laporan`, issue 12): the selection funnel opened by KC Madiun's head (a
 * viewer of the branch: only their branch, no branch choice) and by head office (every branch, one
 * chosen); a figure on the page checked against the database; the table downloaded as CSV and read
 * back.
 */
const kader = setupKader();
const { withPage } = kader;

/** This year on the branches' calendar (WIB), the year the page opens on. */
const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

/** The demo's KC Madiun period of this year: its id and how many applications it has, from the file. */
function madiunFromDatabase(): { periodId: number; registered: number; active: number } {
  const db = readDatabase(kader.server.dbPath);
  try {
    return db
      .prepare(
        `select p.id periodId, count(a.id) registered, count(case when a.state = 'active' then 1 end) active
         from recruitment_periods p join branches b on b.id = p.branch_id left join applications a on a.period_id = p.id
         where b.code = 'KC-MDN' and p.year = ? group by p.id`,
      )
      .get(thisYear) as { periodId: number; registered: number; active: number };
  } finally {
    db.close();
  }
}

/** `1.234` (id) → 1234 */
const whole = (text: string) => Number(text.replace(/\./g, ''));

describe('reports: the selection funnel', () => {
  it('a branch head sees their branch’s funnel, the figures of the database, and downloads it as CSV', async () => {
    const url = kader.server.url;
    const expected = madiunFromDatabase();
    expect(expected.registered).toBeGreaterThan(0);
    await withPage('reports-branch-head', async (page) => {
      await signIn(page, url, DEMO_USERS.viewer);
      await openNav(page, 'nav-reports', /\/laporan$/, 'reports-filters');
      const panel = page.getByTestId(`funnel-period-${expected.periodId}`);
      await panel.waitFor();
      // their own branch only, and no choice of branch
      await expect(page.getByTestId('reports-filter-branch').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid^="funnel-period-"]:not([data-branch="KC-MDN"])').count()).resolves.toBe(0);
      await expect(panel.getByTestId('funnel-registered').innerText().then(whole)).resolves.toBe(expected.registered);
      await expect(panel.getByTestId('funnel-active').innerText().then(whole)).resolves.toBe(expected.active);
      // the chart is beside a table with the same figures: registered reached by all
      const table = panel.getByTestId(`funnel-table-${expected.periodId}`);
      await expect(table.locator('tr[data-stage="registered"] td[data-col="reached"]').innerText().then(whole)).resolves.toBe(
        expected.registered,
      );
      await expect(panel.getByTestId(`funnel-chart-${expected.periodId}`).getAttribute('role')).resolves.toBe('img');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-download').click()]);
      expect(download.suggestedFilename()).toBe(`kader-corong-seleksi-${thisYear}.csv`);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'kantor_cabang;tahun;tahap;terdaftar;mencapai;lolos;tingkat_lolos_persen;sedang_di_tahap;tidak_lolos;mengundurkan_diri;median_hari;persentil_90_hari',
      );
      const registered = lines.find((l) => l.startsWith(`KC-MDN;${thisYear};registered;`))!.split(';');
      expect(whole(registered[3]!)).toBe(expected.registered);
      expect(whole(registered[4]!)).toBe(expected.registered);
      // six stages per period, every line of KC Madiun
      expect(lines.slice(1, -1).every((l) => l.startsWith('KC-MDN;'))).toBe(true);
      expect((lines.length - 2) % 6).toBe(0);
    });
  });

  it('head office sees every branch, then one', async () => {
    const url = kader.server.url;
    const expected = madiunFromDatabase();
    await withPage('reports-head-office', async (page) => {
      await signIn(page, url, DEMO_USERS.admin);
      await openNav(page, 'nav-reports', /\/laporan$/, 'reports-filters');
      await page.getByTestId(`funnel-period-${expected.periodId}`).waitFor();
      const branches = await page
        .locator('[data-testid^="funnel-period-"]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-branch')))]);
      expect(branches.length).toBeGreaterThan(1);

      const madiun = await page
        .getByTestId('reports-filter-branch')
        .locator('option', { hasText: 'Madiun' })
        .getAttribute('value');
      await page.getByTestId('reports-filter-branch').selectOption(madiun!);
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('[data-testid^="funnel-period-"]')).every(
          (e) => e.getAttribute('data-branch') === 'KC-MDN',
        ),
      );
      const panel = page.getByTestId(`funnel-period-${expected.periodId}`);
      await expect(panel.getByTestId('funnel-registered').innerText().then(whole)).resolves.toBe(expected.registered);
    });
  });
});
