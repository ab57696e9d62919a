import { finishSession } from '../../auth/sessions';
import type { Context } from '../../context';

export function logout({ ctx }: { ctx: Context }) {
  if (ctx.sessionTokenHash) finishSession(ctx.handle.db, ctx.sessionTokenHash, ctx.now());
  ctx.cookies.clearSession();
  return { ok: true as const };
}
