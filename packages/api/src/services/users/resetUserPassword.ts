import { endUserSessions, updateUser } from '@kader/db';
import { hashPassword } from '../../auth/password';
import type { Context } from '../../context';
import { auditUser, mustGetUser } from './shared';

/** An admin sets a temporary password: the user's sessions end and the next sign-in must change it. */
export async function resetUserPassword({ ctx, input }: { ctx: Context; input: { id: number; newPassword: string } }) {
  const passwordHash = await hashPassword(input.newPassword);
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    const user = mustGetUser(tx, input.id);
    updateUser(tx, { id: user.id, values: { passwordHash, mustChangePassword: true, updatedAt: at } });
    endUserSessions(tx, { userId: user.id, now: at });
    auditUser(tx, ctx, user.id, 'PASSWORD_RESET', {}, at);
    return { ok: true as const };
  });
}
