import { listUsers as listUserRows } from '@kader/db';
import type { Context } from '../../context';
import { userRow } from './shared';

/** Every account (head office only: the router allows admins). */
export function listUsers({ ctx }: { ctx: Context }) {
  const { db } = ctx.handle;
  return listUserRows(db).map(({ user }) => userRow(db, user));
}
