import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { readDatabase } from './database';
import { DEMO_USERS, openNav, setupKader, signIn } from './harness';

/**
 * Every report of the Laporan section (issue 12) on a server seeded with the Madiun history
 * (`demo --history`, docs/reports.md "The Madiun history"), opened by KC Madiun's head (a viewer of
 * the branch) and by head office: the years 2017-2020 chosen, one figure per report checked
 * against the study (domain.md section A) or the database, and each report's CSV downloaded and
 * read back (byte-order mark, `;`, the same figure).
 */
// the history is ~3,800 commands through the services before the server listens: on a busy
// machine that is well over the default hook timeout
vi.setConfig({ hookTimeout: 600_000, testTimeout: 600_000 });
const kader = setupKader({ history: true });
const { withPage } = kader;

/** `1.234` (id) → 1234; `46,9%` → 46.9 */
const figure = (text: string) => Number(text.replace(/\./g, '').replace(',', '.').replace('%', '').trim());

function fromDatabase<T>(sql: string, ...params: unknown[]): T {
  const db = readDatabase(kader.server.dbPath);
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
const madiunPeriod = (year: number) =>
  fromDatabase<{ id: number; registered: number }>(
    `select p.id, count(a.id) registered from recruitment_periods p join branches b on b.id = p.branch_id
     left join applications a on a.period_id = p.id where b.code = 'KC-MDN' and p.year = ? group by p.id`,
    year,
  );
const agreementsMade = (year: number, branch: string | null) =>
  fromDatabase<{ n: number }>(
    `select count(*) n from contracts c join branches b on b.id = c.branch_id
     where substr(c.start_date, 1, 4) = ? and (? is null or b.code = ?)`,
    String(year),
    branch,
    branch,
  ).n;

/** The years of the study, in the filter above the tabs (kept while the tabs change). */
async function chooseStudyYears(page: Page) {
  await page.getByTestId('reports-filter-from').selectOption('2017');
  await page.getByTestId('reports-filter-to').selectOption('2020');
}

async function openTab(page: Page, key: string) {
  await page.getByTestId(`report-tab-${key}`).click();
  await page.waitForURL(new RegExp(`laporan=${key}`));
}

/** Clicks "Unduh CSV" and reads the file back: its name, the byte-order mark, lines split on CRLF and `;`. */
async function downloadCsv(page: Page, filename: string): Promise<string[][]> {
  const button = page.getByTestId('reports-download');
  await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe(filename);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(1, -2).split('\r\n');
  expect(lines[0]).toContain(';');
  return lines.map((l) => l.split(';'));
}

/** The line of a CSV whose first cells are `start`. */
const lineOf = (rows: string[][], ...start: string[]) => {
  const row = rows.find((r) => start.every((s, i) => r[i] === s));
  if (!row) throw new Error(`no line starting ${start.join(';')} in\n${rows.map((r) => r.join(';')).join('\n')}`);
  return row;
};
const column = (rows: string[][], name: string) => {
  const i = rows[0]!.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${rows[0]!.join(';')}`);
  return i;
};

/** The text of a cell once it is there (a report answers after the filter changes). */
const cell = (page: Page, selector: string) => {
  const loc = page.locator(selector).first();
  return expect.poll(async () => ((await loc.count()) ? figure(await loc.innerText()) : null), { timeout: 60_000 });
};

async function checkFees(page: Page, scope: string) {
  // the month picker follows the answer: the year first, then August
  await expect.poll(() => page.getByTestId('fees-year-pick').isEnabled(), { timeout: 60_000 }).toBe(true);
  await page.getByTestId('fees-year-pick').selectOption('2019');
  await page.getByTestId('fees-month-pick').selectOption('08');
  await page.locator('[data-testid="fees-month"][data-month="2019-08"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('fees-cadres').waitFor({ timeout: 60_000 });
  const total = figure(
    await page.locator('[data-testid="fees-cadres"] [data-testid="fees-total"] td[data-col="fee"]').innerText(),
  );
  expect(total, scope).toBeGreaterThan(0);
  // finance's file: one line per cadre-month recorded for August 2019, summing to the total shown
  const rows = await downloadCsv(page, 'kader-imbal-jasa-KC-MDN-2019-08.csv');
  expect(rows[0]!.slice(0, 3)).toEqual(['kantor_cabang', 'bulan', 'nomor_pks']);
  const recorded = fromDatabase<{ n: number }>(
    `select count(*) n from monthly_reports m join contracts c on c.id = m.contract_id join branches b on b.id = c.branch_id
     where b.code = 'KC-MDN' and m.month = '2019-08'`,
  ).n;
  expect(rows.length - 1, scope).toBe(recorded);
  expect(rows.slice(1).every((r) => r[0] === 'KC-MDN' && r[1] === '08/2019')).toBe(true);
  const fee = column(rows, 'jumlah_imbal_jasa');
  expect(
    rows.slice(1).reduce((s, r) => s + figure(r[fee]!), 0),
    scope,
  ).toBe(total);
  return total;
}

describe('reports: every report on the Madiun history', () => {
  it('KC Madiun’s head opens every report of their branch, checks a figure and downloads each CSV', async () => {
    const url = kader.server.url;
    const p2017 = madiunPeriod(2017);
    expect(p2017.registered).toBe(38);
    await withPage('reports-all-branch-head', async (page) => {
      await signIn(page, url, DEMO_USERS.viewer);
      await openNav(page, 'nav-reports', /\/laporan/, 'reports-filters');
      await expect(page.getByTestId('reports-filter-branch').count()).resolves.toBe(0);
      await chooseStudyYears(page);

      // selection funnel: 2017's registrations as in the database, only KC Madiun's periods
      const period = page.getByTestId(`funnel-period-${p2017.id}`);
      await period.waitFor({ timeout: 60_000 });
      await expect(period.getByTestId('funnel-registered').innerText().then(figure)).resolves.toBe(p2017.registered);
      await expect(page.locator('[data-testid^="funnel-period-"]:not([data-branch="KC-MDN"])').count()).resolves.toBe(0);
      const funnel = await downloadCsv(page, 'kader-corong-seleksi-2017-2020.csv');
      expect(figure(lineOf(funnel, 'KC-MDN', '2017', 'registered')[3]!)).toBe(38);
      expect(funnel.slice(1).every((r) => r[0] === 'KC-MDN')).toBe(true);

      // cadres per year: the study's 52 of 2018 (12 renewed, 40 recruited)
      await openTab(page, 'kader');
      await cell(page, '[data-testid="cadres-year-table"] tr[data-year="2018"] td[data-col="made"]').toBe(52);
      await cell(page, '[data-testid="cadres-year-table"] tr[data-year="2018"] td[data-col="recruited"]').toBe(40);
      expect(agreementsMade(2018, 'KC-MDN')).toBe(52);
      const cadres = await downloadCsv(page, 'kader-per-tahun-2017-2020.csv');
      const made = column(cadres, 'pks_dibuat');
      expect([2017, 2018, 2019, 2020].map((y) => figure(lineOf(cadres, String(y), '', '')[made]!))).toEqual([12, 52, 34, 15]);

      // targets achieved: dues of 2020 153 %, visits of 2017 9.7 %
      await openTab(page, 'target');
      await cell(page, '[data-testid="targets-periods"] tr[data-period="2020"] td[data-col="collection"] strong').toBe(153);
      await cell(page, '[data-testid="targets-periods"] tr[data-period="2017"] td[data-col="visits"] strong').toBe(9.7);
      const targets = await downloadCsv(page, 'kader-target-capaian-2017-2020.csv');
      const dues = column(targets, 'iuran_persen');
      const visits = column(targets, 'kunjungan_persen');
      const oneDecimal = (s: string) => Math.round(figure(s) * 10) / 10;
      expect([2017, 2018, 2019, 2020].map((y) => oneDecimal(lineOf(targets, 'tahun', String(y))[dues]!))).toEqual([
        0, 70.9, 67.9, 153,
      ]);
      expect([2017, 2018, 2019, 2020].map((y) => oneDecimal(lineOf(targets, 'tahun', String(y))[visits]!))).toEqual([
        9.7, 12.7, 14, 46.9,
      ]);

      // renewal outcomes: the 52 agreements ending in 2019, 15 not renewed, nothing lapsed
      await openTab(page, 'perpanjangan');
      await cell(page, '[data-testid="renewals-figures-2019"] tr[data-figure="agreements"] td').toBe(52);
      await cell(page, '[data-testid="renewals-figures-2019"] tr[data-figure="dropped"] td').toBe(15);
      await cell(page, '[data-testid="renewals-figures-2019"] tr[data-figure="lapsed"] td').toBe(0);
      const renewals = await downloadCsv(page, 'kader-hasil-perpanjangan-2017-2020.csv');
      const total2019 = lineOf(renewals, '2019', 'total');
      expect(figure(total2019[column(renewals, 'pks_berakhir')]!)).toBe(52);
      expect(figure(total2019[column(renewals, 'lewat_waktu')]!)).toBe(0);

      // fee payout of August 2019: the branch's cadres, the file summing to the total shown
      await openTab(page, 'imbal-jasa');
      await checkFees(page, 'branch head');
    });
  });

  it('head office opens every report over every branch, then KC Madiun, and downloads each CSV', async () => {
    const url = kader.server.url;
    const p2017 = madiunPeriod(2017);
    await withPage('reports-all-head-office', async (page) => {
      await signIn(page, url, DEMO_USERS.admin);
      await openNav(page, 'nav-reports', /\/laporan/, 'reports-filters');
      await chooseStudyYears(page);

      // every branch: KC Madiun's periods and KC Bogor's of 2019
      await page.getByTestId(`funnel-period-${p2017.id}`).waitFor({ timeout: 60_000 });
      await page.locator('[data-testid^="funnel-period-"][data-branch="KC-BGR"]').first().waitFor({ timeout: 60_000 });
      const funnel = await downloadCsv(page, 'kader-corong-seleksi-2017-2020.csv');
      expect(figure(lineOf(funnel, 'KC-MDN', '2017', 'registered')[3]!)).toBe(p2017.registered);
      expect(figure(lineOf(funnel, 'KC-BGR', '2019', 'registered')[3]!)).toBe(24);

      // cadres per year over every branch: 2019 is KC Madiun's 34 and KC Bogor's 8, as the database
      await openTab(page, 'kader');
      const all2019 = agreementsMade(2019, null);
      expect(all2019).toBe(34 + 8);
      await cell(page, '[data-testid="cadres-year-table"] tr[data-year="2019"] td[data-col="made"]').toBe(all2019);
      const cadres = await downloadCsv(page, 'kader-per-tahun-2017-2020.csv');
      expect(figure(lineOf(cadres, '2019', '', '')[column(cadres, 'pks_dibuat')]!)).toBe(all2019);
      expect(cadres.some((r) => r[1] === 'KC-BGR')).toBe(true);

      // KC Madiun chosen: the study's figures
      const branch = page.getByTestId('reports-filter-branch');
      const madiun = await branch.locator('option', { hasText: 'Madiun' }).getAttribute('value');
      await branch.selectOption(madiun!);
      await cell(page, '[data-testid="cadres-year-table"] tr[data-year="2019"] td[data-col="made"]').toBe(34);
      await cell(page, '[data-testid="cadres-area-table"] tr[data-year="2020"][data-area="35.02"] td[data-col="made"]').toBe(4);

      await openTab(page, 'target');
      await cell(page, '[data-testid="targets-periods"] tr[data-period="2020"] td[data-col="collection"] strong').toBe(153);
      await cell(page, '[data-testid="targets-periods"] tr[data-period="2018"] td[data-col="collection"] strong').toBe(70.9);
      const targets = await downloadCsv(page, 'kader-target-capaian-2017-2020.csv');
      expect(Math.round(figure(lineOf(targets, 'tahun', '2020')[column(targets, 'kunjungan_persen')]!) * 10) / 10).toBe(46.9);

      await openTab(page, 'perpanjangan');
      await cell(page, '[data-testid="renewals-figures-2020"] tr[data-figure="agreements"] td').toBe(34);
      await cell(page, '[data-testid="renewals-figures-2020"] tr[data-figure="renewed"] td').toBe(15);
      const renewals = await downloadCsv(page, 'kader-hasil-perpanjangan-2017-2020.csv');
      expect(figure(lineOf(renewals, '2020', 'total')[column(renewals, 'diperpanjang')]!)).toBe(15);

      // fees over every branch: each branch's totals, then KC Madiun's cadres opened from them
      await branch.selectOption('');
      await openTab(page, 'imbal-jasa');
      await expect.poll(() => page.getByTestId('fees-year-pick').isEnabled(), { timeout: 60_000 }).toBe(true);
      await page.getByTestId('fees-year-pick').selectOption('2019');
      await page.getByTestId('fees-month-pick').selectOption('08');
      await page.locator('[data-testid="fees-month"][data-month="2019-08"]').waitFor({ timeout: 60_000 });
      const madiunRow = page.locator('[data-testid="fees-branches"] tr[data-branch="KC-MDN"]');
      await madiunRow.waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="fees-branches"] tr[data-branch="KC-BGR"]').waitFor();
      const madiunFee = figure(await madiunRow.locator('td[data-col="fee"]').innerText());
      await page.getByTestId('fees-open-KC-MDN').click();
      expect(await checkFees(page, 'head office')).toBe(madiunFee);
    });
  });
});
