import { findUserByUsername, updateUser } from '@kader/db';
import { type loginSchema, msg } from '@kader/workflow';
import type { z } from 'zod';
import { loginSucceeded, reserveLoginAttempt, WINDOW_MS } from '../../auth/loginLimits';
import { dummyHash, verifyPassword } from '../../auth/password';
import { startSession } from '../../auth/sessions';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { meOf } from './me';

export async function login({ ctx, input }: { ctx: Context; input: z.output<typeof loginSchema> }) {
  const { db } = ctx.handle;
  const now = ctx.now();
  // Counted as a failure before the hash is checked: parallel guesses cannot outrun the limit.
  const attempt = reserveLoginAttempt(db, input.username, ctx.clientAddress, now);
  if (!attempt) {
    throw new DomainError('TOO_MANY_REQUESTS', msg('LOGIN_TOO_MANY', { minutes: WINDOW_MS / 60_000 }));
  }
  const user = findUserByUsername(db, input.username.toLowerCase());
  // A missing user costs a hash check too, so timing does not tell which part was wrong.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  // A wrong password leaves the reserved failure in place.
  if (!user || !ok || user.disabledAt) throw new DomainError('UNAUTHENTICATED', msg('LOGIN_FAILED'));
  const session = db.transaction((tx) => {
    loginSucceeded(tx, attempt);
    updateUser(tx, { id: user.id, values: { lastLoginAt: now.toISOString() } });
    return startSession(tx, user.id, now);
  });
  ctx.cookies.setSession(session.token, session.expiresAt);
  return { user: meOf(db, user) };
}
