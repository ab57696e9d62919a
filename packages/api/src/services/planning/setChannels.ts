import { appendAudit, getPeriod, updatePeriodIfRevision } from '@kader/db';
import { ANNOUNCEMENT_CHANNELS_VERSION, msg, type SetChannelsInput } from '@kader/workflow';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import { periodPlanningView, periodToPlan } from '../periods';

/**
 * The channels a period was announced on (the branch's staff or head office), in the current
 * version of the list, over the revision the caller saw; audited with the channels before.
 */
export function setChannels({ ctx, input }: { ctx: Context; input: SetChannelsInput }) {
  const principal = requirePrincipal(ctx);
  const at = ctx.now().toISOString();
  return ctx.handle.db.transaction(
    (tx) => {
      const period = periodToPlan(tx, principal, input.periodId);
      const written = updatePeriodIfRevision(tx, {
        id: period.id,
        expectedRevision: input.revision,
        values: { channels: input.channels, channelsVersion: ANNOUNCEMENT_CHANNELS_VERSION },
      });
      if (!written) throw new DomainError('CONFLICT', msg('CONFLICT'));
      appendAudit(tx, {
        entityType: 'period',
        entityId: period.id,
        type: 'CHANNELS_SET',
        payload: {
          channels: input.channels,
          version: ANNOUNCEMENT_CHANNELS_VERSION,
          before: { channels: period.channels, version: period.channelsVersion },
        },
        actor: principal.username,
        at,
      });
      return periodPlanningView(tx, getPeriod(tx, period.id)!);
    },
    { behavior: 'immediate' },
  );
}
