import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, DEMO_PASSWORD, DEMO_USERS, screenshot, setupKader, signIn, submitLogin } from './harness';

/**
 * Sign-in, sign-out, roles: the real admin UI in Chromium against the real demo server (its seed
 * creates the demo users, every one with the password `kader-demo-2026`).
 */

const kader = setupKader();

type Me = { user: { username: string; name: string; role: string; branch: { name: string } | null } };

const { withPage } = kader;

async function openUserMenu(page: Page): Promise<void> {
  const menu = page.getByTestId('user-menu');
  if ((await menu.getAttribute('open')) === null) await page.getByTestId('user-menu-button').click();
  await page.getByTestId('logout').waitFor();
}

describe('signing in and out', () => {
  it('refuses a wrong password with the generic message, and stays on the sign-in page', async () => {
    await withPage('auth-wrong-password', async (page) => {
      const url = kader.server.url;
      await page.goto(url);
      // no session: the board sends the browser to the sign-in page
      await page.waitForURL(/\/masuk(\?|$)/);
      await page.getByTestId('demo-banner').waitFor();

      await submitLogin(page, DEMO_USERS.recruiter, 'bukan-kata-sandinya');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      // never says which of the two was wrong
      await expect(error.innerText()).resolves.toMatch(/Nama pengguna atau kata sandi salah/);
      expect(new URL(page.url()).pathname).toBe('/masuk');
      await expect(page.getByTestId('login-password').inputValue()).resolves.toBe('');

      // an unknown user gets the very same answer
      await submitLogin(page, 'tidak.ada', DEMO_PASSWORD);
      await page.waitForSelector('[data-testid="login-submit"]:not([disabled])');
      await expect(error.innerText()).resolves.toMatch(/Nama pengguna atau kata sandi salah/);
    });
  });

  it('signs the recruiter in to the board, shows who they are, signs out for good', async () => {
    await withPage('auth-recruiter-signed-out', async (page) => {
      const url = kader.server.url;
      await signIn(page, url, DEMO_USERS.recruiter);

      // the board, their name, role and branch
      await page.getByTestId('board-column-registered').waitFor();
      const me = await apiGet<Me>(page, url, 'auth.me');
      expect(me.user.username).toBe(DEMO_USERS.recruiter);
      await expect(page.getByTestId('user-name').innerText()).resolves.toBe(me.user.name);
      await expect(page.getByTestId('user-role').getAttribute('data-role')).resolves.toBe('recruiter');
      await expect(page.getByTestId('user-role').innerText()).resolves.toMatch(/Rekruter · KC Madiun/);
      await page.getByTestId('demo-banner').waitFor();
      // a recruiter registers; only admins manage users
      await expect(page.getByTestId('register-button').count()).resolves.toBe(1);
      await expect(page.getByTestId('nav-users').count()).resolves.toBe(0);
      // the period defaults to the newest of their own branch
      const period = page.getByTestId('period-select');
      await expect(period.locator('option:checked').innerText()).resolves.toMatch(/KC Madiun/);
      await screenshot(page, 'auth-recruiter-board');

      // the sign-in page while signed in goes straight on (here: to the page it names)
      await page.goto(`${url}/masuk?redirect=${encodeURIComponent('/daftar')}`);
      await page.waitForURL(/\/daftar$/);
      await page.getByTestId('field-workAreaId').waitFor();
      // a page the role may not open sends it to the board
      await page.goto(`${url}/pengguna`);
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByTestId('board-column-registered').waitFor();

      // sign out: back at the sign-in page …
      await openUserMenu(page);
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/masuk(\?|$)/);
      await page.getByTestId('login-form').waitFor();

      // … and the session is gone: the board sends us to the sign-in page again
      await page.goto(url);
      await page.waitForURL(/\/masuk(\?|$)/);
      await page.getByTestId('login-form').waitFor();
      const res = await page.request.get(`${url}/trpc/auth.me`, { headers: { 'x-kader-request': '1' } });
      expect(res.status()).toBe(401);
    });
  });

  it('brings the admin back to the page they opened, and lists the demo users', async () => {
    await withPage('auth-admin-users', async (page) => {
      const url = kader.server.url;
      // opened without a session: remembered, and reached after signing in
      await signIn(page, url, DEMO_USERS.admin, { path: '/pengguna' });
      await page.waitForURL(/\/pengguna$/);
      await expect(page.getByTestId('user-role').innerText()).resolves.toMatch(/Kantor Pusat/);
      await expect(page.getByTestId('nav-users').count()).resolves.toBe(1);

      await page.getByTestId('users-table').waitFor();
      for (const username of Object.values(DEMO_USERS)) {
        const row = page.getByTestId(`user-row-${username}`);
        await row.waitFor({ timeout: 15_000 });
        await expect(row.getAttribute('data-disabled')).resolves.toBe('false');
      }
      await expect(page.getByTestId(`user-row-${DEMO_USERS.supervisor}`).getAttribute('data-role')).resolves.toBe('supervisor');
      await expect(
        page.getByTestId(`user-row-${DEMO_USERS.recruiterMakassar}`).getByTestId('user-row-branch').innerText(),
      ).resolves.toBe('KC Makassar');

      await screenshot(page, 'auth-users-page');

      // read-only on selection: no register button on the board
      await page.getByTestId('nav-board').click();
      await page.getByTestId('board-column-registered').waitFor();
      await expect(page.getByTestId('register-button').count()).resolves.toBe(0);
    });
  });
});

