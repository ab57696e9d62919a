import { type DbOrTx, getBranch, getRegion, type getWorkArea, listWorkAreasOfBranch } from '@kader/db';
import { msg } from '@kader/workflow';
import { z } from 'zod';
import { assertCanRead, requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError } from '../../errors';

export const branchWorkAreasSchema = z.object({ branchId: z.number().int().positive() });

type WorkAreaRow = NonNullable<ReturnType<typeof getWorkArea>>;

/** A work area as the admin shows it: its code with the region's name (`Kota Madiun`, 35.77), and the revision to edit it over. */
export function workAreaView(db: DbOrTx, area: WorkAreaRow) {
  const region = area.regionCode === null ? undefined : getRegion(db, area.regionCode);
  return {
    id: area.id,
    branchId: area.branchId,
    name: area.name,
    regionCode: area.regionCode,
    regionName: region?.name ?? null,
    revision: area.revision,
  };
}

/** `branches.workAreas`: a branch's work areas by name, for head office or the branch's own users. */
export function branchWorkAreas({ ctx, input }: { ctx: Context; input: z.output<typeof branchWorkAreasSchema> }) {
  const p = requirePrincipal(ctx);
  const db = ctx.handle.db;
  assertCanRead(p, input.branchId, { entity: 'branch', id: input.branchId });
  if (!getBranch(db, input.branchId))
    throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'branch', id: input.branchId }));
  return listWorkAreasOfBranch(db, input.branchId).map((a) => workAreaView(db, a));
}
