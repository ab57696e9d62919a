import {
  appendAudit,
  countAdmins,
  endUserSessions,
  findUserByUsername,
  getBranch,
  getUser,
  insertUser,
  listBranches as listBranchRows,
  listUsers as listUserRows,
  updateUser,
  type DbOrTx,
  type UserRecord,
} from '@kader/db';
import { z } from 'zod';
import { hashPassword, type ScryptParams } from '../auth/password';
import { ROLES, type Role } from '../auth/principal';
import type { Context } from '../context';
import { DomainError } from '../errors';
import { meOf, newPasswordSchema } from './auth';

const roleSchema = z.enum(ROLES, { message: 'Pilih peran' });
const branchIdSchema = z.number().int().positive().nullable();

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, 'Nama pengguna 3-40 karakter: huruf kecil, angka, titik, garis bawah atau strip'),
  name: z.string().trim().min(1, 'Nama wajib diisi').max(120),
  role: roleSchema,
  branchId: branchIdSchema,
  password: newPasswordSchema,
});

export const updateUserSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1, 'Nama wajib diisi').max(120).optional(),
  role: roleSchema.optional(),
  branchId: branchIdSchema.optional(),
});

/** Recruiters and supervisors work in one branch; admins are head office; viewers either. */
function checkPlacement(db: DbOrTx, role: Role, branchId: number | null) {
  if ((role === 'recruiter' || role === 'supervisor') && branchId === null) {
    throw new DomainError('VALIDATION', 'Rekruter dan penyelia harus punya kantor cabang.', {
      fields: [{ path: 'branchId', message: 'Pilih kantor cabang' }],
    });
  }
  if (role === 'admin' && branchId !== null) {
    throw new DomainError('VALIDATION', 'Admin adalah pengguna Kantor Pusat, tanpa kantor cabang.', {
      fields: [{ path: 'branchId', message: 'Admin tidak punya kantor cabang' }],
    });
  }
  if (branchId !== null && !getBranch(db, branchId)) {
    throw new DomainError('VALIDATION', 'Kantor cabang tidak ditemukan.', {
      fields: [{ path: 'branchId', message: 'Kantor cabang tidak ditemukan' }],
    });
  }
}

function userRow(db: DbOrTx, user: UserRecord) {
  return { ...meOf(db, user), disabled: user.disabledAt !== null, lastLoginAt: user.lastLoginAt, createdAt: user.createdAt };
}
export type UserRow = ReturnType<typeof userRow>;

function mustGet(db: DbOrTx, id: number): UserRecord {
  const user = getUser(db, id);
  if (!user) throw new DomainError('NOT_FOUND', `Pengguna #${id} tidak ditemukan.`);
  return user;
}

/** An admin must not lock head office out: the last active admin stays an active admin. */
function keepOneAdmin(db: DbOrTx, user: UserRecord) {
  if (user.role === 'admin' && !user.disabledAt && countAdmins(db, { includeDemo: true }) <= 1) {
    throw new DomainError('VALIDATION', 'Ini admin aktif terakhir: buat admin lain terlebih dahulu.');
  }
}

function audit(db: DbOrTx, ctx: Context, userId: number, type: string, payload: Record<string, unknown>, at: string) {
  appendAudit(db, { entityType: 'user', entityId: userId, type, payload, actor: ctx.principal?.username ?? 'sistem', at });
}

export function listUsers({ ctx }: { ctx: Context }) {
  const { db } = ctx.handle;
  return listUserRows(db).map(({ user }) => userRow(db, user));
}

export function listBranches({ ctx }: { ctx: Context }) {
  const p = ctx.principal;
  const branches = listBranchRows(ctx.handle.db).map((b) => ({ id: b.id, code: b.code, name: b.name, timeZone: b.timeZone }));
  return p?.kind === 'user' && p.branchId !== null ? branches.filter((b) => b.id === p.branchId) : branches;
}

export async function createUser({
  ctx,
  input,
  scrypt,
}: {
  ctx: Context;
  input: z.output<typeof createUserSchema> & { demo?: boolean; mustChangePassword?: boolean };
  scrypt?: ScryptParams;
}) {
  const passwordHash = await hashPassword(input.password, scrypt);
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    checkPlacement(tx, input.role, input.branchId);
    if (findUserByUsername(tx, input.username)) {
      throw new DomainError('VALIDATION', `Nama pengguna ${input.username} sudah dipakai.`, {
        fields: [{ path: 'username', message: 'Nama pengguna sudah dipakai' }],
      });
    }
    const user = insertUser(tx, {
      username: input.username,
      name: input.name,
      role: input.role,
      branchId: input.branchId,
      passwordHash,
      // A password someone else chose is changed at the first sign-in.
      mustChangePassword: input.mustChangePassword ?? true,
      demo: input.demo ?? false,
      createdAt: at,
      updatedAt: at,
    });
    audit(tx, ctx, user.id, 'USER_CREATED', { role: user.role, branchId: user.branchId }, at);
    return userRow(tx, user);
  });
}

export function updateUserProfile({ ctx, input }: { ctx: Context; input: z.output<typeof updateUserSchema> }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const user = mustGet(tx, input.id);
    const role = input.role ?? user.role;
    const branchId = input.branchId === undefined ? user.branchId : input.branchId;
    checkPlacement(tx, role, branchId);
    if (user.role === 'admin' && role !== 'admin') keepOneAdmin(tx, user);
    updateUser(tx, user.id, { name: input.name ?? user.name, role, branchId, updatedAt: at });
    if (role !== user.role || branchId !== user.branchId) {
      // A new role or branch takes effect at once: sessions with the old one end.
      endUserSessions(tx, user.id, at);
    }
    audit(tx, ctx, user.id, 'USER_UPDATED', { role, branchId, before: { role: user.role, branchId: user.branchId } }, at);
    return userRow(tx, mustGet(tx, user.id));
  });
}

export function setUserDisabled({ ctx, input }: { ctx: Context; input: { id: number; disabled: boolean } }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const user = mustGet(tx, input.id);
    if (input.disabled) keepOneAdmin(tx, user);
    updateUser(tx, user.id, { disabledAt: input.disabled ? at : null, updatedAt: at });
    if (input.disabled) endUserSessions(tx, user.id, at);
    audit(tx, ctx, user.id, input.disabled ? 'USER_DISABLED' : 'USER_ENABLED', {}, at);
    return userRow(tx, mustGet(tx, user.id));
  });
}

export async function resetUserPassword({ ctx, input }: { ctx: Context; input: { id: number; newPassword: string } }) {
  const passwordHash = await hashPassword(input.newPassword);
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const user = mustGet(tx, input.id);
    updateUser(tx, user.id, { passwordHash, mustChangePassword: true, updatedAt: at });
    endUserSessions(tx, user.id, at);
    audit(tx, ctx, user.id, 'PASSWORD_RESET', {}, at);
    return { ok: true as const };
  });
}
