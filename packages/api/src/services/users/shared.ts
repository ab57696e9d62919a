/** What the user verbs share: the row the UI lists, loading one account, the last-admin rule, the audit row. */
import { appendAudit, countAdmins, getBranch, getUser, type DbOrTx, type UserRecord } from '@kader/db';
import { fieldMsg, msg, placementProblem, type Role } from '@kader/workflow';
import type { Context } from '../../context';
import { DomainError, invalidInput } from '../../errors';
import { meOf } from '../auth/me';

export function userRow(db: DbOrTx, user: UserRecord) {
  return { ...meOf(db, user), disabled: user.disabledAt !== null, lastLoginAt: user.lastLoginAt, createdAt: user.createdAt };
}
export type UserRow = ReturnType<typeof userRow>;

export function mustGetUser(db: DbOrTx, id: number): UserRecord {
  const user = getUser(db, id);
  if (!user) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'user', id }));
  return user;
}

/**
 * Recruiters and supervisors work in one branch; admins are head office; viewers either
 * (`placementProblem`). The branch must exist. Refused on the `branchId` field.
 */
export function checkPlacement(db: DbOrTx, role: Role, branchId: number | null): void {
  const problem = placementProblem(role, branchId);
  if (problem) throw invalidInput([fieldMsg('branchId', problem)]);
  if (branchId !== null && !getBranch(db, branchId)) {
    const notFound = msg('NOT_FOUND', { entity: 'branch', id: branchId });
    throw new DomainError('VALIDATION', notFound, { fields: [{ path: 'branchId', ...notFound }] });
  }
}

/** An admin must not lock head office out: the last active admin stays an active admin. */
export function keepOneAdmin(db: DbOrTx, user: UserRecord): void {
  if (user.role === 'admin' && !user.disabledAt && countAdmins(db, { includeDemo: true }) <= 1) {
    throw new DomainError('VALIDATION', msg('LAST_ACTIVE_ADMIN'));
  }
}

export function auditUser(
  db: DbOrTx,
  ctx: Context,
  userId: number,
  type: string,
  payload: Record<string, unknown>,
  at: string,
): void {
  appendAudit(db, { entityType: 'user', entityId: userId, type, payload, actor: ctx.principal?.username ?? 'sistem', at });
}
