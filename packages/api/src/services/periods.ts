import { listPeriods as listPeriodRows } from '@kader/db';
import type { Context } from '../context';
import { periodView } from './views';

export function listPeriods({ ctx }: { ctx: Context }) {
  return listPeriodRows(ctx.handle.db).map(periodView);
}
