import { appendAudit, getBranch, getRegion, getWorkArea, updateWorkAreaIfRevision } from '@kader/db';
import { msg, type SetWorkAreaRegionInput } from '@kader/workflow';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { workAreaCodeProblem } from '../regions/workAreaRegion';
import { workAreaView } from './workAreas';

/**
 * Head office sets, changes or (with null) clears the Kemendagri code of an existing work area:
 * reports filter areas by it. In one transaction over the revision the caller saw: the code must
 * be a regency/city of the region data (refused on `regionCode` naming the area), then written
 * with revision + 1 and audited on the branch with the code before. The same code again is no
 * change: answered as it stands, no write, no audit row.
 */
export function setWorkAreaRegion({ ctx, input }: { ctx: Context; input: SetWorkAreaRegionInput }) {
  const actor = ctx.principal?.username ?? 'sistem';
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction(
    (tx) => {
      const area = getWorkArea(tx, input.workAreaId);
      if (!area) throw new DomainError('NOT_FOUND', msg('WORK_AREA_NOT_FOUND', { id: input.workAreaId }));
      if (area.revision !== input.revision) throw new DomainError('CONFLICT', msg('CONFLICT'));
      if (input.regionCode !== null) {
        const problem = workAreaCodeProblem(tx, { area: area.name, code: input.regionCode, path: 'regionCode' });
        if (problem) throw new DomainError('VALIDATION', problem, { fields: [problem] });
      }
      if (area.regionCode === input.regionCode) return workAreaView(tx, area);
      if (
        !updateWorkAreaIfRevision(tx, { id: area.id, expectedRevision: input.revision, values: { regionCode: input.regionCode } })
      ) {
        throw new DomainError('CONFLICT', msg('CONFLICT'));
      }
      appendAudit(tx, {
        entityType: 'branch',
        entityId: area.branchId,
        type: 'WORK_AREA_REGION_SET',
        payload: {
          workAreaId: area.id,
          name: area.name,
          regionCode: input.regionCode,
          regionName: input.regionCode === null ? null : (getRegion(tx, input.regionCode)?.name ?? null),
          before: area.regionCode,
          branch: getBranch(tx, area.branchId)?.code ?? null,
        },
        actor,
        at,
      });
      return workAreaView(tx, getWorkArea(tx, area.id)!);
    },
    { behavior: 'immediate' },
  );
}
