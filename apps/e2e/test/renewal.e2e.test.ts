import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, DEMO_USERS, openNav, setupKader, signIn } from './harness';

/**
 * The contract year through the admin UI: the demo supervisor of KC Madiun (`penyelia.madiun`)
 * opens cadres from the renewal queue and the cadres list, records monthly reports through the
 * form, imports a CSV, prints the agreement, sees the scorecard's recommendation, renews one
 * cadre and drops another with a reason. Real server (`node dist/cli.js demo`, fresh database,
 * the real clock: the seed's last-year cadres are due for evaluation today) and real Chromium.
 */

const kader = setupKader();

type Card = {
  id: number;
  state: string;
  candidateName: string;
  agreementNumber: string;
  startDate: string;
  endDate: string;
  recommendation: 'renew' | 'drop' | null;
  monthsReported: number;
  branch: { id: number; timeZone: string };
};
type Detail = Card & { months: { month: string; revision: number }[]; scorecard: { months: string[] } | null };

const { withPage } = kader;

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A report date for `month` that is neither before the month nor in the future: on time. */
function reportDate(month: string, timeZone = 'Asia/Jakarta'): string {
  const today = todayIn(timeZone);
  return month === today.slice(0, 7) ? today : `${month}-28`;
}

/** The renewal queue's first page as the server sends it (what the page shows before "Muat lagi"). */
async function queue(page: Page): Promise<Card[]> {
  return (await apiGet<{ items: Card[] }>(page, kader.server.url, 'contracts.renewalQueue', {})).items;
}

