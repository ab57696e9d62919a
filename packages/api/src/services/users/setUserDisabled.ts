import { endUserSessions, updateUser } from '@kader/db';
import type { Context } from '../../context';
import { auditUser, keepOneAdmin, mustGetUser, userRow } from './shared';

/** Disables (ending every session) or enables an account; never the last active admin. */
export function setUserDisabled({ ctx, input }: { ctx: Context; input: { id: number; disabled: boolean } }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const user = mustGetUser(tx, input.id);
    if (input.disabled) keepOneAdmin(tx, user);
    updateUser(tx, { id: user.id, values: { disabledAt: input.disabled ? at : null, updatedAt: at } });
    if (input.disabled) endUserSessions(tx, { userId: user.id, now: at });
    auditUser(tx, ctx, user.id, input.disabled ? 'USER_DISABLED' : 'USER_ENABLED', {}, at);
    return userRow(tx, mustGetUser(tx, user.id));
  });
}
