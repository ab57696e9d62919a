import { correctCandidateSchema, registerCandidateSchema } from '@kader/workflow';
import { correctCandidate } from '../services/correctCandidate';
import { candidateImportTemplate, importCandidates, importCandidatesSchema } from '../services/importCandidates';
import { registerCandidate } from '../services/registerCandidate';
import { revealNik, revealNikSchema } from '../services/revealNik';
import { z } from 'zod';
import { rolesProcedure, router } from '../trpc';

export const candidatesRouter = router({
  register: rolesProcedure('recruiter', 'supervisor')
    .input(registerCandidateSchema)
    .mutation(({ ctx, input }) => registerCandidate({ ctx, input })),
  update: rolesProcedure('supervisor')
    .input(correctCandidateSchema)
    .mutation(({ ctx, input }) => correctCandidate({ ctx, input })),
  // A mutation, not a query: it writes the view log, and must never be refetched or cached.
  revealNik: rolesProcedure('recruiter', 'supervisor')
    .input(revealNikSchema)
    .mutation(({ ctx, input }) => revealNik({ ctx, input })),
  /** Many registrations from a CSV: a dry run answers every row's problems, then the rows are sent in parts. */
  importCsv: rolesProcedure('recruiter', 'supervisor')
    .input(importCandidatesSchema)
    .mutation(({ ctx, input }) => importCandidates({ ctx, input })),
  /** The CSV template with the period's work area in its example row, and the import's limits. */
  importTemplate: rolesProcedure('recruiter', 'supervisor')
    .input(z.object({ periodId: z.number().int().positive() }))
    .query(({ ctx, input }) => candidateImportTemplate({ ctx, input })),
});
