import { RECRUITMENT_STATES } from '@kader/workflow';
import { z } from 'zod';
import { listBoard } from '../services/board';
import { getApplication } from '../services/getApplication';
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
        pages: z.partialRecord(z.enum(RECRUITMENT_STATES), z.number().int().min(0)).optional(),
        pageSize: z.number().int().min(1).max(100).optional(),
      }),
    )
    .query(({ ctx, input }) => listBoard({ ctx, input })),
  get: signedInProcedure.input(z.object({ id })).query(({ ctx, input }) => getApplication({ ctx, input })),
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
