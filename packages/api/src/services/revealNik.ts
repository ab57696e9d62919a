import { getCandidate, listOtherApplications, recordNikView } from '@kader/db';
import { msg } from '@kader/workflow';
import { z } from 'zod';
import { assertCanRevealNik, requirePrincipal } from '../auth/guard';
import { canReadBranch, seesPersonalData } from '../auth/principal';
import type { Context } from '../context';
import { DomainError } from '../errors';

export const revealNikSchema = z.object({ candidateId: z.number().int().positive() });

/**
 * "Tampilkan NIK": the full NIK, with the birth date and sex it encodes, for the branch's
 * recruiters and supervisors, each reveal logged in `nik_views` (who, when, whose). Reads show the
 * NIK masked, so this log holds deliberate looks only.
 */
export function revealNik({ ctx, input }: { ctx: Context; input: z.output<typeof revealNikSchema> }) {
  const principal = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const what = { entity: 'candidate', id: input.candidateId } as const;
  const candidate = getCandidate(db, input.candidateId);
  // A candidate belongs to the branches of their applications: a branch where this person works
  // the selection if there is one, else one they can read (to refuse as forbidden, not unknown).
  const branchIds = candidate
    ? listOtherApplications(db, { candidateId: candidate.id, exceptId: -1 }).map((a) => a.branchId)
    : [];
  const branchId = branchIds.find((b) => seesPersonalData(principal, b)) ?? branchIds.find((b) => canReadBranch(principal, b));
  if (!candidate || branchId === undefined) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', what));
  assertCanRevealNik(principal, branchId, what);
  if (principal.kind === 'user') {
    recordNikView(db, { userId: principal.id, candidateId: candidate.id, at: ctx.now().toISOString() });
  }
  return { nik: candidate.nik, birthDate: candidate.birthDate, sex: candidate.sex };
}
