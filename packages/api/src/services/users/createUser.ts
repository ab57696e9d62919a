import { findUserByUsername, insertUser } from '@kader/db';
import { msg, type CreateUserInput } from '@kader/workflow';
import { hashPassword, type ScryptParams } from '../../auth/password';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { auditUser, checkPlacement, userRow } from './shared';

/** A new account; whoever chose its password is not its user, so it must be changed at the first sign-in. */
export async function createUser({
  ctx,
  input,
  scrypt,
}: {
  ctx: Context;
  input: CreateUserInput & { demo?: boolean; mustChangePassword?: boolean };
  scrypt?: ScryptParams;
}) {
  const passwordHash = await hashPassword(input.password, scrypt);
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    checkPlacement(tx, input.role, input.branchId);
    if (findUserByUsername(tx, input.username)) {
      const taken = msg('USERNAME_TAKEN', { username: input.username });
      throw new DomainError('VALIDATION', taken, { fields: [{ path: 'username', ...taken }] });
    }
    const user = insertUser(tx, {
      username: input.username,
      name: input.name,
      role: input.role,
      branchId: input.branchId,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? true,
      demo: input.demo ?? false,
      createdAt: at,
      updatedAt: at,
    });
    auditUser(tx, ctx, user.id, 'USER_CREATED', { role: user.role, branchId: user.branchId }, at);
    return userRow(tx, user);
  });
}
