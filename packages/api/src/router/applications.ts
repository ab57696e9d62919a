import { RECRUITMENT_STATES } from '@kader/workflow';
import { z } from 'zod';
import { listBoard } from '../services/board';
import { getApplication, getApplicationHistory, getApplicationPath } from '../services/getApplication';
import { sendApplicationEvent } from '../services/sendApplicationEvent';
import { rolesProcedure, router, signedInProcedure } from '../trpc';

const id = z.number().int().positive();

export const applicationsRouter = router({
  board: signedInProcedure
    .input(
      z.object({
        periodId: id,
        workAreaId: id.optional(),
        search: z.string().max(100).optional(),
        // per column, the last card shown: the next page starts after it (keyset, not an offset)
        after: z
          .partialRecord(
            z.enum(RECRUITMENT_STATES),
            z.object({ stateEnteredAt: z.string().max(40), id: z.number().int().positive() }),
          )
          .optional(),
        pageSize: z.number().int().min(1).max(100).optional(),
      }),
    )
    .query(({ ctx, input }) => listBoard({ ctx, input })),
  get: signedInProcedure.input(z.object({ id })).query(({ ctx, input }) => getApplication({ ctx, input })),
  // The timeline pages on its own (newest first, `before` = the seq the last page ended at), so
  // the detail and a send's answer stay the same size however long the history grows.
  history: signedInProcedure
    .input(z.object({ id, before: z.number().int().min(1).optional(), limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => getApplicationHistory({ ctx, input })),
  path: signedInProcedure.input(z.object({ id })).query(({ ctx, input }) => getApplicationPath({ ctx, input })),
  // The event is validated against its own schema by the service, so errors name `event.<field>`.
  send: rolesProcedure('recruiter', 'supervisor')
    .input(
      z.object({
        id,
        revision: z.number().int().min(1),
        event: z.looseObject({ type: z.string() }),
      }),
    )
    .mutation(({ ctx, input }) => sendApplicationEvent({ ctx, input })),
});
