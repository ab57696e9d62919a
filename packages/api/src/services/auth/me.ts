import { type DbOrTx, getBranch, getUser, type UserRecord } from '@kader/db';
import { msg } from '@kader/workflow';
import type { Context } from '../../context';
import { DomainError } from '../../errors';

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

export function currentUser(ctx: Context): UserRecord {
  const p = ctx.principal;
  const user = p?.kind === 'user' ? getUser(ctx.handle.db, p.id) : undefined;
  if (!user) throw new DomainError('UNAUTHENTICATED', msg('SIGN_IN_REQUIRED'));
  return user;
}

export function me({ ctx }: { ctx: Context }) {
  return { user: meOf(ctx.handle.db, currentUser(ctx)) };
}
