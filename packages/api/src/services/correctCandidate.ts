import {
  appendAudit,
  correctCandidateIfRevision,
  findCandidateByNik,
  getBranch,
  getCandidate,
  listOtherApplications,
} from '@kader/db';
import { addressSchema, dateInZone, nikSchema, parseNik, phoneSchema } from '@kader/workflow';
import { z } from 'zod';
import { assertCanCorrect, requirePrincipal } from '../auth/guard';
import type { Context } from '../context';
import { CONFLICT_MESSAGE, DomainError } from '../errors';

export const correctCandidateSchema = z.object({
  id: z.number().int().positive(),
  revision: z.number().int().min(1),
  reason: z.string().trim().min(5, 'Alasan perubahan wajib diisi (paling sedikit 5 karakter)').max(1000),
  name: z.string().trim().min(1, 'Nama wajib diisi').max(120),
  phone: phoneSchema,
  nik: nikSchema,
  address: addressSchema,
});

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
      const branchIds = candidate ? listOtherApplications(tx, candidate.id, -1).map((a) => a.branchId) : [];
      const mine = branchIds.find((b) => principal.kind === 'system' || (principal.kind === 'user' && principal.branchId === b));
      if (!candidate || mine === undefined) throw new DomainError('NOT_FOUND', `Calon kader #${input.id} tidak ditemukan.`);
      assertCanCorrect(principal, mine, `Calon kader #${input.id}`);
      if (candidate.revision !== input.revision) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);

      const now = ctx.now();
      const timeZone = getBranch(tx, mine)?.timeZone ?? 'Asia/Jakarta';
      const nik = parseNik(input.nik, dateInZone(now, timeZone));
      if (!nik.ok) throw new DomainError('VALIDATION', nik.reason, { fields: [{ path: 'nik', message: nik.reason }] });
      const other = findCandidateByNik(tx, nik.value.nik);
      if (other && other.id !== candidate.id) {
        const msg = `NIK ini sudah dipakai calon kader lain (#${other.id}).`;
        throw new DomainError('VALIDATION', msg, { fields: [{ path: 'nik', message: msg }] });
      }
      const next = {
        name: input.name,
        phone: input.phone,
        nik: nik.value.nik,
        birthDate: nik.value.birthDate,
        sex: nik.value.sex,
        ...input.address,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== candidate[k]);
      if (changed.length === 0) {
        throw new DomainError('VALIDATION', 'Tidak ada data yang berubah.');
      }
      const at = now.toISOString();
      if (!correctCandidateIfRevision(tx, candidate.id, input.revision, { ...next, updatedAt: at })) {
        throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
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
