import { boardColumn, getPeriod } from '@kader/db';
import { assertCanRead, requirePrincipal } from '../auth/guard';
import { seesPersonalData } from '../auth/principal';
import { maskNik, RECRUITMENT_STATES, type RecruitmentState, type Schedule } from '@kader/workflow';
import type { Context } from '../context';

export type BoardInput = {
  periodId: number;
  workAreaId?: number | undefined;
  search?: string | undefined;
  pages?: Partial<Record<RecruitmentState, number>> | undefined;
  pageSize?: number | undefined;
};

/** The schedule a card shows is the one of the stage the application is in. */
function scheduleOf(state: string, snapshot: unknown): Schedule | null {
  const schedules = (snapshot as { context?: { schedules?: Record<string, Schedule | null> } }).context?.schedules;
  if (state === 'writtenTest') return schedules?.writtenTest ?? null;
  if (state === 'interview') return schedules?.interview ?? null;
  return null;
}

export function listBoard({ ctx, input }: { ctx: Context; input: BoardInput }) {
  const period = getPeriod(ctx.handle.db, input.periodId);
  const principal = requirePrincipal(ctx);
  const branchId = period?.branchId ?? -1;
  assertCanRead(principal, branchId, { entity: 'period', id: input.periodId });
  const pageSize = input.pageSize ?? 20;
  const nikMatch = seesPersonalData(principal, branchId) ? 'partial' : 'exact';
  const filter = { periodId: input.periodId, workAreaId: input.workAreaId, search: input.search, nikMatch } as const;
  return {
    columns: RECRUITMENT_STATES.map((state) => {
      const page = input.pages?.[state] ?? 0;
      const { total, items } = boardColumn(ctx.handle.db, { filter, state, page, pageSize });
      return {
        state,
        total,
        page,
        pageSize,
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
