/**
 * One generated application, written as the services write it: the registration (its audit
 * payload the machine input, as registerCandidate records it), each event of its story through
 * the recruitment machine with the audit row applyToVersionedRow appends (a signing's meta the
 * quota seen), the row with the last snapshot, state and revision; and for one that became active,
 * the cadre's agreement years.
 */
import {
  addDays,
  ageOn,
  RECRUITMENT_MACHINE_ID,
  RECRUITMENT_MACHINE_VERSION,
  type RecruitmentInput,
  type RecruitmentRules,
  type RecruitmentSnapshot,
  type RecruitmentState,
  recruitmentEngine,
} from '@kader/workflow';
import { type CadreEnv, liveCadreYears } from './cadreYears';
import type { Area, Person } from './people';
import type { Target } from './programme';
import type { Random } from './random';
import { inMemoryHistory } from './history';
import type { BulkStorage } from './storage';
import { type DraftStep, draftStory, type StoryFacts } from './stories';

/** A period's side of the writing: its ids, its people, its places. */
export type PeriodEnv = {
  rng: Random;
  storage: BulkStorage;
  rules: RecruitmentRules;
  periodId: number;
  areas: Area[];
  recruiter: string;
  facts: StoryFacts;
  /** office hours on a day in the branch's zone, as an instant */
  officeAt: (day: string) => string;
  /** this period's quota and places taken (a signing takes one, leaving before active gives it back) */
  places: { quota: number; used: number };
  cadre: CadreEnv;
};

export type Written = { applicationId: number; state: RecruitmentState; snapshot: RecruitmentSnapshot; person: Person };

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The registration day: late enough that the year's period is open (from October of the year
 * before), early enough that the whole story fits before its bound.
 */
function registrationDay(rng: Random, steps: DraftStep[], facts: StoryFacts): string {
  const span = steps.at(-1)?.offset ?? 0;
  let from = `${facts.periodYear - 1}-10-01`;
  const to = addDays(facts.bound, -span);
  if (to < from) from = to;
  return addDays(from, rng.int(0, daysBetween(from, to)));
}

/** Writes one application for `target`, of `person` (a returning candidate) or of someone new. */
export function writeApplication(
  env: PeriodEnv,
  target: Target,
  who: { returning: Person | null; newcomer: (at: string) => Person },
): Written {
  const { rng, storage } = env;
  const steps = draftStory(rng, target, env.facts);
  const registeredOn = registrationDay(rng, steps, env.facts);
  const registeredAt = env.officeAt(registeredOn);
  let person = who.returning;
  if (person) storage.touchCandidate(person.candidateId, registeredAt);
  else person = who.newcomer(registeredAt);
  const area = env.areas[person.areaIndex]!;

  const input: RecruitmentInput = {
    rules: env.rules,
    applicant: { ageAtRegistration: ageOn(person.birthDate, registeredOn), education: person.education },
    registeredOn,
  };
  const start = recruitmentEngine.start(input);
  const history = inMemoryHistory(recruitmentEngine, {
    entityType: 'application',
    name: 'an application',
    snapshot: start,
    at: registeredAt,
    rows: [
      {
        entity_type: 'application',
        seq: 1,
        type: 'REGISTERED',
        payload: { input },
        from_state: null,
        to_state: recruitmentEngine.stateOf(start),
        machine_version: RECRUITMENT_MACHINE_VERSION,
        actor: env.recruiter,
        at: registeredAt,
        meta: { periodId: env.periodId, workAreaId: area.id, candidateId: person.candidateId },
      },
    ],
  });
  let debriefedAt = registeredAt;
  for (const step of steps) {
    const event = step.event(registeredOn);
    const at = env.officeAt(addDays(registeredOn, step.offset));
    const to = history.send(event, at, env.recruiter, (from, to) => {
      // a signing takes a place in the quota (the audit row records it); leaving before active gives it back
      if (to === 'debriefing' && from !== 'debriefing') {
        const meta = { quota: env.places.quota, quotaUsedBefore: env.places.used };
        env.places.used++;
        return meta;
      }
      if (from === 'debriefing' && to !== 'active') env.places.used--;
      return null;
    });
    if (to === 'active') debriefedAt = at;
  }
  const { snapshot, rows } = history;
  const state = recruitmentEngine.stateOf(snapshot);
  if (state !== target.state) throw new Error(`bulk seed: a story for ${target.state} ended in ${state}`);
  const applicationId = storage.insertApplication({
    candidateId: person.candidateId,
    periodId: env.periodId,
    workAreaId: area.id,
    machineId: RECRUITMENT_MACHINE_ID,
    machineVersion: RECRUITMENT_MACHINE_VERSION,
    state,
    snapshot: recruitmentEngine.persist(snapshot),
    revision: rows.length,
    stateEnteredAt: history.stateEnteredAt,
    createdAt: registeredAt,
    updatedAt: history.updatedAt,
  });
  for (const row of rows) storage.appendAudit({ ...row, entity_id: applicationId });

  // The debriefed candidate is a cadre: the first agreement year starts in the same step.
  if (state === 'active') {
    const agreement = snapshot.context.agreement!;
    liveCadreYears(env.cadre, {
      candidateId: person.candidateId,
      applicationId,
      workAreaId: area.id,
      agreementNumber: agreement.number,
      startDate: agreement.startDate,
      at: debriefedAt,
      actor: env.recruiter,
    });
  }
  return { applicationId, state, snapshot, person };
}
