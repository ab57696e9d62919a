import { assign, setup } from 'xstate';
import { agreementEndDate } from '../calendar';
import type { RecruitmentEvent } from './events';
import {
  checkEligibility,
  passes,
  REASON_CODES_VERSION,
  type Applicant,
  type DocumentCode,
  type Eligibility,
  type RecruitmentRules,
} from './rules';

/** Stages in order, then the three ends. Active is the goal; rejected and withdrawn can be reopened later. */
export const RECRUITMENT_STAGES = [
  'registered',
  'administrativeCheck',
  'writtenTest',
  'interview',
  'agreementSigning',
  'debriefing',
] as const;
export const RECRUITMENT_ENDS = ['active', 'rejected', 'withdrawn'] as const;
export const RECRUITMENT_STATES = [...RECRUITMENT_STAGES, ...RECRUITMENT_ENDS] as const;
export type RecruitmentStage = (typeof RECRUITMENT_STAGES)[number];
export type RecruitmentState = (typeof RECRUITMENT_STATES)[number];

export const RECRUITMENT_MACHINE_ID = 'recruitment';
/**
 * v1: the first definition. v2: a reschedule keeps the earlier appointments (`previous`), so a
 * recruiter sees how often a test or interview was moved; v1 snapshots are migrated (migrations.ts).
 */
export const RECRUITMENT_MACHINE_VERSION = 2;
export type RecruitmentMachineVersion = 1 | 2;

export type RecruitmentInput = {
  rules: RecruitmentRules;
  applicant: Applicant;
  registeredOn: string;
};

export type Schedule = { date: string; time: string; place: string };
/** The appointment in force, with the ones it replaced, oldest first (v2). */
export type ScheduleRecord = Schedule & { previous: Schedule[] };
export type ScoreRecord = { score: number; grade: number; passed: boolean; notes: string };
export type Outcome = {
  kind: 'rejected' | 'withdrawn';
  stage: RecruitmentStage;
  reasonCode: string;
  reasonCodesVersion: number;
  note: string;
};

export type RecruitmentContext = {
  rules: RecruitmentRules;
  applicant: Applicant;
  registeredOn: string;
  eligibility: Eligibility;
  verifiedDocuments: DocumentCode[];
  schedules: { writtenTest: ScheduleRecord | null; interview: ScheduleRecord | null };
  scores: { writtenTest: ScoreRecord | null; interview: ScoreRecord | null };
  agreement: { number: string; signedOn: string; startDate: string; endDate: string } | null;
  debriefedOn: string | null;
  outcome: Outcome | null;
};

type Ev<T extends RecruitmentEvent['type']> = Extract<RecruitmentEvent, { type: T }>;

export function missingDocuments(ctx: RecruitmentContext): DocumentCode[] {
  return ctx.rules.documents.filter((d) => d.required && !ctx.verifiedDocuments.includes(d.code)).map((d) => d.code);
}

export function isEligible(ctx: RecruitmentContext): boolean {
  return ctx.eligibility.age.ok && ctx.eligibility.education.ok;
}

const scoreRecord = (score: number, grade: number, notes: string): ScoreRecord => ({
  score,
  grade,
  passed: passes(score, grade),
  notes,
});

type ScheduleEvent = Ev<'SCHEDULE_WRITTEN_TEST'> | Ev<'SCHEDULE_INTERVIEW'>;

/** How each version records a (re)schedule of the written test or the interview. */
function rescheduled(
  version: RecruitmentMachineVersion,
  context: RecruitmentContext,
  event: ScheduleEvent,
  key: 'writtenTest' | 'interview',
): RecruitmentContext['schedules'] {
  const next = { date: event.date, time: event.time, place: event.place };
  if (version === 1) return { ...context.schedules, [key]: next as ScheduleRecord };
  const current = context.schedules[key];
  const previous = current ? [...current.previous, { date: current.date, time: current.time, place: current.place }] : [];
  return { ...context.schedules, [key]: { ...next, previous } };
}

/** REJECT and WITHDRAW are open from every stage before active; each remembers the stage it left. */
const exits = (stage: RecruitmentStage) => ({
  REJECT: { target: 'rejected' as const, actions: { type: 'end' as const, params: { kind: 'rejected' as const, stage } } },
  WITHDRAW: {
    target: 'withdrawn' as const,
    actions: { type: 'end' as const, params: { kind: 'withdrawn' as const, stage } },
  },
});

/**
 * Builds the definition of one version. Every version that ever wrote a stored snapshot stays
 * buildable, so an old event replays through the definition it was recorded under.
 */
