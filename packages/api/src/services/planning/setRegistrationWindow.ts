import { appendAudit, getPeriod, updatePeriodIfRevision } from '@kader/db';
import { msg, type SetRegistrationWindowInput, yearWindow } from '@kader/workflow';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { periodPlanningView, periodToPlan } from '../periods';

/**
 * Head office sets a period's registration window, or extends it (a later closing date): checked by
 * `setRegistrationWindowSchema` (the form's own), written over the revision the admin saw, and
 * audited on the period with the dates before and after.
 */
export function setRegistrationWindow({ ctx, input }: { ctx: Context; input: SetRegistrationWindowInput }) {
  const principal = requirePrincipal(ctx);
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction(
    (tx) => {
      const period = periodToPlan(tx, principal, input.periodId);
      if (period.year !== input.year) {
        throw new DomainError('VALIDATION', msg('PERIOD_YEAR_MISMATCH', { year: period.year }), {
          fields: [{ path: 'year', ...msg('PERIOD_YEAR_MISMATCH', { year: period.year }) }],
        });
      }
      // a row written by hand has no window: its year is what applied until now
      const before =
        period.registrationOpensOn && period.registrationClosesOn
          ? { opensOn: period.registrationOpensOn, closesOn: period.registrationClosesOn }
          : yearWindow(period.year);
      const written = updatePeriodIfRevision(tx, {
        id: period.id,
        expectedRevision: input.revision,
        values: { registrationOpensOn: input.opensOn, registrationClosesOn: input.closesOn },
      });
      if (!written) throw new DomainError('CONFLICT', msg('CONFLICT'));
      appendAudit(tx, {
        entityType: 'period',
        entityId: period.id,
        type:
          input.closesOn > before.closesOn && input.opensOn === before.opensOn
            ? 'REGISTRATION_EXTENDED'
            : 'REGISTRATION_WINDOW_SET',
        payload: { opensOn: input.opensOn, closesOn: input.closesOn, before },
        actor: principal.username,
        at,
      });
      return periodPlanningView(tx, getPeriod(tx, period.id)!);
    },
    { behavior: 'immediate' },
  );
}
