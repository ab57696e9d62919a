import { describe, expect, it } from 'vitest';
import { readDatabase } from './database';
import { apiGet, DEMO_USERS, fillCandidateForm, openNav, screenshot, setupKader, signIn } from './harness';
import {
  type ListedPeriod,
  openCampaign,
  saveAreaQuotas,
  setRegistrationWindow,
  submitAreaQuotas,
  todayIn,
} from './steps/campaign';

/**
 * A period as a campaign on the quota page (`/kuota`, "Jadwal & wilayah"): head office sets the
 * registration dates (the register form then says the period is closed, naming them) and extends
 * them; the channels it was announced on; the quota split by work area (over the total refused
 * naming both numbers), with the places each area has taken; a registration records where the
 * candidate heard of it; a branch supervisor plans their own period but not its dates.
 */

const kader = setupKader();
const { withPage } = kader;

function dayBefore(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

describe('a recruitment period as a campaign', () => {
  it('head office opens a period with dates and area quotas; registration follows the dates and records the channel', async () => {
    const url = kader.server.url;
    let period!: ListedPeriod;

    await withPage('campaign-admin', async (page) => {
      await signIn(page, url, DEMO_USERS.admin);
      await openNav(page, 'nav-quota', /\/kuota$/, 'quota-table');
      const today = todayIn('Asia/Jakarta');
      const periods = await apiGet<ListedPeriod[]>(page, url, 'periods.list');
      period = periods.find((p) => p.branch.code === 'KC-MDN' && p.year === Number(today.slice(0, 4)))!;
      // a period opened by the demo takes registrations from 1 July of the year before
      expect(period.registrationOpensOn).toBe(`${period.year - 1}-07-01`);

      const panel = await openCampaign(page, period.id);

      // dates: closed since yesterday
      await setRegistrationWindow(panel, { opensOn: `${period.year}-01-01`, closesOn: dayBefore(today) });

      // channels
      const channels = panel.getByTestId('campaign-channels-form');
      await channels.getByTestId('campaign-channel-BANNER').check();
      await channels.getByTestId('campaign-channel-KELURAHAN_OFFICE').check();
      await channels.getByTestId('campaign-channels-submit').click();
      await channels.getByTestId('campaign-channels-saved').waitFor();

      // the split: over the total is refused in the form, naming both numbers
      const areas = panel.getByTestId('campaign-areas-form');
      const [first, second] = period.areaQuotas;
      await submitAreaQuotas(panel, { [first!.workAreaId]: period.quota, [second!.workAreaId]: 1 });
      await expect(areas.getByTestId('campaign-error-areas').innerText()).resolves.toBe(
        `Jumlah kuota wilayah kerja (${period.quota + 1}) melebihi kuota kantor cabang (${period.quota}).`,
      );
      // a split that fits: the first area its places taken plus one, the second one place
      await saveAreaQuotas(panel, { [first!.workAreaId]: first!.taken + 1 });
      await expect(areas.getByTestId(`campaign-area-taken-${first!.workAreaId}`).innerText()).resolves.toBe(String(first!.taken));
      await screenshot(page, 'campaign-admin');

      const saved = (await apiGet<ListedPeriod[]>(page, url, 'periods.list')).find((p) => p.id === period.id)!;
      expect(saved).toMatchObject({
        registrationClosesOn: dayBefore(today),
        channels: ['BANNER', 'KELURAHAN_OFFICE'],
      });
      expect(saved.areaQuotas.map((a) => a.quota).slice(0, 2)).toEqual([first!.taken + 1, 1]);
      period = saved;
    });

    // the recruiter's register form says the period has closed, naming its dates
    await withPage('campaign-register-closed', async (page) => {
      await signIn(page, url, DEMO_USERS.recruiter, { path: '/daftar' });
      await page.getByTestId('field-periodId').selectOption(String(period.id));
      const notice = page.getByTestId('register-window');
      await expect(notice.getAttribute('data-open')).resolves.toBe('false');
      await expect(notice.innerText()).resolves.toMatch(/sudah ditutup: dibuka 1 Januari \d{4} sampai/);
    });

    // head office extends the period to the end of its year
    await withPage('campaign-extend', async (page) => {
      await signIn(page, url, DEMO_USERS.admin, { path: '/kuota' });
      await setRegistrationWindow(await openCampaign(page, period.id), { closesOn: `${period.year}-12-31` });
    });

    // now open: a registration records where the candidate heard of it
    await withPage('campaign-register-open', async (page) => {
      await signIn(page, url, DEMO_USERS.recruiter, { path: '/daftar' });
      await page.getByTestId('field-periodId').selectOption(String(period.id));
      await expect(page.getByTestId('register-window').getAttribute('data-open')).resolves.toBe('true');
      const heard = page.getByTestId('field-heardFrom');
      await expect(heard.locator('option[value="BILLBOARD"]').innerText()).resolves.toBe('Baliho');
      await heard.selectOption('BILLBOARD');
      await page.getByTestId('field-workAreaId').selectOption(String(period.areaQuotas[1]!.workAreaId));
      await page.getByTestId('field-candidate.nik').fill('3577015203910004');
      await fillCandidateForm(page, 'Siti Kampanye');
      await page.getByTestId('submit').click();
      await page.waitForURL(/\/lamaran\/\d+$/);
    });
    // what the form sent is data on the application
    const file = readDatabase(kader.server.dbPath);
    try {
      expect(
        file
          .prepare(
            "select a.heard_from h from applications a join candidates c on c.id = a.candidate_id where c.nik = '3577015203910004'",
          )
          .get(),
      ).toEqual({ h: 'BILLBOARD' });
    } finally {
      file.close();
    }

    // a branch supervisor plans their own period (channels, split) but its dates are head office's
    await withPage('campaign-supervisor', async (page) => {
      await signIn(page, url, DEMO_USERS.supervisor);
      await openNav(page, 'nav-quota', /\/kuota$/, 'quota-table');
      await expect(page.getByTestId('quota-form').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid^="quota-row-KC-MKS"]').count()).resolves.toBe(0);
      const panel = await openCampaign(page, period.id);
      await expect(page.getByTestId('campaign-window-form').count()).resolves.toBe(0);
      await expect(page.getByTestId('campaign-window-shown').innerText()).resolves.toMatch(/^1 Jan \d{4} – 31 Des \d{4}$/);
      await saveAreaQuotas(panel, { [period.areaQuotas[1]!.workAreaId]: '' });
      await screenshot(page, 'campaign-supervisor');
    });
  });
});
