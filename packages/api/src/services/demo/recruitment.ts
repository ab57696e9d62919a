/**
 * One recruitment of the demo history, sent through the real services on its own days: the
 * registrations (with where each candidate heard of it), then each candidate's events. The cadres
 * the recruitment takes follow the branch's timetable (a written test day, interviews, the signing
 * days, one debriefing, one start date); the others leave at every stage with their reason codes,
 * on the bulk generator's stories (bulk/stories.ts). One cadre may come back from a rejection for
 * absence (REOPEN) and one from a miscounted test score (CORRECT_WRITTEN_TEST_SCORE).
 */
import type { DbHandle } from '@kader/db';
import {
  type AnnouncementChannel,
  addDays,
  DEFAULT_RECRUITMENT_RULES,
  type DocumentCode,
  type RecruitmentEvent,
} from '@kader/workflow';
import type { Context } from '../../context';
import { weighted } from '../bulk/people';
import type { Target } from '../bulk/programme';
import type { Random } from '../bulk/random';
import { draftStory, type StoryFacts } from '../bulk/stories';
import { nextAgreementNumber } from '../contracts/lifecycle';
import { registerCandidate } from '../registerCandidate';
import { sendApplicationEvent } from '../sendApplicationEvent';
import { type DemoArea, type DemoPerson, type demoPeople, type Ineligible, registration } from './people';
import type { Timeline } from './timeline';

export type HistoryEnv = {
  handle: DbHandle;
  ctx: Context;
  timeline: Timeline;
  rng: Random;
  people: ReturnType<typeof demoPeople>;
  /** the demo's today: nothing is sent after it */
  today: string;
};

/** A candidate's application as the history knows it while it runs. */
export type Applicant = {
  area: DemoArea;
  person: DemoPerson;
  applicationId: number;
  candidateId: number;
  revision: number;
};

export type Campaign = {
  periodId: number;
  branchId: number;
  year: number;
  areas: DemoArea[];
  place: string;
  /** where candidates heard of it, weighted; a tenth of the registrations record none */
  channels: [AnnouncementChannel, number][];
  /** the registration days: the period's window */
  registers: { from: string; to: string };
  testDays: string[];
  interviewDays: string[];
  signingDays: string[];
  debriefOn: string;
  startDate: string;
  /** the cadres it takes: their work area, someone who applied before, a story of their own */
  cadres: { area: number; person?: DemoPerson; story?: 'reopened' | 'scoreCorrected' }[];
  /** how the others' applications end */
  leavers: Target[];
};

const REQUIRED: DocumentCode[] = DEFAULT_RECRUITMENT_RULES.documents.filter((d) => d.required).map((d) => d.code);
const OPTIONAL: DocumentCode[] = DEFAULT_RECRUITMENT_RULES.documents.filter((d) => !d.required).map((d) => d.code);
const TEST_NOTES = ['', '', 'Memahami segmen PBPU', 'Nilai hitungan baik', 'Tepat waktu'];
const INTERVIEW_NOTES = ['', 'Komunikatif, mengenal wilayah', 'Aktif di PKK', 'Pernah menjadi kader posyandu', 'Dikenal warga'];

