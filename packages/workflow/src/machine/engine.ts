/**
 * The one engine shape both machines (recruitment, contract) are driven through: start, persist,
 * restore (migrating a snapshot an older definition wrote), apply an event (refusing when nothing
 * changes, with the explanation and the events allowed now), and replay recorded events through the
 * version each was recorded under. Pure: no clock, no database, so a replay is deterministic.
 */
import { type AnyActorScope, type AnyStateMachine, createActor, type InputFrom, type SnapshotFrom } from 'xstate';
import { type FieldMessage, type Message, render } from '../text/catalogue';

/** What is stored: JSON of the persisted snapshot plus the definition version that wrote it. */
export type StoredSnapshot = { version: number; persisted: unknown };

/** `steps[v]` turns a persisted snapshot written by version v into one version v + 1 can resolve. */
export type MigrationSteps = Record<number, (persisted: Record<string, unknown>) => Record<string, unknown>>;

/** An event as the audit log holds it. */
export type RecordedEvent = { seq: number; type: string; payload: unknown; machineVersion: number };

export type ReplayResult =
  | { ok: true; persisted: unknown; machineVersion: number; state: string }
  | { ok: false; seq: number; reason: string };

export type EngineApplied<Snap, State, Type> =
  | { ok: true; snapshot: Snap; from: State; to: State }
  | { ok: false; reason: Message; allowedEvents: Type[] };

export type EngineDefinition<M extends AnyStateMachine, E extends { type: string }> = {
  /** for error texts: `recruitment`, `contract` */
  name: string;
  /** every definition that ever wrote a stored snapshot, by version; the highest is the current one */
  versions: Record<number, M>;
  migrations: MigrationSteps;
  parseEvent: (raw: unknown) => { ok: true; event: E } | { ok: false; fields: FieldMessage[] };
  /** the events that can pass now, from those the state handles (default: all of them) */
  allowedEvents?: (snapshot: SnapshotFrom<M>, handled: E['type'][]) => E['type'][];
  /** why a refused event was refused, as a message a person can act on */
  explainRefusal: (snapshot: SnapshotFrom<M>, event: E) => Message;
};

/**
 * The scope a pure step runs in, made once per definition. xstate's `transition()` builds a fresh
 * inert actor for every call, and that actor's constructor computes the machine's initial state
 * without an input: our context factories throw on it and xstate catches, so each step paid for an
 * actor, a system and an exception (over half of a replay's time). Our machines spawn nothing,
 * raise nothing and are run for their next snapshot only, so one scope with no-op effects serves
 * every step of that definition: the same snapshots as `transition()` and `initialTransition()`.
 */
const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();
function inertScope(m: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(m);
  if (!scope) {
    const self = createActor(m);
    const none = () => {};
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: none,
      defer: none,
      emit: none,
      system: self.system,
      stopChild: none,
      actionExecutor: none,
    };
    scopes.set(m, scope);
  }
  return scope;
}

