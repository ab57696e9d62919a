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
export const RECRUITMENT_MACHINE_VERSION = 1;

export type RecruitmentInput = {
  rules: RecruitmentRules;
  applicant: Applicant;
  registeredOn: string;
};

export type Schedule = { date: string; time: string; place: string };
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
  schedules: { writtenTest: Schedule | null; interview: Schedule | null };
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

/** REJECT and WITHDRAW are open from every stage before active; each remembers the stage it left. */
const exits = (stage: RecruitmentStage) => ({
  REJECT: { target: 'rejected' as const, actions: { type: 'end' as const, params: { kind: 'rejected' as const, stage } } },
  WITHDRAW: {
    target: 'withdrawn' as const,
    actions: { type: 'end' as const, params: { kind: 'withdrawn' as const, stage } },
  },
});

export const recruitmentMachine = setup({
  types: {
    context: {} as RecruitmentContext,
    events: {} as RecruitmentEvent,
    input: {} as RecruitmentInput,
  },
  actions: {
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
        SCHEDULE_WRITTEN_TEST: {
          actions: assign({
            schedules: ({ context, event }) => ({
              ...context.schedules,
              writtenTest: { date: event.date, time: event.time, place: event.place },
            }),
          }),
        },
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
        SCHEDULE_INTERVIEW: {
          actions: assign({
            schedules: ({ context, event }) => ({
              ...context.schedules,
              interview: { date: event.date, time: event.time, place: event.place },
            }),
          }),
        },
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
