import {
  appendAudit,
  correctCandidateIfRevision,
  findCandidateByNik,
  getBranch,
  getCandidate,
  listOtherApplications,
} from '@kader/db';
import { type correctCandidateSchema, dateInZone, fieldMsg, msg, parseNik } from '@kader/workflow';
import type { z } from 'zod';
import { assertCanCorrect, requirePrincipal } from '../auth/guard';
import type { Context } from '../context';
import { DomainError } from '../errors';
import { addressColumns } from './regions/resolveAddress';

/**
 * A supervisor corrects a candidate's data (a mistyped name, NIK, phone or address). The change is
 * checked against the revision the supervisor saw, and audited by field name with the reason:
 * the values themselves stay out of the audit log, which must not hold personal data.
 */
export function correctCandidate({ ctx, input }: { ctx: Context; input: z.output<typeof correctCandidateSchema> }) {
  const principal = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return db.transaction(
    (tx) => {
      const candidate = getCandidate(tx, input.id);
      // The candidate belongs to the branches of their applications; the supervisor needs one of them.
      const branchIds = candidate
        ? listOtherApplications(tx, { candidateId: candidate.id, exceptId: -1 }).map((a) => a.branchId)
        : [];
      const mine = branchIds.find((b) => principal.kind === 'system' || (principal.kind === 'user' && principal.branchId === b));
      const what = { entity: 'candidate', id: input.id } as const;
      if (!candidate || mine === undefined) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', what));
      assertCanCorrect(principal, mine, what);
      if (candidate.revision !== input.revision) throw new DomainError('CONFLICT', msg('CONFLICT'));

      const now = ctx.now();
      const timeZone = getBranch(tx, mine)?.timeZone ?? 'Asia/Jakarta';
      const nik = parseNik(input.nik, dateInZone(now, timeZone));
      if (!nik.ok) throw new DomainError('VALIDATION', nik.problem, { fields: [{ path: 'nik', ...nik.problem }] });
      const other = findCandidateByNik(tx, nik.value.nik);
      if (other && other.id !== candidate.id) {
        throw new DomainError('VALIDATION', msg('NIK_USED_BY_OTHER', { candidateId: other.id }), {
          fields: [fieldMsg('nik', 'NIK_USED_BY_OTHER', { candidateId: other.id })],
        });
      }
      const next = {
        name: input.name,
        phone: input.phone,
        nik: nik.value.nik,
        birthDate: nik.value.birthDate,
        sex: nik.value.sex,
        // matching a free-text address to a picked village sets its codes (and the dataset's names)
        ...addressColumns(tx, input.address, 'address'),
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== candidate[k]);
      if (changed.length === 0) {
        throw new DomainError('VALIDATION', msg('CANDIDATE_UNCHANGED'));
      }
      const at = now.toISOString();
      if (
        !correctCandidateIfRevision(tx, {
          id: candidate.id,
          expectedRevision: input.revision,
          values: { ...next, updatedAt: at },
        })
      ) {
        throw new DomainError('CONFLICT', msg('CONFLICT'));
      }
      appendAudit(tx, {
        entityType: 'candidate',
        entityId: candidate.id,
        type: 'CANDIDATE_CORRECTED',
        payload: { fields: changed, reason: input.reason },
        actor: principal.username,
        at,
      });
      return { id: candidate.id, revision: input.revision + 1 };
    },
    { behavior: 'immediate' },
  );
}