export function machineEngine<M extends AnyStateMachine, E extends { type: string }, State extends string>(
  def: EngineDefinition<M, E>,
) {
  type Snap = SnapshotFrom<M>;
  const version = Math.max(...Object.keys(def.versions).map(Number));
  const machine = def.versions[version] as M;

  function machineFor(v: number): M {
    const m = def.versions[v];
    if (!m) throw new Error(`unknown ${def.name} machine version ${v}`);
    return m;
  }

  /** Migrates to `toVersion`, the current version unless told (a replay stops at the next event's version). */
  function migrate(fromVersion: number, persisted: unknown, toVersion: number = version): unknown {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) throw new Error(`not a ${def.name} snapshot version: ${fromVersion}`);
    if (fromVersion > version || toVersion > version) {
      throw new Error(`snapshot version ${Math.max(fromVersion, toVersion)} is newer than this code (${version})`);
    }
    if (toVersion < fromVersion) throw new Error(`cannot migrate a v${fromVersion} snapshot back to the older v${toVersion}`);
    let current = persisted as Record<string, unknown>;
    for (let v = fromVersion; v < toVersion; v++) {
      const step = def.migrations[v];
      if (!step) throw new Error(`no migration from ${def.name} v${v} to v${v + 1}`);
      current = step(current);
    }
    return current;
  }

  const resolve = (m: M, persisted: unknown) => m.resolveState(persisted as Parameters<M['resolveState']>[0]) as Snap;
  const stateOf = (snapshot: Snap): State => (snapshot as { value: unknown }).value as State;

  /**
   * Event types the current state handles, whether or not a guard would let one through now.
   * xstate's `ownEvents` getter rebuilds the list from the node's transitions on every read, and
   * every answer asks: a definition never changes, so each state's list is built once.
   */
  const handledByState = new Map<string, readonly E['type'][]>();
  function handledEvents(snapshot: Snap): E['type'][] {
    const state = stateOf(snapshot);
    let handled = handledByState.get(state);
    if (!handled) {
      const node = machine.root.states[state];
      handled = node ? (node.ownEvents as E['type'][]) : [];
      handledByState.set(state, handled);
    }
    return [...handled];
  }

  function allowedEvents(snapshot: Snap): E['type'][] {
    const handled = handledEvents(snapshot);
    return def.allowedEvents ? def.allowedEvents(snapshot, handled) : handled;
  }

  return {
    version,
    machine,
    migrate,
    stateOf,
    handledEvents,
    allowedEvents,
    start: (input: InputFrom<M>): Snap => machine.getInitialSnapshot(inertScope(machine), input) as Snap,
    persist: (snapshot: Snap): unknown => machine.getPersistedSnapshot(snapshot),
    /** Rebuilds a stored snapshot, migrating it first when an older definition wrote it. */
    restore: (stored: StoredSnapshot): Snap => resolve(machine, migrate(stored.version, stored.persisted)),

    apply(snapshot: Snap, event: E): EngineApplied<Snap, State, E['type']> {
      // the shared inert scope (above), not xstate's `transition()`, which builds an actor per call
      const next = machine.transition(snapshot, event as never, inertScope(machine));
      // xstate hands back the very same object when no transition was taken: an unhandled event and
      // a failed guard look alike, which is exactly when nothing must be written.
      if (next === snapshot) {
        // An event refused for its payload alone (a reason too short, a date before the signing)
        // stays listed: with another payload it passes. One the state does not take is not listed.
        return { ok: false, reason: def.explainRefusal(snapshot, event), allowedEvents: allowedEvents(snapshot) };
      }
      return { ok: true, snapshot: next as Snap, from: stateOf(snapshot), to: stateOf(next as Snap) };
    },

    /**
     * Rebuilds an entity from its audit events alone: the recorded machine input, then each event
     * through the version it was recorded under, migrating at version boundaries.
     */
    replay(start: { input: InputFrom<M>; machineVersion: number }, events: RecordedEvent[]): ReplayResult {
      let v = start.machineVersion;
      let m = machineFor(v);
      let snapshot = m.getInitialSnapshot(inertScope(m), start.input) as Snap;
      for (const recorded of events) {
        if (recorded.machineVersion < v) {
          return { ok: false, seq: recorded.seq, reason: `recorded under v${recorded.machineVersion} after an event of v${v}` };
        }
        if (recorded.machineVersion !== v) {
          // Only up to the event's own version: the code of that version migrated, applied and stored it.
          const persisted = migrate(v, m.getPersistedSnapshot(snapshot), recorded.machineVersion);
          v = recorded.machineVersion;
          m = machineFor(v);
          snapshot = resolve(m, persisted);
        }
        const parsed = def.parseEvent({ ...(recorded.payload as object), type: recorded.type });
        if (!parsed.ok) {
          const f = parsed.fields[0];
          // the operator's report (verify-audit) is English
          return { ok: false, seq: recorded.seq, reason: `payload no longer valid: ${f ? `${f.path}: ${render('en', f)}` : ''}` };
        }
        const next = m.transition(snapshot, parsed.event, inertScope(m));
        if (next === snapshot) return { ok: false, seq: recorded.seq, reason: `event ${recorded.type} refused on replay` };
        snapshot = next as Snap;
      }
      return { ok: true, persisted: m.getPersistedSnapshot(snapshot), machineVersion: v, state: String(stateOf(snapshot)) };
    },
  };
}

/** Key-order independent JSON, to compare a replayed snapshot with the stored one. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
