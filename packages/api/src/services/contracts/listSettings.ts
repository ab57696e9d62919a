import type { Context } from '../../context';
import { feeVersions, kpiVersions } from './settings';

/** The versions in force and to come, each with its effective date (defaults until head office sets one). */
export function listSettings({ ctx }: { ctx: Context }) {
  return { kpi: kpiVersions(ctx.handle.db), fee: feeVersions(ctx.handle.db) };
}
