import { appendAudit, findBranchByCode, insertBranch, insertWorkArea } from '@kader/db';
import { createBranchSchema as branchSchema, msg } from '@kader/workflow';
import type { z } from 'zod';
import type { Context } from '../../context';
import { parseAgreementNumberPattern } from '../../documents';
import { DomainError } from '../../errors';
import { regencyCodeForName, workAreaCodeProblem } from '../regions/workAreaRegion';

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

/**
 * Head office opens a branch office with its work areas. A code chosen for an area must be a
 * regency/city of the region data (else refused on `workAreas.<i>.regionCode` naming the area,
 * nothing written); an area typed without one gets the code only when its name is exactly one
 * regency's or city's. A name given twice is kept once, as first given.
 */
export function createBranch({ ctx, input }: { ctx: Context; input: z.output<typeof createBranchSchema> }) {
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction((tx) => {
    if (findBranchByCode(tx, input.code)) {
      const taken = msg('BRANCH_CODE_TAKEN', { code: input.code });
      throw new DomainError('VALIDATION', taken, { fields: [{ path: 'code', ...taken }] });
    }
    const problems = input.workAreas.flatMap((a, i) =>
      a.regionCode === undefined
        ? []
        : (workAreaCodeProblem(tx, { area: a.name, code: a.regionCode, path: `workAreas.${i}.regionCode` }) ?? []),
    );
    if (problems.length > 0) throw new DomainError('VALIDATION', problems[0]!, { fields: problems });
    const branch = insertBranch(tx, {
      code: input.code,
      name: input.name,
      timeZone: input.timeZone,
      ...(input.agreementNumberPattern ? { agreementNumberPattern: input.agreementNumberPattern } : {}),
    });
    const seen = new Set<string>();
    for (const { name, regionCode } of input.workAreas) {
      if (seen.has(name)) continue;
      seen.add(name);
      insertWorkArea(tx, { branchId: branch.id, name, regionCode: regionCode ?? regencyCodeForName(tx, name) });
    }
    const actor = ctx.principal?.username ?? 'sistem';
    appendAudit(tx, { entityType: 'branch', entityId: branch.id, type: 'BRANCH_CREATED', payload: input, actor, at });
    return { id: branch.id, code: branch.code, name: branch.name, timeZone: branch.timeZone };
  });
}
