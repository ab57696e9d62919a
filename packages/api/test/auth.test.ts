import { findUserByUsername } from '@kader/db';
import type { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/auth/password';
import { principalOf } from '../src/auth/principal';
import { ABSOLUTE_MS, finishSession, IDLE_MS, resumeSession, startSession } from '../src/auth/sessions';
import { NO_COOKIES, type Context } from '../src/context';
import { toClientError } from '../src/errors';
import { createCaller, DEMO_PASSWORD } from '../src/index';
import { seededDatabase } from './helpers';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('kata-sandi-rahasia', CHEAP);
    const b = await hashPassword('kata-sandi-rahasia', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('rahasia');
    expect(await verifyPassword('kata-sandi-rahasia', a)).toBe(true);
    expect(await verifyPassword('kata-sandi-Rahasia', a)).toBe(false);
    expect(await verifyPassword('kata-sandi-rahasia', 'bcrypt$whatever')).toBe(false);
  });

  it('uses a memory-hard default (scrypt N=2^15, r=8)', async () => {
    expect(await hashPassword('x'.repeat(12))).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});

describe('sessions', () => {
  let db: ReturnType<typeof seededDatabase>;
  let userId: number;
  beforeEach(async () => {
    db = seededDatabase();
    userId = findUserByUsername(db.handle.db, 'rekruter.madiun')!.id;
  });
  afterEach(() => db.cleanup());

  const t0 = new Date('2026-11-23T01:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('resumes with the token, not with anything else, and stores only a hash', () => {
    const { token } = startSession(db.handle.db, userId, t0);
    expect(resumeSession(db.handle.db, token, at(1000))?.user.username).toBe('rekruter.madiun');
    expect(resumeSession(db.handle.db, `${token}x`, at(1000))).toBeNull();
    expect(JSON.stringify(db.handle.sqlite.prepare('select * from sessions').all())).not.toContain(token);
  });

  it('ends after 2 idle hours, is kept alive by use, and ends 12 hours after sign-in regardless', () => {
    const { token } = startSession(db.handle.db, userId, t0);
    expect(resumeSession(db.handle.db, token, at(IDLE_MS + 1000))).toBeNull();

    const kept = startSession(db.handle.db, userId, t0).token;
    // Used every 90 minutes: never idle for 2 hours...
    for (let m = 90; m < 12 * 60; m += 90) expect(resumeSession(db.handle.db, kept, at(m * 60_000)), `${m} min`).not.toBeNull();
    // ...but the office day is over.
    expect(resumeSession(db.handle.db, kept, at(ABSOLUTE_MS + 1000))).toBeNull();
  });

  it('ends at sign-out and when the user is disabled', async () => {
    const a = startSession(db.handle.db, userId, t0);
    const tokenHash = resumeSession(db.handle.db, a.token, at(1))!.tokenHash;
    finishSession(db.handle.db, tokenHash, at(2));
    expect(resumeSession(db.handle.db, a.token, at(3))).toBeNull();

    const b = startSession(db.handle.db, userId, t0);
    const admin = findUserByUsername(db.handle.db, 'admin.pusat')!;
    const ctx: Context = {
      handle: db.handle,
      now: () => at(10),
      principal: principalOf(admin),
      sessionTokenHash: null,
      mustChangePassword: false,
      clientAddress: 'test',
      cookies: NO_COOKIES,
    };
    await createCaller(ctx).users.setDisabled({ id: userId, disabled: true });
    expect(resumeSession(db.handle.db, b.token, at(11))).toBeNull();
    // Disabled users cannot sign in again either, and hear the same generic answer.
    const anon = createCaller({ ...ctx, principal: null });
    await expect(anon.auth.login({ username: 'rekruter.madiun', password: DEMO_PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Nama pengguna atau kata sandi salah.',
      cause: { reason: { reason: 'LOGIN_FAILED' } },
    });
  });

  it('a password reset by an admin must be changed before anything else', async () => {
    const admin = findUserByUsername(db.handle.db, 'admin.pusat')!;
    const base: Context = {
      handle: db.handle,
      now: () => new Date(),
      principal: principalOf(admin),
      sessionTokenHash: null,
      mustChangePassword: false,
      clientAddress: 'test',
      cookies: NO_COOKIES,
    };
    await createCaller(base).users.resetPassword({ id: userId, newPassword: 'sementara-123' });
    let token = '';
    const jar = { setSession: (t: string) => (token = t), clearSession: () => {} };
    const login = await createCaller({ ...base, principal: null, cookies: jar }).auth.login({
      username: 'rekruter.madiun',
      password: 'sementara-123',
    });
    expect(login.user.mustChangePassword).toBe(true);
    const session = resumeSession(db.handle.db, token, new Date())!;
    const asUser = createCaller({ ...base, principal: principalOf(session.user), mustChangePassword: true, cookies: jar });
    await expect(asUser.periods.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Ganti kata sandi Anda terlebih dahulu.',
      cause: { reason: { reason: 'PASSWORD_CHANGE_FIRST' }, details: { passwordChangeRequired: true } },
    });
    // A wrong current password is refused on its field; a new one equal to the current by the schema.
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: TRPCError) => toClientError(e).data,
      );
    expect(
      await refusal(asUser.auth.changePassword({ currentPassword: 'bukan-ini-123', newPassword: 'milik-saya-sendiri' })),
    ).toMatchObject({
      code: 'VALIDATION',
      reason: 'CURRENT_PASSWORD_WRONG',
      message: 'Kata sandi sekarang salah.',
      fields: [{ path: 'currentPassword', reason: 'CURRENT_PASSWORD_WRONG' }],
    });
    expect(
      await refusal(asUser.auth.changePassword({ currentPassword: 'sementara-123', newPassword: 'sementara-123' })),
    ).toMatchObject({
      reason: 'INVALID_INPUT',
      fields: [
        { path: 'newPassword', reason: 'PASSWORD_SAME_AS_CURRENT', message: 'Kata sandi baru harus berbeda dari yang sekarang' },
      ],
    });
    await asUser.auth.changePassword({ currentPassword: 'sementara-123', newPassword: 'milik-saya-sendiri' });
    expect(findUserByUsername(db.handle.db, 'rekruter.madiun')!.mustChangePassword).toBe(false);
  });
});