export function buildRecruitmentMachine(version: RecruitmentMachineVersion) {
  return setup({
  types: {
    context: {} as RecruitmentContext,
    events: {} as RecruitmentEvent,
    input: {} as RecruitmentInput,
  },
  actions: {
    schedule: assign(({ context, event }, params: { key: 'writtenTest' | 'interview' }) => ({
      schedules: rescheduled(version, context, event as ScheduleEvent, params.key),
    })),
    end: assign(({ event }, params: { kind: Outcome['kind']; stage: RecruitmentStage }) => {
      const e = event as Ev<'REJECT'> | Ev<'WITHDRAW'>;
      return {
        outcome: { ...params, reasonCode: e.reasonCode, reasonCodesVersion: REASON_CODES_VERSION, note: e.note },
      };
    }),
  },
  guards: {
    documentListedAndUnverified: ({ context, event }) => {
      const doc = (event as Ev<'VERIFY_DOCUMENT'>).document;
      return context.rules.documents.some((d) => d.code === doc) && !context.verifiedDocuments.includes(doc);
    },
    documentVerified: ({ context, event }) =>
      context.verifiedDocuments.includes((event as Ev<'UNVERIFY_DOCUMENT'>).document),
    adminCheckComplete: ({ context }) => missingDocuments(context).length === 0 && isEligible(context),
    writtenTestPassed: ({ context, event }) =>
      passes((event as Ev<'RECORD_WRITTEN_TEST_SCORE'>).score, context.rules.passingGrades.writtenTest),
    interviewPassed: ({ context, event }) =>
      passes((event as Ev<'RECORD_INTERVIEW_SCORE'>).score, context.rules.passingGrades.interview),
    debriefedAfterSigning: ({ context, event }) =>
      context.agreement !== null && (event as Ev<'COMPLETE_DEBRIEFING'>).debriefedOn >= context.agreement.signedOn,
  },
}).createMachine({
  id: RECRUITMENT_MACHINE_ID,
  initial: 'registered',
  context: ({ input }) => ({
    rules: input.rules,
    applicant: input.applicant,
    registeredOn: input.registeredOn,
    eligibility: checkEligibility(input.rules, input.applicant),
    verifiedDocuments: [],
    schedules: { writtenTest: null, interview: null },
    scores: { writtenTest: null, interview: null },
    agreement: null,
    debriefedOn: null,
    outcome: null,
  }),
  states: {
    registered: {
      on: {
        BEGIN_ADMIN_CHECK: { target: 'administrativeCheck' },
        ...exits('registered'),
      },
    },
    administrativeCheck: {
      on: {
        VERIFY_DOCUMENT: {
          guard: 'documentListedAndUnverified',
          actions: assign({
            verifiedDocuments: ({ context, event }) => [...context.verifiedDocuments, event.document],
          }),
        },
        UNVERIFY_DOCUMENT: {
          guard: 'documentVerified',
          actions: assign({
            verifiedDocuments: ({ context, event }) => context.verifiedDocuments.filter((d) => d !== event.document),
          }),
        },
        COMPLETE_ADMIN_CHECK: { guard: 'adminCheckComplete', target: 'writtenTest' },
        ...exits('administrativeCheck'),
      },
    },
    writtenTest: {
      on: {
        SCHEDULE_WRITTEN_TEST: { actions: { type: 'schedule', params: { key: 'writtenTest' } } },
        RECORD_WRITTEN_TEST_SCORE: [
          {
            guard: 'writtenTestPassed',
            target: 'interview',
            actions: assign({
              scores: ({ context, event }) => ({
                ...context.scores,
                writtenTest: scoreRecord(event.score, context.rules.passingGrades.writtenTest, event.notes),
              }),
            }),
          },
          {
            // A score under the grade is itself the decision: the application ends here, with the reason.
            target: 'rejected',
            actions: assign({
              scores: ({ context, event }) => ({
                ...context.scores,
                writtenTest: scoreRecord(event.score, context.rules.passingGrades.writtenTest, event.notes),
              }),
              outcome: ({ event }) => ({
                kind: 'rejected' as const,
                stage: 'writtenTest' as const,
                reasonCode: 'WRITTEN_TEST_BELOW_GRADE',
                reasonCodesVersion: REASON_CODES_VERSION,
                note: event.notes,
              }),
            }),
          },
        ],
        ...exits('writtenTest'),
      },
    },
    interview: {
      on: {
        SCHEDULE_INTERVIEW: { actions: { type: 'schedule', params: { key: 'interview' } } },
        RECORD_INTERVIEW_SCORE: [
          {
            guard: 'interviewPassed',
            target: 'agreementSigning',
            actions: assign({
              scores: ({ context, event }) => ({
                ...context.scores,
                interview: scoreRecord(event.score, context.rules.passingGrades.interview, event.notes),
              }),
            }),
          },
          {
            target: 'rejected',
            actions: assign({
              scores: ({ context, event }) => ({
                ...context.scores,
                interview: scoreRecord(event.score, context.rules.passingGrades.interview, event.notes),
              }),
              outcome: ({ event }) => ({
                kind: 'rejected' as const,
                stage: 'interview' as const,
                reasonCode: 'INTERVIEW_BELOW_GRADE',
                reasonCodesVersion: REASON_CODES_VERSION,
                note: event.notes,
              }),
            }),
          },
        ],
        ...exits('interview'),
      },
    },
    agreementSigning: {
      on: {
        // The quota check needs the database: the service does it in the same transaction.
        SIGN_AGREEMENT: {
          target: 'debriefing',
          actions: assign({
            agreement: ({ event }) => ({
              number: event.agreementNumber,
              signedOn: event.signedOn,
              startDate: event.startDate,
              endDate: agreementEndDate(event.startDate),
            }),
          }),
        },
        ...exits('agreementSigning'),
      },
    },
    debriefing: {
      on: {
        COMPLETE_DEBRIEFING: {
          guard: 'debriefedAfterSigning',
          target: 'active',
          actions: assign({ debriefedOn: ({ event }) => event.debriefedOn }),
        },
        ...exits('debriefing'),
      },
    },
    // Not `final`: a supervisor's correction may reopen a rejection or withdrawal later.
    active: {},
    rejected: {},
    withdrawn: {},
  },
});
}

export const recruitmentMachine = buildRecruitmentMachine(RECRUITMENT_MACHINE_VERSION);
