import type { SnapshotFrom } from 'xstate';
import { machineEngine } from '../machine/engine';
import { type Message, msg } from '../text/catalogue';
import { parseRecruitmentEvent, type RecruitmentEvent, type RecruitmentEventType } from './events';
import {
  buildRecruitmentMachine,
  missingDocuments,
  RECRUITMENT_MACHINE_VERSION,
  recruitmentMachine,
  type RecruitmentContext,
  type RecruitmentState,
} from './machine';
import { recruitmentMigrations } from './migrations';

/**
 * The recruitment machine's engine (start, restore, apply, replay: `machine/engine.ts`, the same
 * shape as the contract's), with what is particular to it: which events can pass now and why one
 * was refused. Nothing here reads a clock or a database, so a replay is deterministic.
 */
export type RecruitmentSnapshot = SnapshotFrom<typeof recruitmentMachine>;

/**
 * Every definition that ever wrote a stored snapshot stays here, so an old event replays through
 * the version it was recorded under. A new version adds an entry and a step in migrations.ts.
 */
export const RECRUITMENT_MACHINES: Record<number, typeof recruitmentMachine> = {
  1: buildRecruitmentMachine(1),
  2: buildRecruitmentMachine(2),
  3: recruitmentMachine,
};

/**
 * Events to try a guard with. A document event is tried for each listed document; a guard that
 * reads the rest of a payload (a score, the debriefing date) is not second-guessed here, so those
 * events stay listed and a refusal names why (`explainRefusal`).
 */
const PAYLOAD_GUARDED: ReadonlySet<RecruitmentEventType> = new Set(['COMPLETE_DEBRIEFING']);
function probes(snapshot: RecruitmentSnapshot, type: RecruitmentEventType): RecruitmentEvent[] {
  if (type === 'VERIFY_DOCUMENT' || type === 'UNVERIFY_DOCUMENT') {
    return snapshot.context.rules.documents.map((d) => ({ type, document: d.code }));
  }
  // score guards fall back to an unguarded branch; context-only guards ignore the rest of the event
  return [{ type } as RecruitmentEvent];
}

export const recruitmentEngine = machineEngine<typeof recruitmentMachine, RecruitmentEvent, RecruitmentState>({
  name: 'recruitment',
  versions: RECRUITMENT_MACHINES,
  migrations: recruitmentMigrations,
  parseEvent: parseRecruitmentEvent,
  // An event whose guard reads only the context (completing the check, reopening, un-verifying when
  // something is verified) is left out while that guard fails; one whose guard reads its payload stays.
  allowedEvents: (snapshot, handled) =>
    handled.filter((type) => PAYLOAD_GUARDED.has(type) || probes(snapshot, type).some((e) => snapshot.can(e))),
  explainRefusal,
});

export const startApplication = recruitmentEngine.start;
export const persist = recruitmentEngine.persist;
export const restore = recruitmentEngine.restore;
export const stateOf = recruitmentEngine.stateOf;
export const allowedEvents = recruitmentEngine.allowedEvents;
export const applyEvent = recruitmentEngine.apply;
export const replayRecruitment = recruitmentEngine.replay;
export const migrateRecruitmentSnapshot = recruitmentEngine.migrate;
export type Applied = ReturnType<typeof applyEvent>;

/**
 * What keeps the administrative check from completing: the required documents not yet verified,
 * an age over the limit, an education under SMA/sederajat. The refusal says it, and the admin
 * shows the same message beside the disabled button before anyone tries.
 */
export function adminCheckIncomplete(ctx: RecruitmentContext): Message {
  return msg('ADMIN_CHECK_INCOMPLETE', {
    documents: missingDocuments(ctx),
    age: ctx.eligibility.age.ok ? null : ctx.eligibility.age.value,
    maxAge: ctx.eligibility.age.max,
    education: ctx.eligibility.education.ok ? null : ctx.eligibility.education.value,
  });
}

/** Why a refused event was refused, as a message a recruiter can act on. */
export function explainRefusal(snapshot: RecruitmentSnapshot, event: RecruitmentEvent): Message {
  const ctx: RecruitmentContext = snapshot.context;
  const state = stateOf(snapshot);
  if (!recruitmentEngine.handledEvents(snapshot).includes(event.type)) {
    return msg('EVENT_NOT_ALLOWED', { event: event.type, state, machine: 'recruitment' });
  }
  switch (event.type) {
    case 'COMPLETE_ADMIN_CHECK':
      return adminCheckIncomplete(ctx);
    case 'VERIFY_DOCUMENT':
      return ctx.verifiedDocuments.includes(event.document)
        ? msg('DOCUMENT_ALREADY_VERIFIED', { document: event.document })
        : msg('DOCUMENT_NOT_REQUIRED_HERE', { document: event.document });
    case 'UNVERIFY_DOCUMENT':
      return msg('DOCUMENT_NOT_VERIFIED', { document: event.document });
    case 'COMPLETE_DEBRIEFING':
      return ctx.agreement
        ? msg('DEBRIEFED_BEFORE_SIGNING', { date: ctx.agreement.signedOn })
        : msg('EVENT_REFUSED', { event: event.type, state });
    case 'CORRECT_WRITTEN_TEST_SCORE':
    case 'CORRECT_INTERVIEW_SCORE':
      return msg('SCORE_CORRECTION_NOT_ALLOWED');
    default:
      return msg('EVENT_REFUSED', { event: event.type, state });
  }
}

export { RECRUITMENT_MACHINE_VERSION };