describe('what each role is offered', () => {
  /** The first card of the board's first non-empty stage: an application of the user's branch. */
  async function openFirstApplication(page: Page): Promise<void> {
    const card = page.locator('[data-testid^="card-"]').first();
    await card.waitFor({ timeout: 15_000 });
    await card.click();
    await page.waitForURL(/\/lamaran\/\d+$/);
    await page.getByTestId('state-badge').waitFor();
  }

  it('a viewer reads, with masked NIK and phone, and is offered no action', async () => {
    await withPage('auth-viewer-application', async (page) => {
      await signIn(page, kader.server.url, DEMO_USERS.viewer);
      await expect(page.getByTestId('register-button').count()).resolves.toBe(0);
      await openFirstApplication(page);
      await page.getByTestId('read-only').waitFor();
      await expect(page.locator('[data-testid^="action-"]').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid^="doc-verify-"]').count()).resolves.toBe(0);
      await expect(page.getByTestId('candidate-edit').count()).resolves.toBe(0);
      await expect(page.getByTestId('candidate-nik').getAttribute('data-masked')).resolves.toBe('true');
      await expect(page.getByTestId('candidate-nik').innerText()).resolves.toMatch(/•/);
      await expect(page.getByTestId('pii-masked').first().isVisible()).resolves.toBe(true);
      // a viewer may not ask for the full NIK
      await expect(page.getByTestId('candidate-nik-reveal').count()).resolves.toBe(0);
    });
  });

  it('a supervisor is offered "Ubah data calon", and sees the data in full', async () => {
    await withPage('auth-supervisor-application', async (page) => {
      await signIn(page, kader.server.url, DEMO_USERS.supervisor);
      await openFirstApplication(page);
      // the NIK shows masked; opening the correction form reveals it (the form corrects it too)
      await expect(page.getByTestId('candidate-nik').getAttribute('data-masked')).resolves.toBe('true');
      await page.getByTestId('candidate-edit').click();
      await page.getByTestId('candidate-edit-form').waitFor();
      await expect(page.getByTestId('candidate-nik').innerText()).resolves.toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      await expect(page.getByTestId('candidate-edit-nik').inputValue()).resolves.toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      // the reason is required
      await page.getByTestId('candidate-edit-submit').click();
      await page.getByTestId('candidate-edit-error-reason').waitFor();
      await screenshot(page, 'auth-supervisor-edit-form');

      // a corrected address, with the reason, is saved and the page shows it
      await page.getByTestId('candidate-edit-address.street').fill('Jl. Diponegoro No. 7');
      await page.getByTestId('candidate-edit-reason').fill('Alamat salah ketik saat pendaftaran');
      await page.getByTestId('candidate-edit-submit').click();
      await page.getByTestId('candidate-saved').waitFor();
      await expect(page.getByTestId('candidate-address').innerText()).resolves.toContain('Jl. Diponegoro No. 7');
    });
  });

  it('a supervisor reopens a rejected application, with a reason', async () => {
    await withPage('auth-supervisor-reopen', async (page) => {
      await signIn(page, kader.server.url, DEMO_USERS.supervisor);
      await page.getByTestId('column-toggle-rejected').click();
      const card = page.getByTestId('board-column-rejected').locator('[data-testid^="card-"]').first();
      await card.click();
      await page.waitForSelector('[data-testid="state-badge"][data-state="rejected"]');
      await page.getByTestId('action-REOPEN').click();
      const form = page.getByTestId('event-form-REOPEN');
      await form.getByTestId('event-field-reason').fill('Keputusan dibatalkan setelah banding');
      await form.getByTestId('event-submit').click();
      await page.waitForSelector('[data-testid="state-badge"]:not([data-state="rejected"])', { timeout: 15_000 });
      const entry = page.locator('[data-testid^="history-"][data-type="REOPEN"]');
      await expect(entry.innerText()).resolves.toContain(DEMO_USERS.supervisor);
    });
  });
});

