import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PER_ACCOUNT, reserveLoginAttempt, WINDOW_MS } from '../src/auth/loginLimits';
import { NO_COOKIES, type Context } from '../src/context';
import { createCaller, DEMO_PASSWORD } from '../src/index';
import { seededDatabase } from './helpers';

describe('sign-in limits over time', () => {
  let db: ReturnType<typeof seededDatabase>;
  beforeEach(async () => {
    db = seededDatabase();
  });
  afterEach(() => db.cleanup());

  const t0 = new Date('2026-11-23T01:00:00Z');
  const rows = () =>
    db.handle.sqlite.prepare('select key, at from login_failures order by id').all() as { key: string; at: string }[];

  it('counts an attempt before its password is checked, and forgives it on success', async () => {
    let clock = t0;
    const ctx: Context = {
      handle: db.handle,
      now: () => clock,
      principal: null,
      sessionTokenHash: null,
      mustChangePassword: false,
      clientAddress: '10.0.0.9',
      cookies: NO_COOKIES,
    };
    const anon = createCaller(ctx);
    // The reservation is the two failure rows, written at once (before any hash is computed).
    expect(reserveLoginAttempt(db.handle.db, 'Penyelia.Madiun', '10.0.0.9', t0)).not.toBeNull();
    expect(rows().map((r) => r.key)).toEqual(['account:penyelia.madiun', 'address:10.0.0.9']);
    // A success forgives the account's failures and takes back its own address row.
    await anon.auth.login({ username: 'Penyelia.Madiun', password: DEMO_PASSWORD });
    expect(rows().map((r) => r.key)).toEqual(['address:10.0.0.9']);
    db.handle.sqlite.prepare('delete from login_failures').run();

    for (let i = 0; i < MAX_PER_ACCOUNT; i++) {
      await expect(anon.auth.login({ username: 'penyelia.madiun', password: `salah-${i}` })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    await expect(anon.auth.login({ username: 'penyelia.madiun', password: DEMO_PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.',
      cause: { reason: { reason: 'LOGIN_TOO_MANY', params: { minutes: 15 } } },
    });
    // A refused attempt is not counted: still five.
    expect(rows().filter((r) => r.key === 'account:penyelia.madiun')).toHaveLength(MAX_PER_ACCOUNT);

    // Once the window has passed, the old failures are deleted and the right password works.
    clock = new Date(t0.getTime() + WINDOW_MS + 1000);
    const ok = await anon.auth.login({ username: 'penyelia.madiun', password: DEMO_PASSWORD });
    expect(ok.user.username).toBe('penyelia.madiun');
    expect(rows()).toEqual([]);
  });

  it('refuses without recording once the address has 20 failures in the window', () => {
    for (let i = 0; i < 20; i++) expect(reserveLoginAttempt(db.handle.db, `akun-${i}`, '10.0.0.7', t0)).not.toBeNull();
    expect(reserveLoginAttempt(db.handle.db, 'akun-baru', '10.0.0.7', t0)).toBeNull();
    expect(rows().filter((r) => r.key === 'account:akun-baru')).toEqual([]);
    expect(reserveLoginAttempt(db.handle.db, 'akun-baru', '10.0.0.8', t0)).not.toBeNull();
  });
});