/** A mutation through the public API with the page's session (someone else's change, in effect). */
async function apiPost(page: Page, procedure: string, input: unknown): Promise<unknown> {
  const res = await page.request.post(`${kader.server.url}/trpc/${procedure}`, {
    headers: { 'x-kader-request': '1', 'content-type': 'application/json' },
    data: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
  if (!res.ok() || !body.result) throw new Error(`${procedure} failed: ${res.status()} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** Fills and saves the monthly report form that is open. */
async function fillMonth(
  page: Page,
  values: { familiesVisited: string; visits: string; reportDeliveredOn: string; meetingsHeld: string; meetingsAttended: string },
  collections: { arrearsMonths: string; amount: string }[],
): Promise<void> {
  const form = page.getByTestId('month-form');
  for (const [name, value] of Object.entries(values)) await form.getByTestId(`month-field-${name}`).fill(value);
  for (let i = 0; i < collections.length; i++) {
    if ((await form.getByTestId(`month-collection-${i}`).count()) === 0) await form.getByTestId('month-collection-add').click();
    await form.getByTestId(`month-collection-${i}-arrearsMonths`).fill(collections[i]!.arrearsMonths);
    await form.getByTestId(`month-collection-${i}-amount`).fill(collections[i]!.amount);
  }
}

async function openQueue(page: Page): Promise<void> {
  await openNav(page, 'nav-renewals', /\/perpanjangan$/, 'renewals-table');
}

describe('contract year and renewal through the admin UI', () => {
  it('shows the renewal queue by end date, with scores and recommendations', async () => {
    await withPage('renewal-queue', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.supervisor, { path: '/perpanjangan' });
      await page.waitForURL(/\/perpanjangan$/);
      await page.getByTestId('renewals-table').waitFor();

      const cards = await queue(page);
      // the seed's last-year cadres: due for evaluation, one strong and one weak at least
      const due = cards.filter((c) => c.state === 'evaluationDue');
      expect(due.length, 'the demo seed gives KC Madiun contracts due for evaluation').toBeGreaterThanOrEqual(2);
      expect(cards.some((c) => c.recommendation === 'renew')).toBe(true);
      expect(cards.some((c) => c.recommendation === 'drop')).toBe(true);

      // the rows as the server sorted them (by end date), each with its days left
      const rows = page.locator('[data-testid^="renewal-row-"]');
      await expect(rows.count()).resolves.toBe(cards.length);
      const shownIds = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
      expect(shownIds).toEqual(cards.map((c) => `renewal-row-${c.id}`));
      const ends = cards.map((c) => c.endDate);
      expect([...ends].sort()).toEqual(ends);
      for (const c of cards) {
        const row = page.getByTestId(`renewal-row-${c.id}`);
        await expect(row.getAttribute('data-state')).resolves.toBe(c.state);
        const score = row.getByTestId('renewal-score');
        await expect(score.getAttribute('data-recommendation')).resolves.toBe(c.recommendation ?? 'none');
        const text = await score.innerText();
        if (c.recommendation === 'renew') expect(text).toMatch(/Direkomendasikan diperpanjang/);
        if (c.recommendation === 'drop') expect(text).toMatch(/Tidak direkomendasikan/);
        await expect(row.getByTestId('renewal-days-left').innerText()).resolves.toMatch(/hari/);
        // the supervisor decides on what is due or decided
        await expect(row.getByTestId(`renewal-decide-${c.id}`).count()).resolves.toBe(c.state === 'active' ? 0 : 1);
      }
    });
  });

  it('records a month through the form on a cadre from the queue and sees the scorecard follow', async () => {
    await withPage('renewal-record-month', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.supervisor);
      await openQueue(page);
      const due = (await queue(page)).filter((c) => c.state === 'evaluationDue');
      // the one reported least recently ends up with a month to add inside its agreement
      const card = due[due.length - 1]!;
      const before = await apiGet<Detail>(page, url, 'contracts.get', { id: card.id });

      await page.getByTestId(`renewal-link-${card.id}`).click();
      await page.waitForURL(new RegExp(`/kader/${card.id}$`));
      await page.getByTestId('cadre').waitFor();
      await expect(page.getByTestId('cadre-name').innerText()).resolves.toBe(card.candidateName);
      await expect(page.getByTestId('cadre-state').getAttribute('data-state')).resolves.toBe('evaluationDue');
      // the charts, one bar per reported month; the scorecard with its recommendation
      await expect(page.locator('[data-testid^="chart-visits-bar-"]').count()).resolves.toBe(before.months.length);
      await page.getByTestId('chart-visits-target').waitFor({ state: 'attached' });
      await expect(page.getByTestId('scorecard').getAttribute('data-recommendation')).resolves.toBe(card.recommendation);
      await expect(page.getByTestId('scorecard-summary').innerText()).resolves.toMatch(/^Rekomendasi: /);

      // a new month: the form suggests the month after the last one reported
      await page.getByTestId('month-add').click();
      const form = page.getByTestId('month-form');
      await form.waitFor();
      const month = await form.getByTestId('month-field-month').inputValue();
      expect(
        month >
          before.months
            .map((m) => m.month)
            .sort()
            .at(-1)!,
      ).toBe(true);
      expect(month <= card.endDate.slice(0, 7)).toBe(true);

      // the schema's checks before anything is sent: more families visited than assigned
      await fillMonth(
        page,
        { familiesVisited: '600', visits: '620', reportDeliveredOn: reportDate(month), meetingsHeld: '2', meetingsAttended: '2' },
        [{ arrearsMonths: '3', amount: '1.250.000' }],
      );
      await form.getByTestId('month-submit').click();
      await expect(form.getByTestId('month-field-error-familiesVisited').innerText()).resolves.toMatch(/keluarga binaan/);
      await expect(form.getByTestId('month-field-error-collections.1.amount').count()).resolves.toBe(0);

      // corrected, with an amount written the Indonesian way and arrears too old to earn a fee
      await fillMonth(
        page,
        { familiesVisited: '480', visits: '510', reportDeliveredOn: reportDate(month), meetingsHeld: '2', meetingsAttended: '2' },
        [
          { arrearsMonths: '3', amount: '1.250.000' },
          { arrearsMonths: '30', amount: 'Rp 600.000' },
        ],
      );
      await form.getByTestId('month-submit').click();
      await page.getByTestId('month-saved').waitFor();
      const row = page.getByTestId(`month-row-${month}`);
      await row.waitFor();
      await expect(row.getAttribute('data-on-time')).resolves.toBe('true');
      await expect(row.getByTestId('month-visited').innerText()).resolves.toMatch(/^480 \/ 500$/);
      await expect(row.getByTestId('month-collected').getAttribute('data-collected')).resolves.toBe('1850000');
      await expect(row.getByTestId('month-collected').getAttribute('data-eligible')).resolves.toBe('1250000');
      await expect(row.getByTestId('month-flags').getAttribute('data-flags')).resolves.toBe('OVER_24_MONTHS');
      // the month's fee statement: 7% of Rp 1.250.000, nothing on the 30-month arrears
      const fee = page.getByTestId(`fee-${month}`);
      await expect(fee.getAttribute('data-fee')).resolves.toBe('87500');
      await expect(page.getByTestId(`fee-total-${month}`).innerText()).resolves.toBe('Rp 87.500');
      await expect(page.getByTestId(`fee-line-${month}-1`).getAttribute('data-flag')).resolves.toBe('OVER_24_MONTHS');
      // a bar more in the chart, the scorecard counts the month
      await expect(page.locator('[data-testid^="chart-visits-bar-"]').count()).resolves.toBe(before.months.length + 1);
      await page.getByTestId(`chart-collection-bar-${month}`).waitFor();
      const after = await apiGet<Detail>(page, url, 'contracts.get', { id: card.id });
      expect(after.scorecard!.months).toContain(month);
      await expect(page.getByTestId('scorecard').getAttribute('data-recommendation')).resolves.toBe(after.recommendation);

      // edit the month: the form comes filled, the revision goes with it
      await page.getByTestId(`month-edit-${month}`).click();
      await form.waitFor();
      await expect(form.getByTestId('month-collection-0-amount').inputValue()).resolves.toBe('1.250.000');
      await form.getByTestId('month-field-visits').fill('530');
      await form.getByTestId('month-submit').click();
      await page.getByTestId('month-saved').waitFor();
      await expect(page.getByTestId(`month-row-${month}`).getAttribute('data-revision')).resolves.toBe('2');
      const history = page.getByTestId('cadre-history');
      await expect(history.locator('[data-type="MONTH_UPDATED"]').count()).resolves.toBe(1);

      // someone else saves the month while the form is open: the standard conflict message, then
      // "Muat ulang" and the same values go through against the latest revision
      await page.getByTestId(`month-edit-${month}`).click();
      await form.waitFor();
      await form.getByTestId('month-field-meetingsAttended').fill('1');
      const current = await apiGet<
        Omit<Detail, 'months'> & { months: { month: string; revision: number; record: Record<string, unknown> }[] }
      >(page, url, 'contracts.get', { id: card.id });
      const seen = current.months.find((m) => m.month === month)!;
      await apiPost(page, 'contracts.recordMonth', {
        contractId: card.id,
        revision: seen.revision,
        record: { ...seen.record, visits: 540 },
      });
      await form.getByTestId('month-submit').click();
      const conflict = page.getByTestId('error-message');
      await conflict.waitFor();
      await expect(conflict.getAttribute('data-code')).resolves.toBe('CONFLICT');
      await expect(conflict.innerText()).resolves.toMatch(/baru saja diubah oleh pengguna lain/);
      await conflict.getByTestId('reload').click();
      await page.getByTestId('error-message').waitFor({ state: 'detached' });
      await expect(form.getByTestId('month-field-meetingsAttended').inputValue()).resolves.toBe('1');
      await form.getByTestId('month-submit').click();
      await page.getByTestId('month-saved').waitFor();
      await expect(page.getByTestId(`month-row-${month}`).getAttribute('data-revision')).resolves.toBe('4');
    });
  });

  it('opens a new cadre from the cadres list, records a month, imports a CSV, prints the agreement', async () => {
    await withPage('renewal-cadres-list', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.supervisor);
      await openNav(page, 'nav-cadres', /\/kader$/, 'cadres-table');

      // this year's cadres (the seed made them active): filter on the state and a name
      await page.getByTestId('cadres-filter-state').selectOption('active');
      await page.waitForURL(/state=active/);
      const list = await apiGet<{ total: number; items: Card[] }>(page, url, 'contracts.list', { state: 'active' });
      const fresh = list.items.find((c) => c.monthsReported === 0);
      expect(fresh, 'an active cadre with no monthly report yet').toBeDefined();
      await page.getByTestId('cadres-filter-search').fill(fresh!.candidateName);
      await page.waitForURL(/q=/);
      const row = page.getByTestId(`cadre-row-${fresh!.id}`);
      await row.waitFor();
      await expect(page.locator('[data-testid^="cadre-row-"][data-state]').count()).resolves.toBeGreaterThanOrEqual(1);
      await expect(row.getByTestId('cadre-row-score').getAttribute('data-recommendation')).resolves.toBe('none');
      // the row opens the cadre
      await row.locator('td').nth(2).click();
      await page.waitForURL(new RegExp(`/kader/${fresh!.id}$`));
      await page.getByTestId('cadre').waitFor();
      await expect(page.getByTestId('scorecard').getAttribute('data-recommendation')).resolves.toBe('none');
      await page.getByTestId('months-empty').waitFor();

      // the first month, through the form
      await page.getByTestId('month-add').click();
      const form = page.getByTestId('month-form');
      const month = await form.getByTestId('month-field-month').inputValue();
      expect(month).toBe(fresh!.startDate.slice(0, 7));
      await fillMonth(
        page,
        { familiesVisited: '350', visits: '400', reportDeliveredOn: reportDate(month), meetingsHeld: '2', meetingsAttended: '1' },
        [{ arrearsMonths: '8', amount: '2.000.000' }],
      );
      await form.getByTestId('month-submit').click();
      await page.getByTestId(`month-row-${month}`).waitFor();
      // now there is something to recommend on
      const rec = await page.getByTestId('scorecard').getAttribute('data-recommendation');
      expect(['renew', 'drop']).toContain(rec);
      await page.getByTestId('scorecard-kpi-collection').waitFor();
      await expect(page.getByTestId(`fee-${month}`).getAttribute('data-fee')).resolves.toBe('200000');

      // the import: the server's template, then a file with one good row and one bad row
      await expect(page.getByTestId('import-template').getAttribute('data-source')).resolves.toBe('server');
      const agreement = (await page.getByTestId('cadre-agreement').innerText()).trim();
      const [mm, yyyy] = [month.slice(5), month.slice(0, 4)];
      const delivered = reportDate(month).split('-').reverse().join('/');
      const csv = [
        'nomor_pks;bulan;keluarga_binaan;keluarga_dikunjungi;kunjungan;tanggal_laporan;rapat_diadakan;rapat_dihadiri;tunggakan_3',
        `${agreement};${mm}/${yyyy};500;380;420;${delivered};2;2;1.500.000`,
        `PKS/999/TIDAK-ADA;${mm}/${yyyy};500;100;100;${delivered};2;2;`,
      ].join('\r\n');
      await page
        .getByTestId('import-file')
        .setInputFiles({ name: 'laporan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const summary = page.getByTestId('import-summary');
      await summary.waitFor();
      await expect(summary.getAttribute('data-rows')).resolves.toBe('2');
      await expect(summary.getAttribute('data-valid')).resolves.toBe('1');
      const error = page.getByTestId('import-error-0');
      await expect(error.getAttribute('data-row')).resolves.toBe('3');
      await expect(error.getAttribute('data-column')).resolves.toBe('nomor_pks');
      // nothing was written by the check
      await expect(page.getByTestId(`month-row-${month}`).getByTestId('month-visited').innerText()).resolves.toMatch(/^350 /);
      await expect(page.getByTestId('import-run').count()).resolves.toBe(0);
      await page.getByTestId('import-run-valid').click();
      const done = page.getByTestId('import-done');
      await done.waitFor();
      await expect(done.getAttribute('data-updated')).resolves.toBe('1');
      // the page reloads the cadre: the imported figures replace the form's
      await expect
        .poll(() => page.getByTestId(`month-row-${month}`).getByTestId('month-visited').innerText(), { timeout: 15_000 })
        .toMatch(/^380 /);

      // the agreement as a PDF, on F4 paper
      await page.getByTestId('pdf-paper').selectOption('F4');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pdf-print').click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = await download.path();
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByTestId('pdf-done').waitFor();
    });
  });

  it('renews the recommended cadre, and drops the other with a reason', async () => {
    await withPage('renewal-decisions', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.supervisor);
      await openQueue(page);
      const cards = (await queue(page)).filter((c) => c.state === 'evaluationDue');
      const strong = cards.find((c) => c.recommendation === 'renew')!;
      const weak = cards.find((c) => c.recommendation === 'drop')!;
      expect(strong && weak, 'one cadre recommended for renewal and one not').toBeTruthy();

      // renew, as recommended: no reason needed
      await page.getByTestId(`renewal-decide-${strong.id}`).click();
      let dialog = page.getByTestId('decide-dialog');
      await dialog.waitFor();
      await expect(dialog.getByTestId('decide-scorecard').getAttribute('data-recommendation')).resolves.toBe('renew');
      await expect(dialog.getByTestId('decide-scorecard-summary').innerText()).resolves.toMatch(/diperpanjang/);
      await dialog.getByTestId('decide-choice-renew').check();
      await expect(dialog.getByTestId('decide-reason-required').getAttribute('data-required')).resolves.toBe('false');
      // a drop would need one
      await dialog.getByTestId('decide-choice-drop').check();
      await expect(dialog.getByTestId('decide-reason-required').getAttribute('data-required')).resolves.toBe('true');
      await dialog.getByTestId('decide-choice-renew').check();
      await dialog.getByTestId('decide-submit').click();
      const saved = page.getByTestId('decide-saved');
      await saved.waitFor();
      await expect(saved.getAttribute('data-decision')).resolves.toBe('renew');
      await expect(dialog.count()).resolves.toBe(0);
      await page.waitForSelector(`[data-testid="renewal-row-${strong.id}"][data-state="decided"]`);

      // drop the weak one: without a reason the dialog says so on the field, and sends nothing
      await page.getByTestId(`renewal-decide-${weak.id}`).click();
      dialog = page.getByTestId('decide-dialog');
      await dialog.waitFor();
      await expect(dialog.getByTestId('decide-scorecard').getAttribute('data-recommendation')).resolves.toBe('drop');
      // renewing against the recommendation would need a reason too
      await dialog.getByTestId('decide-choice-renew').check();
      await expect(dialog.getByTestId('decide-reason-required').getAttribute('data-required')).resolves.toBe('true');
      await dialog.getByTestId('decide-choice-drop').check();
      await dialog.getByTestId('decide-submit').click();
      await expect(dialog.getByTestId('decide-error-reason').innerText()).resolves.toMatch(/alasan/i);
      const stillDue = await apiGet<Detail>(page, url, 'contracts.get', { id: weak.id });
      expect(stillDue.state).toBe('evaluationDue');
      await dialog.getByTestId('decide-reason').fill('Target iuran dan kunjungan tidak tercapai selama setahun.');
      await expect(dialog.getByTestId('decide-error-reason').count()).resolves.toBe(0);
      await dialog.getByTestId('decide-submit').click();
      await saved.waitFor();
      await page.waitForSelector(`[data-testid="decide-saved"][data-decision="drop"]`);
      await page.waitForSelector(`[data-testid="renewal-row-${weak.id}"][data-state="decided"]`);

      // the cadre page shows the decision, its reason and the entry in the history
      await page.getByTestId(`renewal-link-${weak.id}`).click();
      await page.getByTestId('cadre').waitFor();
      await expect(page.getByTestId('cadre-state').getAttribute('data-state')).resolves.toBe('decided');
      await expect(page.getByTestId('cadre-decision').getAttribute('data-decision')).resolves.toBe('drop');
      await expect(page.getByTestId('cadre-decision').innerText()).resolves.toMatch(/Tidak diperpanjang/);
      const entry = page.getByTestId('cadre-history').locator('[data-type="DECIDE_RENEWAL"]');
      await expect(entry.innerText()).resolves.toMatch(/Target iuran dan kunjungan tidak tercapai/);
      await expect(entry.innerText()).resolves.toMatch(/oleh penyelia\.madiun/);

      const decided = await apiGet<Detail & { context: { decision: { decision: string; recommendation: string } } }>(
        page,
        url,
        'contracts.get',
        { id: strong.id },
      );
      expect(decided.context.decision).toMatchObject({ decision: 'renew', recommendation: 'renew' });
    });
  });

  it('gives the viewer the pages without the actions', async () => {
    await withPage('renewal-viewer', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.viewer);
      await openQueue(page);
      await expect(page.locator('[data-testid^="renewal-decide-"]').count()).resolves.toBe(0);
      const first = page.locator('[data-testid^="renewal-link-"]').first();
      await first.click();
      await page.getByTestId('cadre').waitFor();
      await page.getByTestId('read-only').waitFor();
      await expect(page.getByTestId('month-add').count()).resolves.toBe(0);
      await expect(page.getByTestId('import-panel').count()).resolves.toBe(0);
      await expect(page.getByTestId('contract-action-decide').count()).resolves.toBe(0);
      await expect(page.getByTestId('cadre-nik').getAttribute('data-masked')).resolves.toBe('true');
      await expect(page.getByTestId('nav-quota').count()).resolves.toBe(0);
    });
  });
});