/** The first and the last of some `YYYY-MM-DD` days (they sort as text). */
export const earliestDay = (...days: string[]) => [...days].sort()[0]!;
export const latestDay = (...days: string[]) => [...days].sort().at(-1)!;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const dayIn = (rng: Random, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
/** One of `days` on or after `earliest`, or `earliest` itself when the timetable has none left. */
const dayFrom = (rng: Random, days: string[], earliest: string) => {
  const left = days.filter((d) => d >= earliest);
  return left.length > 0 ? rng.pick(left) : earliest;
};
const passing = (rng: Random) => (620 + rng.int(0, 330)) / 10;

/** Registers `person` on `day` and sends `steps` on theirs; the applicant's ids are known once it runs. */
function apply(
  env: HistoryEnv,
  campaign: Campaign,
  args: { area: DemoArea; person: DemoPerson; on: string; steps: { on: string; event: RecruitmentEvent }[] },
): Applicant {
  const { ctx, timeline, rng } = env;
  const heardFrom = rng.chance(0.1) ? undefined : weighted(rng, campaign.channels);
  const applicant: Applicant = { area: args.area, person: args.person, applicationId: 0, candidateId: 0, revision: 0 };
  timeline.add(args.on, `registration of ${args.person.name}`, () => {
    const input = registration(campaign.periodId, args.area, args.person, heardFrom);
    const { applicationId, candidateId } = registerCandidate({ ctx, input });
    Object.assign(applicant, { applicationId, candidateId, revision: 1 });
  });
  // a story still open when the demo's today comes stops there
  for (const step of args.steps.filter((s) => s.on <= env.today)) {
    timeline.add(step.on, `${step.event.type} for ${args.person.name}`, () => {
      // The number the branch's pattern gives next, as the signing form suggests it.
      const event =
        step.event.type === 'SIGN_AGREEMENT'
          ? { ...step.event, agreementNumber: nextAgreementNumber(env.handle.db, campaign.branchId, step.event.startDate) }
          : step.event;
      sendApplicationEvent({ ctx, input: { id: applicant.applicationId, revision: applicant.revision, event } });
      applicant.revision += 1;
    });
  }
  return applicant;
}

/** The recruitment's cadres on its timetable, each from registration to active. */
function cadreSteps(rng: Random, c: Campaign, story: Campaign['cadres'][number]['story'], registeredOn: string) {
  const steps: { on: string; event: RecruitmentEvent }[] = [];
  const at = (on: string, event: RecruitmentEvent) => steps.push({ on, event });
  const checkOn = addDays(registeredOn, rng.int(0, 2));
  at(checkOn, { type: 'BEGIN_ADMIN_CHECK' });
  for (const document of [...REQUIRED, ...OPTIONAL.filter(() => rng.chance(0.4))]) {
    at(checkOn, { type: 'VERIFY_DOCUMENT', document });
  }
  const checkedOn = addDays(checkOn, rng.int(0, 1));
  at(checkedOn, { type: 'COMPLETE_ADMIN_CHECK' });
  const time = rng.pick(['08:00', '09:00', '13:00']);
  const testOn = dayFrom(rng, c.testDays, addDays(checkedOn, 2));
  at(addDays(checkedOn, 1), { type: 'SCHEDULE_WRITTEN_TEST', date: testOn, time, place: c.place });
  let passedOn = testOn;
  if (story === 'reopened') {
    // absent on the day, rejected; a doctor's letter comes, the supervisor reopens, a make-up test
    at(testOn, { type: 'REJECT', reasonCode: 'ABSENT', note: 'Tidak hadir pada ujian tertulis' });
    const reopenedOn = addDays(testOn, 2);
    at(reopenedOn, { type: 'REOPEN', reason: 'Calon sakit pada hari ujian; surat keterangan dokter diterima' });
    passedOn = addDays(testOn, 6);
    at(reopenedOn, { type: 'SCHEDULE_WRITTEN_TEST', date: passedOn, time: '09:00', place: c.place });
    at(passedOn, { type: 'RECORD_WRITTEN_TEST_SCORE', score: passing(rng), notes: 'Ujian susulan' });
  } else if (story === 'scoreCorrected') {
    // one page of the answer sheet left out of the sum: rejected, then corrected on a recount
    at(testOn, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 55.5, notes: '' });
    passedOn = addDays(testOn, 5);
    at(passedOn, {
      type: 'CORRECT_WRITTEN_TEST_SCORE',
      score: 65.5,
      reason: 'Satu halaman lembar jawaban belum dihitung; diperiksa ulang oleh panitia',
    });
  } else {
    at(testOn, { type: 'RECORD_WRITTEN_TEST_SCORE', score: passing(rng), notes: rng.pick(TEST_NOTES) });
  }
  const interviewOn = dayFrom(rng, c.interviewDays, addDays(passedOn, 3));
  at(addDays(passedOn, 1), {
    type: 'SCHEDULE_INTERVIEW',
    date: interviewOn,
    time: rng.pick(['09:00', '10:30', '13:30']),
    place: c.place,
  });
  at(interviewOn, { type: 'RECORD_INTERVIEW_SCORE', score: passing(rng), notes: rng.pick(INTERVIEW_NOTES) });
  const signedOn = dayFrom(rng, c.signingDays, addDays(interviewOn, 2));
  // the number is the branch's next one, given when the signing is sent
  at(signedOn, { type: 'SIGN_AGREEMENT', agreementNumber: 'PKS', signedOn, startDate: c.startDate });
  at(c.debriefOn, { type: 'COMPLETE_DEBRIEFING', debriefedOn: c.debriefOn });
  return steps;
}

const ineligibility = (t: Target): Ineligible =>
  t.state === 'rejected' && (t.reason === 'NOT_ELIGIBLE_AGE' || t.reason === 'NOT_ELIGIBLE_EDUCATION') ? t.reason : null;

/**
 * Puts a recruitment on the timeline: its cadres (returned in the order given, to become the
 * branch's cadres) and those who leave (returned too, so some may apply again another year).
 * Appointments of a recruitment still open are counted from the demo's today.
 */
export function recruitment(env: HistoryEnv, c: Campaign): { cadres: Applicant[]; leavers: Applicant[] } {
  const { rng, today } = env;
  const cadres = c.cadres.map((cadre) => {
    const area = c.areas[cadre.area]!;
    const person = cadre.person ?? env.people(area, c.year);
    const registeredOn = dayIn(rng, c.registers.from, c.registers.to);
    return apply(env, c, { area, person, on: registeredOn, steps: cadreSteps(rng, c, cadre.story, registeredOn) });
  });
  const facts: StoryFacts = {
    periodYear: c.year,
    bound: `${c.year}-12-31`,
    today,
    required: REQUIRED,
    optional: OPTIONAL,
    place: c.place,
    agreementNumber: () => 'PKS',
  };
  const leavers = c.leavers.map((target) => {
    const area = c.areas[rng.int(0, c.areas.length - 1)]!;
    const person = env.people(area, c.year, ineligibility(target));
    const steps = draftStory(rng, target, facts);
    // a story still open ends by today; a closed one starts within the registration window
    const span = steps.at(-1)?.offset ?? 0;
    const latest = earliestDay(c.registers.to, addDays(today, -span));
    const registeredOn = dayIn(rng, c.registers.from, latestDay(latest, c.registers.from));
    return apply(env, c, {
      area,
      person,
      on: registeredOn,
      steps: steps.map((s) => ({ on: addDays(registeredOn, s.offset), event: s.event(registeredOn) })),
    });
  });
  return { cadres, leavers };
}
