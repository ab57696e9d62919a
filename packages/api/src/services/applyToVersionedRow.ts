import { appendAudit, type DbOrTx, type RevisionWrite } from '@kader/db';
import { msg, type Message } from '@kader/workflow';
import { DomainError, type MachineName } from '../errors';

/** A row driven by a machine: its snapshot, the definition version that wrote it, its revision. */
export type VersionedRow = { id: number; revision: number; machineVersion: number; snapshot: unknown; stateEnteredAt: string };

type Applied<Snap, State> = { ok: true; snapshot: Snap; from: State; to: State };

/** What the step needs of a machine: the engine's face (see workflow `machineEngine`). */
export type EngineFace<Snap, State, Event extends { type: string }> = {
  version: number;
  restore: (stored: { version: number; persisted: unknown }) => Snap;
  apply: (snapshot: Snap, event: Event) => Applied<Snap, State> | { ok: false; reason: Message; allowedEvents: Event['type'][] };
  persist: (snapshot: Snap) => unknown;
};

export type RowPatch = {
  state: string;
  snapshot: unknown;
  machineVersion: number;
  stateEnteredAt: string;
  updatedAt: string;
};

/**
 * The one way an event is applied to a stored entity, for both machines, inside the caller's
 * transaction: the revision the caller saw must be the row's (else CONFLICT, nothing written) →
 * restore the snapshot (migrating one an older definition wrote) → the caller's checks on the state
 * before → transition, refusing with the machine's explanation and the events allowed now → the
 * caller's checks on the transition (a place in the quota), whose answer is the audit row's meta →
 * write state, snapshot and revision + 1 only if the revision is still the one seen → append the
 * audit row. Returns the transition and the columns written (revision + 1).
 */
export function applyToVersionedRow<Snap, State extends string, Event extends { type: string }>(
  tx: DbOrTx,
  args: {
    engine: EngineFace<Snap, State, Event>;
    machine: MachineName;
    entityType: 'application' | 'contract';
    row: VersionedRow;
    revision: number;
    event: Event;
    actor: string;
    at: string;
    /** the table's revision-checked writer (`updateApplicationIfRevision`, `updateContractIfRevision`) */
    write: (tx: DbOrTx, change: RevisionWrite<RowPatch>) => boolean;
    /** checks on the state before the event (e.g. dates against what the application holds) */
    beforeApply?: (snapshot: Snap) => void;
    /** checks on the transition; returns what the audit row records about them */
    onTransition?: (applied: Applied<Snap, State>, before: Snap) => Record<string, unknown> | null;
  },
): Applied<Snap, State> & { written: RowPatch } {
  const { engine, row, event } = args;
  if (row.revision !== args.revision) throw new DomainError('CONFLICT', msg('CONFLICT'));
  const snapshot = engine.restore({ version: row.machineVersion, persisted: row.snapshot });
  args.beforeApply?.(snapshot);
  const applied = engine.apply(snapshot, event);
  if (!applied.ok) {
    throw new DomainError('INVALID_TRANSITION', applied.reason, {
      allowedEvents: applied.allowedEvents,
      machine: args.machine,
    });
  }
  const meta = args.onTransition?.(applied, snapshot) ?? null;
  const values: RowPatch = {
    state: applied.to,
    snapshot: engine.persist(applied.snapshot),
    machineVersion: engine.version,
    stateEnteredAt: applied.from === applied.to ? row.stateEnteredAt : args.at,
    updatedAt: args.at,
  };
  if (!args.write(tx, { id: row.id, expectedRevision: args.revision, values }))
    throw new DomainError('CONFLICT', msg('CONFLICT'));
  const { type, ...payload } = event;
  appendAudit(tx, {
    entityType: args.entityType,
    entityId: row.id,
    type,
    payload,
    fromState: applied.from,
    toState: applied.to,
    machineVersion: engine.version,
    actor: args.actor,
    at: args.at,
    meta,
  });
  // what was written, so the caller can answer with the row as it is now without reading it again
  return { ...applied, written: values };
}
