import { applicationBranchId, getApplication as getRow, listPathSteps, listTimelinePage } from '@kader/db';
import { msg } from '@kader/workflow';
import { assertCanRead, requirePrincipal } from '../auth/guard';
import type { Context } from '../context';
import { DomainError } from '../errors';
import { applicationDetail, mustGetApplication } from './views';

export function getApplication({ ctx, input }: { ctx: Context; input: { id: number } }) {
  const principal = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return applicationDetail(db, mustGetApplication(input.id, getRow(db, input.id)), principal, ctx.now());
}

/** The application's parts are read only by whoever may read it; an unknown one is NOT_FOUND. */
function assertCanReadApplication(ctx: Context, id: number): void {
  const principal = requirePrincipal(ctx);
  const what = { entity: 'application', id } as const;
  const branchId = applicationBranchId(ctx.handle.db, id);
  if (branchId === undefined) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', what));
  assertCanRead(principal, branchId, what);
}

export type ApplicationHistoryInput = { id: number; before?: number | undefined; limit: number };

/**
 * One page of the application's timeline, newest first: the `limit` entries before seq `before`
 * (the newest when absent), and where the next older page starts (null at registration).
 */
export function getApplicationHistory({ ctx, input }: { ctx: Context; input: ApplicationHistoryInput }) {
  assertCanReadApplication(ctx, input.id);
  // one more than asked says whether an older page exists without counting the history
  const rows = listTimelinePage(ctx.handle.db, {
    entityType: 'application',
    entityId: input.id,
    before: input.before,
    limit: input.limit + 1,
  });
  const entries = rows.slice(0, input.limit);
  return { entries, nextBefore: rows.length > input.limit ? entries[entries.length - 1]!.seq : null };
}

/** The distinct steps the application has taken (event, from, to): what the state diagram marks. */
export function getApplicationPath({ ctx, input }: { ctx: Context; input: { id: number } }) {
  assertCanReadApplication(ctx, input.id);
  return listPathSteps(ctx.handle.db, { entityType: 'application', entityId: input.id });
}
