import { type BoardCursor, boardColumnPage, boardCounts, getPeriod } from '@kader/db';
import { assertCanRead, requirePrincipal } from '../auth/guard';
import { seesPersonalData } from '../auth/principal';
import { maskNik, RECRUITMENT_STATES, type RecruitmentState, type Schedule } from '@kader/workflow';
import type { Context } from '../context';

export type BoardInput = {
  periodId: number;
  workAreaId?: number | undefined;
  search?: string | undefined;
  /** per column, the last card of the page before: that column's next page starts after it */
  after?: Partial<Record<RecruitmentState, BoardCursor>> | undefined;
  pageSize?: number | undefined;
};

/** The schedule a card shows is the one of the stage the application is in. */
function scheduleOf(state: string, snapshot: string): Schedule | null {
  if (state !== 'writtenTest' && state !== 'interview') return null;
  // only these two stages show a schedule, so only their snapshots are parsed
  const schedules = (JSON.parse(snapshot) as { context?: { schedules?: Record<string, Schedule | null> } }).context?.schedules;
  return schedules?.[state] ?? null;
}

/**
 * The board of a period: each column's count and one page of its cards (the first, or the one
 * after the cursor given for it). Every column costs the same however many applications the
 * period has (db `queries/board.ts`); a search's counts stop at 1,000 (`totalCapped`).
 */
export function listBoard({ ctx, input }: { ctx: Context; input: BoardInput }) {
  const { db } = ctx.handle;
  const period = getPeriod(db, input.periodId);
  const principal = requirePrincipal(ctx);
  const branchId = period?.branchId ?? -1;
  assertCanRead(principal, branchId, { entity: 'period', id: input.periodId });
  const pageSize = input.pageSize ?? 20;
  const nikMatch = seesPersonalData(principal, branchId) ? 'partial' : 'exact';
  const filter = { periodId: input.periodId, workAreaId: input.workAreaId, search: input.search, nikMatch } as const;
  const counts = boardCounts(db, { filter, states: RECRUITMENT_STATES });
  return {
    columns: RECRUITMENT_STATES.map((state) => {
      const after = input.after?.[state] ?? null;
      const { items, next } = boardColumnPage(db, { filter, state, after, pageSize });
      const count = counts.get(state) ?? { n: 0, capped: false };
      return {
        state,
        total: count.n,
        /** the count stopped at its bound (a search): there are at least `total` */
        totalCapped: count.capped,
        pageSize,
        /** where this column's next page starts; null when this page is its last */
        next,
        items: items.map((i) => ({
          id: i.id,
          candidateName: i.candidateName,
          nikMasked: maskNik(i.nik),
          workArea: i.workArea,
          state: i.state as RecruitmentState,
          stateEnteredAt: i.stateEnteredAt,
          schedule: scheduleOf(i.state, i.snapshot),
        })),
      };
    }),
  };
}
