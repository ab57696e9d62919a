import type { AppRouter } from '../../api/router';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
/** One call's answer of `candidates.importCsv`. */
export type CandidateImportAnswer = Outputs['candidates']['importCsv'];
export type CandidateImportError = CandidateImportAnswer['errors'][number];
export type Registered = CandidateImportAnswer['registered'][number];
