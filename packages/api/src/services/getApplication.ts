import { getApplication as getRow } from '@kader/db';
import { requirePrincipal } from '../auth/guard';
import type { Context } from '../context';
import { applicationDetail, mustGetApplication } from './views';

export function getApplication({ ctx, input }: { ctx: Context; input: { id: number } }) {
  const principal = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return applicationDetail(db, mustGetApplication(input.id, getRow(db, input.id)), principal, ctx.now());
}
