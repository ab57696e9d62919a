/**
 * One row's events applied in memory, as applyToVersionedRow applies them to a stored row (the
 * bulk generator writes the row once, at the end): the audit rows with their seq (the entity's id
 * still to come), the instant the current state was entered and the last change. A refused event
 * is a bug of the generator's stories, and stops the fill.
 */
import type { EngineFace } from '../applyToVersionedRow';
import type { AuditInsert } from './storage';

export type PendingAudit = Omit<AuditInsert, 'entity_id'>;

export function inMemoryHistory<Snap, State extends string, Event extends { type: string }>(
  engine: Pick<EngineFace<Snap, State, Event>, 'version' | 'apply'> & { stateOf: (snapshot: Snap) => State },
  start: { entityType: 'application' | 'contract'; name: string; snapshot: Snap; at: string; rows: PendingAudit[] },
) {
  const history = {
    snapshot: start.snapshot,
    /** the audit rows so far, seq numbered from the first of `start.rows` */
    rows: start.rows,
    stateEnteredAt: start.at,
    updatedAt: start.at,
    /** Applies `event`; `metaOf` sees the transition first (a place taken or given back) and returns the audit row's meta. */
    send(event: Event, at: string, actor: string, metaOf: (from: State, to: State) => unknown = () => null): State {
      const applied = engine.apply(history.snapshot, event);
      if (!applied.ok) throw new Error(`bulk seed: ${start.name} refused ${event.type} in ${engine.stateOf(history.snapshot)}`);
      const { from, to } = applied;
      const meta = metaOf(from, to);
      const { type, ...payload } = event;
      history.rows.push({
        entity_type: start.entityType,
        seq: history.rows.length + 1,
        type,
        payload,
        from_state: from,
        to_state: to,
        machine_version: engine.version,
        actor,
        at,
        meta,
      });
      if (from !== to) history.stateEnteredAt = at;
      history.updatedAt = at;
      history.snapshot = applied.snapshot;
      return to;
    },
  };
  return history;
}
