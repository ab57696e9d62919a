import type { Locator, Page } from 'playwright-core';

/**
 * Steps on the quota page (`/kuota`) that several browser tests take: a period's "Jadwal & wilayah"
 * panel, its registration window and its quota per work area. Each waits for what the page shows
 * once the step is done; what it should show is the test's to assert.
 */

/** Opens a period's panel from its row of the quota table. */
export async function openCampaign(page: Page, periodId: number): Promise<Locator> {
  await page.getByTestId(`campaign-open-${periodId}`).click();
  const panel = page.locator(`[data-testid="campaign-panel"][data-period-id="${periodId}"]`);
  await panel.waitFor();
  return panel;
}

/** Head office types the dates given (the other keeps what it shows) and waits for the window saved. */
export async function setRegistrationWindow(panel: Locator, dates: { opensOn?: string; closesOn?: string }): Promise<void> {
  const form = panel.getByTestId('campaign-window-form');
  if (dates.opensOn !== undefined) await form.getByTestId('campaign-opensOn').fill(dates.opensOn);
  if (dates.closesOn !== undefined) await form.getByTestId('campaign-closesOn').fill(dates.closesOn);
  await form.getByTestId('campaign-window-submit').click();
  await form.getByTestId('campaign-window-saved').waitFor();
}

/** Places per work area id as typed ('' clears an area's own places). */
export type AreaPlaces = Record<number, number | ''>;

/** Types each area's places into the split and sends it; what follows (saved or refused) is the caller's. */
export async function submitAreaQuotas(panel: Locator, places: AreaPlaces): Promise<void> {
  const form = panel.getByTestId('campaign-areas-form');
  for (const [workAreaId, quota] of Object.entries(places)) {
    await form.getByTestId(`campaign-area-quota-${workAreaId}`).fill(String(quota));
  }
  await form.getByTestId('campaign-areas-submit').click();
}

/**
 * Sends the split and waits until it is saved and each area's row shows its new places (the rows
 * are drawn from the periods read again after the save, not from what was typed).
 */
export async function saveAreaQuotas(panel: Locator, places: AreaPlaces): Promise<void> {
  await submitAreaQuotas(panel, places);
  await panel.getByTestId('campaign-areas-saved').waitFor();
  for (const [workAreaId, quota] of Object.entries(places)) {
    await panel.locator(`[data-testid="campaign-area-${workAreaId}"][data-quota="${quota}"]`).waitFor();
  }
}

/** A `periods.list` entry, as far as the browser tests read it. */
export type ListedPeriod = {
  id: number;
  year: number;
  quota: number;
  quotaUsed: number;
  revision: number;
  registrationOpensOn: string | null;
  registrationClosesOn: string | null;
  channels: string[];
  branch: { id: number; code: string; timeZone: string };
  workAreas: { id: number; name: string }[];
  areaQuotas: { workAreaId: number; name: string; quota: number | null; taken: number }[];
};

/** Today's date (YYYY-MM-DD) in a branch's zone: the day the server checks registrations against. */
export function todayIn(timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * Head office's "Tetapkan kuota" form: a branch's places for a year, which opens the branch's period
 * of that year when it has none; waits for it saved.
 */
export async function setQuota(page: Page, branch: string, year: number, quota: number): Promise<void> {
  const form = page.getByTestId('quota-form');
  await form.getByTestId('quota-form-branch').selectOption({ label: branch });
  await form.getByTestId('quota-form-year').fill(String(year));
  await form.getByTestId('quota-form-quota').fill(String(quota));
  await form.getByTestId('quota-form-submit').click();
  await form.getByTestId('quota-saved').waitFor();
}