describe('an admin manages users', () => {
  const username = 'rekruter.ngawi';
  const temporary = 'sementara-2026';
  const chosen = 'pilihan-sendiri-2026';

  it('adds a user, who must change the password first, and disabling ends their session', async () => {
    const admin = await kader.newPage();
    const user = await kader.newPage();
    const url = kader.server.url;
    try {
      await signIn(admin.page, url, DEMO_USERS.admin, { path: '/pengguna' });
      const a = admin.page;
      await a.getByTestId('users-table').waitFor();

      // a name already taken: the server's answer under the field
      await a.getByTestId('user-create-username').fill(DEMO_USERS.recruiter);
      await a.getByTestId('user-create-name').fill('Tri Wahyudi');
      await a.getByTestId('user-create-role').selectOption('recruiter');
      // a recruiter needs a branch: the client says so first
      await a.getByTestId('user-create-password').fill(temporary);
      await a.getByTestId('user-create-submit').click();
      await a.getByTestId('user-create-error-branchId').waitFor();
      await a.getByTestId('user-create-branch').selectOption({ label: 'KC Madiun' });
      await a.getByTestId('user-create-submit').click();
      await a.getByTestId('user-create-error-username').waitFor();

      await a.getByTestId('user-create-username').fill(username);
      await a.getByTestId('user-create-submit').click();
      await a.getByTestId(`user-row-${username}`).waitFor();
      await expect(a.getByTestId('users-notice').innerText()).resolves.toContain(username);
      await expect(a.getByTestId(`user-row-${username}`).getByTestId('user-row-branch').innerText()).resolves.toBe('KC Madiun');

      // the new user signs in and is sent to change the password before anything else
      const u = user.page;
      await u.goto(`${url}/lamaran/1`);
      await u.waitForURL(/\/masuk\?/);
      await u.getByTestId('login-username').fill(username);
      await u.getByTestId('login-password').fill(temporary);
      await u.getByTestId('login-submit').click();
      await u.waitForURL(/\/kata-sandi/);
      await u.getByTestId('password-required').waitFor();
      // the board is not reachable yet
      await u.goto(url);
      await u.waitForURL(/\/kata-sandi/);
      await u.getByTestId('password-currentPassword').fill(temporary);
      await u.getByTestId('password-newPassword').fill(chosen);
      await u.getByTestId('password-confirm').fill(chosen);
      await u.getByTestId('password-submit').click();
      await u.getByTestId('board-column-registered').waitFor({ timeout: 15_000 });
      await expect(u.getByTestId('user-name').innerText()).resolves.toBe('Tri Wahyudi');

      // the admin disables them: their next request finds the session gone
      await a.getByTestId(`user-disable-${username}`).click();
      await a.waitForSelector(`[data-testid="user-row-${username}"][data-disabled="true"]`);
      await u.getByTestId('filter-search').fill('Siti');
      await u.waitForURL(/\/masuk\?redirect=/, { timeout: 15_000 });
      await screenshot(u, 'auth-disabled-user-signed-out');
      await u.getByTestId('login-username').fill(username);
      await u.getByTestId('login-password').fill(chosen);
      await u.getByTestId('login-submit').click();
      await expect(u.getByTestId('login-error').innerText()).resolves.toMatch(/Nama pengguna atau kata sandi salah/);

      // enabled again, and an admin-set temporary password must be changed again
      await a.getByTestId(`user-disable-${username}`).click();
      await a.waitForSelector(`[data-testid="user-row-${username}"][data-disabled="false"]`);
      await a.getByTestId(`user-reset-${username}`).click();
      await a.getByTestId('user-reset-form-password').fill('pendek');
      await a.getByTestId('user-reset-form-submit').click();
      await a.getByTestId('user-reset-form-error-newPassword').waitFor();
      await a.getByTestId('user-reset-form-password').fill(temporary);
      await a.getByTestId('user-reset-form-submit').click();
      await a.waitForSelector(`[data-testid="user-row-${username}"] >> text=harus ganti kata sandi`);
      await screenshot(a, 'auth-users-after-changes');

      await u.getByTestId('login-password').fill(temporary);
      await u.getByTestId('login-submit').click();
      await u.waitForURL(/\/kata-sandi/);
      expect(admin.pageErrors).toEqual([]);
      expect(user.pageErrors).toEqual([]);
    } catch (err) {
      await screenshot(admin.page, 'auth-admin-manages-failure-admin');
      await screenshot(user.page, 'auth-admin-manages-failure-user');
      throw new Error(`${(err as Error).message}\n--- server output (last 4000 chars) ---\n${kader.serverTail()}`, {
        cause: err,
      });
    } finally {
      await admin.close();
      await user.close();
    }
  });
});
