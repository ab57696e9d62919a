import {
  appendAudit,
  findUserByUsername,
  getBranch,
  getUser,
  updateUser,
  endUserSessions,
  type DbOrTx,
  type UserRecord,
} from '@kader/db';
import { z } from 'zod';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import { loginSucceeded, reserveLoginAttempt } from '../auth/loginLimits';
import { finishSession, startSession } from '../auth/sessions';
import type { Context } from '../context';
import { DomainError } from '../errors';

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'Nama pengguna wajib diisi').max(60),
  password: z.string().min(1, 'Kata sandi wajib diisi').max(200),
});

export const newPasswordSchema = z
  .string()
  .min(10, 'Kata sandi paling sedikit 10 karakter')
  .max(200, 'Kata sandi paling panjang 200 karakter');

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Kata sandi sekarang wajib diisi').max(200),
  newPassword: newPasswordSchema,
});

/** What the UI knows of the signed-in user. Never the hash, never the session token. */
export function meOf(db: DbOrTx, user: UserRecord) {
  const branch = user.branchId ? getBranch(db, user.branchId) : undefined;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    branch: branch ? { id: branch.id, code: branch.code, name: branch.name, timeZone: branch.timeZone } : null,
    mustChangePassword: user.mustChangePassword,
  };
}
export type Me = ReturnType<typeof meOf>;

const WRONG = 'Nama pengguna atau kata sandi salah.';

export async function login({ ctx, input }: { ctx: Context; input: z.output<typeof loginSchema> }) {
  const { db } = ctx.handle;
  const now = ctx.now();
  // Counted as a failure before the hash is checked: parallel guesses cannot outrun the limit.
  const attempt = reserveLoginAttempt(db, input.username, ctx.clientAddress, now);
  if (!attempt) {
    throw new DomainError('TOO_MANY_REQUESTS', 'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.');
  }
  const user = findUserByUsername(db, input.username.toLowerCase());
  // A missing user costs a hash check too, so timing does not tell which part was wrong.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  // A wrong password leaves the reserved failure in place.
  if (!user || !ok || user.disabledAt) throw new DomainError('UNAUTHENTICATED', WRONG);
  const session = db.transaction((tx) => {
    loginSucceeded(tx, attempt);
    updateUser(tx, user.id, { lastLoginAt: now.toISOString() });
    return startSession(tx, user.id, now);
  });
  ctx.cookies.setSession(session.token, session.expiresAt);
  return { user: meOf(db, user) };
}

export function logout({ ctx }: { ctx: Context }) {
  if (ctx.sessionTokenHash) finishSession(ctx.handle.db, ctx.sessionTokenHash, ctx.now());
  ctx.cookies.clearSession();
  return { ok: true as const };
}

export function currentUser(ctx: Context): UserRecord {
  const p = ctx.principal;
  const user = p?.kind === 'user' ? getUser(ctx.handle.db, p.id) : undefined;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return user;
}

export function me({ ctx }: { ctx: Context }) {
  return { user: meOf(ctx.handle.db, currentUser(ctx)) };
}

export async function changePassword({ ctx, input }: { ctx: Context; input: z.output<typeof changePasswordSchema> }) {
  const user = currentUser(ctx);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new DomainError('VALIDATION', 'Kata sandi sekarang salah.', {
      fields: [{ path: 'currentPassword', message: 'Kata sandi sekarang salah' }],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('VALIDATION', 'Kata sandi baru harus berbeda.', {
      fields: [{ path: 'newPassword', message: 'Kata sandi baru harus berbeda dari yang sekarang' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now().toISOString();
  ctx.handle.db.transaction((tx) => {
    updateUser(tx, user.id, { passwordHash, mustChangePassword: false, updatedAt: now });
    // Other devices signed in with the old password are signed out; this one stays.
    endUserSessions(tx, user.id, now);
    appendAudit(tx, {
      entityType: 'user',
      entityId: user.id,
      type: 'PASSWORD_CHANGED',
      payload: {},
      actor: user.username,
      at: now,
    });
  });
  if (ctx.sessionTokenHash) {
    const session = startSession(ctx.handle.db, user.id, ctx.now());
    ctx.cookies.setSession(session.token, session.expiresAt);
  }
  return { ok: true as const };
}
