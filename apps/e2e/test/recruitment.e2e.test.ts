import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, DEMO_USERS, fillCandidateForm, screenshot, setupKader, signIn } from './harness';

/**
 * One candidate through the whole recruitment, by the demo recruiter of KC Madiun signed in to the
 * real admin UI in Chromium against the real server (`node dist/cli.js demo`) on a fresh database.
 */

// 35 77 01 | 52 08 90 | 8821: Kota Malang; a woman (day 12 + 40) born 12 August 1990; serial 8821.
const NIK = '3577015208908821';
const NAME = 'Ayu Kartika Sari';

const kader = setupKader();

type Period = { id: number; branch: { timeZone: string } };
type Detail = { context: { rules: { documents: { code: string; required: boolean }[] } }; period: Period };

function todayIn(timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function expectState(page: Page, state: string): Promise<void> {
  const badge = page.getByTestId('state-badge');
  try {
    await page.waitForSelector(`[data-testid="state-badge"][data-state="${state}"]`, { timeout: 15_000 });
  } catch {
    const shown = await badge.getAttribute('data-state').catch(() => null);
    const errors = await page.getByTestId('error-message').allInnerTexts();
    throw new Error(
      `expected the state badge to show "${state}", it shows "${shown}"; errors on the page: ${JSON.stringify(errors)}`,
    );
  }
  expect(await badge.getAttribute('data-state')).toBe(state);
  expect((await badge.innerText()).trim().length).toBeGreaterThan(0);
}

/** Opens an action's form, fills it, sends it. */
async function act(page: Page, type: string, fields: Record<string, string> = {}): Promise<void> {
  await page.getByTestId(`action-${type}`).click();
  const form = page.getByTestId(`event-form-${type}`);
  await form.waitFor();
  for (const [name, value] of Object.entries(fields)) {
    const field = form.getByTestId(`event-field-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByTestId('event-submit').click();
}

describe('recruitment through the admin UI', () => {
  it('registers a candidate and takes them from registered to active', async () => {
    const { page, pageErrors, close } = await kader.newPage();
    const url = kader.server.url;

    try {
      // Signed in as the branch's recruiter: the board, then the registration form.
      await signIn(page, url, DEMO_USERS.recruiter);
      await page.getByTestId('register-button').click();
      await page.waitForURL('**/daftar');

      const workArea = page.getByTestId('field-workAreaId');
      await workArea.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
      const workAreaId = await workArea.locator('option:not([value=""])').first().getAttribute('value');
      await workArea.selectOption(workAreaId!);

      await page.getByTestId('field-candidate.nik').fill(NIK);
      // The NIK is read as the person types: a woman born 12 August 1990.
      await expect(page.getByTestId('nik-decoded').innerText()).resolves.toMatch(/1990/);
      await fillCandidateForm(page, NAME);
      await page.getByTestId('submit').click();

      await page.waitForURL(/\/lamaran\/\d+$/);
      const applicationId = Number(/\/lamaran\/(\d+)$/.exec(page.url())![1]);
      await expect(page.getByTestId('candidate-name').innerText()).resolves.toBe(NAME);
      await expectState(page, 'registered');

      // The NIK shows masked until the recruiter asks for it: "Tampilkan NIK" (logged by the
      // server) shows it whole with the birth date and sex it encodes, until the page is left.
      const nikShown = page.getByTestId('candidate-nik');
      await expect(nikShown.getAttribute('data-masked')).resolves.toBe('true');
      await expect(nikShown.innerText()).resolves.toBe(`${NIK.slice(0, 4)} •••• •••• ${NIK.slice(12)}`);
      await expect(page.getByTestId('candidate-birth-date').count()).resolves.toBe(0);
      await page.getByTestId('candidate-nik-reveal').click();
      await page.waitForSelector('[data-testid="candidate-nik"][data-masked="false"]');
      await expect(nikShown.innerText()).resolves.toBe('3577 0152 0890 8821');
      await expect(page.getByTestId('candidate-birth-date').innerText()).resolves.toMatch(/1990/);
      await expect(page.getByTestId('candidate-sex').innerText()).resolves.toBe('perempuan');
      await expect(page.getByTestId('candidate-nik-reveal').count()).resolves.toBe(0);

      const detail = await apiGet<Detail>(page, url, 'applications.get', { id: applicationId });
      const today = todayIn(detail.period.branch.timeZone);

      // Administrative check: every required document verified.
      await act(page, 'BEGIN_ADMIN_CHECK');
      await expectState(page, 'administrativeCheck');
      const required = detail.context.rules.documents.filter((d) => d.required).map((d) => d.code);
      expect(required.length).toBeGreaterThan(0);
      // Issue 8: completing is not offered while documents are missing, and the page says which, by label.
      await expect(page.getByTestId('action-COMPLETE_ADMIN_CHECK').isDisabled()).resolves.toBe(true);
      await expect(page.getByTestId('complete-blocked').innerText()).resolves.toContain('Pas foto');
      for (const code of required) {
        await page.getByTestId(`doc-verify-${code}`).click();
        await page.waitForSelector(`[data-testid="doc-${code}"][data-verified="true"]`, { timeout: 15_000 });
      }
      await act(page, 'COMPLETE_ADMIN_CHECK');
      await expectState(page, 'writtenTest');

      await act(page, 'RECORD_WRITTEN_TEST_SCORE', { score: '78.5' });
      await expectState(page, 'interview');

      await act(page, 'RECORD_INTERVIEW_SCORE', { score: '82' });
      await expectState(page, 'agreementSigning');

      await act(page, 'SIGN_AGREEMENT', {
        agreementNumber: `PKS/E2E/${applicationId}/${today.slice(0, 4)}`,
        signedOn: today,
        startDate: today,
      });
      await expectState(page, 'debriefing');

      await act(page, 'COMPLETE_DEBRIEFING', { debriefedOn: today });
      await expectState(page, 'active');

      // Every step is in the history, in order. The timeline is its own query, read again after
      // each send: wait for the last step to arrive.
      await page.locator('[data-testid^="history-"][data-type="COMPLETE_DEBRIEFING"]').waitFor();
      const types = await page
        .locator('[data-testid^="history-"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
      for (const t of [
        'BEGIN_ADMIN_CHECK',
        'COMPLETE_ADMIN_CHECK',
        'RECORD_WRITTEN_TEST_SCORE',
        'RECORD_INTERVIEW_SCORE',
        'SIGN_AGREEMENT',
        'COMPLETE_DEBRIEFING',
      ]) {
        expect(types).toContain(t);
      }

      // and each step names who took it
      await expect(page.getByTestId('history').innerText()).resolves.toContain(DEMO_USERS.recruiter);

      await screenshot(page, 'recruitment-active');
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshot(page, 'recruitment-failure');
      throw new Error(`${(err as Error).message}\n--- server output (last 4000 chars) ---\n${kader.serverTail()}`, {
        cause: err,
      });
    } finally {
      await close();
    }
  });
});
