import { appendAudit, endUserSessions, updateUser } from '@kader/db';
import { type changePasswordSchema, msg } from '@kader/workflow';
import type { z } from 'zod';
import { hashPassword, verifyPassword } from '../../auth/password';
import { startSession } from '../../auth/sessions';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { currentUser } from './me';

/** The user's own password; `changePasswordSchema` has already refused a new one equal to the current. */
export async function changePassword({ ctx, input }: { ctx: Context; input: z.output<typeof changePasswordSchema> }) {
  const user = currentUser(ctx);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    const wrong = msg('CURRENT_PASSWORD_WRONG');
    throw new DomainError('VALIDATION', wrong, { fields: [{ path: 'currentPassword', ...wrong }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now().toISOString();
  ctx.handle.db.transaction((tx) => {
    updateUser(tx, { id: user.id, values: { passwordHash, mustChangePassword: false, updatedAt: now } });
    // Other devices signed in with the old password are signed out; this one stays.
    endUserSessions(tx, { userId: user.id, now });
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
