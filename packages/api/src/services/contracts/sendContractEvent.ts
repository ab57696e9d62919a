import { msg, parseContractEvent } from '@kader/workflow';
import { z } from 'zod';
import { assertCanCorrect, assertCanRunSelection, requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError, invalidInput } from '../../errors';
import { applyToContract } from './lifecycle';
import { mustGetContract } from './shared';
import { contractDetail } from './views';

export const sendContractSchema = z.object({
  id: z.number().int().positive(),
  revision: z.number().int().min(1),
  event: z.looseObject({ type: z.string() }),
});

/** A cadre's resignation (recruiter or supervisor) or an early termination (supervisor). */
export function sendContractEvent({ ctx, input }: { ctx: Context; input: z.output<typeof sendContractSchema> }) {
  const p = requirePrincipal(ctx);
  const parsed = parseContractEvent(input.event);
  if (!parsed.ok) throw invalidInput(parsed.fields.map((f) => ({ ...f, path: `event.${f.path}` })));
  const event = parsed.event;
  if (event.type !== 'RESIGN' && event.type !== 'TERMINATE') {
    throw new DomainError('FORBIDDEN', msg('CONTRACT_EVENT_BY_SYSTEM'));
  }
  const { db } = ctx.handle;
  return db.transaction(
    (tx) => {
      const row = mustGetContract(tx, input.id);
      const subject = { entity: 'contract' as const, id: row.id };
      if (event.type === 'TERMINATE') assertCanCorrect(p, row.branchId, subject);
      else assertCanRunSelection(p, row.branchId, subject);
      applyToContract(tx, { row, revision: input.revision, event, actor: p.username, at: ctx.now().toISOString() });
      return contractDetail(tx, mustGetContract(tx, row.id), p, ctx.now());
    },
    { behavior: 'immediate' },
  );
}
