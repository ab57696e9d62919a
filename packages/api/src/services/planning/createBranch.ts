import { appendAudit, findBranchByCode, insertBranch, insertWorkArea } from '@kader/db';
import { createBranchSchema as branchSchema, msg } from '@kader/workflow';
import type { z } from 'zod';
import type { Context } from '../../context';
import { parseAgreementNumberPattern } from '../../documents';
import { DomainError } from '../../errors';
import { regencyCodeForName } from '../regions/workAreaRegion';

/**
 * `branches.create`: the shared branch schema, with the agreement-number pattern parsed so a
 * malformed one never reaches a signing (without exactly one running number every number would be
 * the same string). Each problem is its own message on that field.
 */
export const createBranchSchema = branchSchema.extend({
  agreementNumberPattern: branchSchema.shape.agreementNumberPattern.superRefine((p, ctx) => {
    if (p === undefined) return;
    const parsed = parseAgreementNumberPattern(p);
    if (parsed.ok) return;
    for (const problem of parsed.problems) ctx.addIssue({ code: 'custom', message: problem.reason, params: problem.params });
  }),
});

/** Head office opens a branch office with its work area (regencies and cities). */
export function createBranch({ ctx, input }: { ctx: Context; input: z.output<typeof createBranchSchema> }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    if (findBranchByCode(tx, input.code)) {
      const taken = msg('BRANCH_CODE_TAKEN', { code: input.code });
      throw new DomainError('VALIDATION', taken, { fields: [{ path: 'code', ...taken }] });
    }
    const branch = insertBranch(tx, {
      code: input.code,
      name: input.name,
      timeZone: input.timeZone,
      ...(input.agreementNumberPattern ? { agreementNumberPattern: input.agreementNumberPattern } : {}),
    });
    // an area named like a regency or city of Kemendagri's data gets its code (`Kota Madiun` → 35.77)
    for (const name of new Set(input.workAreas)) {
      insertWorkArea(tx, { branchId: branch.id, name, regionCode: regencyCodeForName(tx, name) });
    }
    const actor = ctx.principal?.username ?? 'sistem';
    appendAudit(tx, { entityType: 'branch', entityId: branch.id, type: 'BRANCH_CREATED', payload: input, actor, at });
    return { id: branch.id, code: branch.code, name: branch.name, timeZone: branch.timeZone };
  });
}
