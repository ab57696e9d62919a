import { endUserSessions, updateUser } from '@kader/db';
import type { UpdateUserInput } from '@kader/workflow';
import type { Context } from '../../context';
import { auditUser, checkPlacement, keepOneAdmin, mustGetUser, userRow } from './shared';

/** A user's name, role and branch; a new role or branch ends the sessions that carry the old one. */
export function updateUserProfile({ ctx, input }: { ctx: Context; input: UpdateUserInput }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const user = mustGetUser(tx, input.id);
    const role = input.role ?? user.role;
    const branchId = input.branchId === undefined ? user.branchId : input.branchId;
    checkPlacement(tx, role, branchId);
    if (user.role === 'admin' && role !== 'admin') keepOneAdmin(tx, user);
    updateUser(tx, { id: user.id, values: { name: input.name ?? user.name, role, branchId, updatedAt: at } });
    if (role !== user.role || branchId !== user.branchId) endUserSessions(tx, { userId: user.id, now: at });
    auditUser(tx, ctx, user.id, 'USER_UPDATED', { role, branchId, before: { role: user.role, branchId: user.branchId } }, at);
    return userRow(tx, mustGetUser(tx, user.id));
  });
}
