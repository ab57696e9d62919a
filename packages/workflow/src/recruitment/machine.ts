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
import { RECRUITMENT_STAGES, type RecruitmentStage, type RecruitmentState } from './states';

export * from './states';

export const RECRUITMENT_MACHINE_ID = 'recruitment';
/**
 * v1: the first definition. v2: a reschedule keeps the earlier appointments (`previous`), so a
 * recruiter sees how often a test or interview was moved. v3: supervisors' corrections — reopen a
 * rejection or withdrawal at the stage it left, correct a mistyped score (the grade is checked
 * again) — each kept in `corrections`. Older snapshots are migrated (migrations.ts).
 */
export const RECRUITMENT_MACHINE_VERSION = 3;
export type RecruitmentMachineVersion = 1 | 2 | 3;

/** Ended without a place: a person whose applications are all here may apply again. */
export const CLOSED_STATES: readonly string[] = ['rejected', 'withdrawn'];

/** An agreement is signed in these states: each holds one of the period's cadre places. */
export const QUOTA_HOLDING_STATES: readonly RecruitmentState[] = ['debriefing', 'active'];

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
  /** Supervisors' corrections, oldest first (v3). */
  corrections: Correction[];
};

export type Correction =
  | { type: 'REOPEN'; reason: string; reopened: Outcome }
  | { type: 'CORRECT_WRITTEN_TEST_SCORE' | 'CORRECT_INTERVIEW_SCORE'; reason: string; previousScore: number; score: number };

type Ev<T extends RecruitmentEvent['type']> = Extract<RecruitmentEvent, { type: T }>;
type ScoreKey = 'writtenTest' | 'interview';

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

const BELOW_GRADE: Record<ScoreKey, string> = {
  writtenTest: 'WRITTEN_TEST_BELOW_GRADE',
  interview: 'INTERVIEW_BELOW_GRADE',
};

/** Was the application rejected for this score being under the grade (so a correction may reopen it)? */
export function rejectedForScore(ctx: RecruitmentContext, key: ScoreKey): boolean {
  return ctx.outcome?.kind === 'rejected' && ctx.outcome.stage === key && ctx.outcome.reasonCode === BELOW_GRADE[key];
}

type ScheduleEvent = Ev<'SCHEDULE_WRITTEN_TEST'> | Ev<'SCHEDULE_INTERVIEW'>;
type ScoreEvent = Ev<'RECORD_WRITTEN_TEST_SCORE'> | Ev<'RECORD_INTERVIEW_SCORE'>;
type CorrectionEvent = Ev<'CORRECT_WRITTEN_TEST_SCORE'> | Ev<'CORRECT_INTERVIEW_SCORE'>;

/** How each version records a (re)schedule of the written test or the interview. */
function rescheduled(
  version: RecruitmentMachineVersion,
  context: RecruitmentContext,
  event: ScheduleEvent,
  key: ScoreKey,
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

/** v3: back to the stage the application left, one guarded transition per stage. */
const reopen = {
  REOPEN: RECRUITMENT_STAGES.map((stage) => ({
    guard: { type: 'leftFrom' as const, params: { stage } },
    target: stage,
    actions: { type: 'reopen' as const },
  })),
};

/**
 * v3: a corrected score while the application is still moving on (`stage` is where it is now): a
 * pass keeps it there, a fail rejects it from here with the below-grade reason.
 */
const correctWhileOpen = (key: ScoreKey, stage: RecruitmentStage) => ({
  [key === 'writtenTest' ? 'CORRECT_WRITTEN_TEST_SCORE' : 'CORRECT_INTERVIEW_SCORE']: [
    { guard: { type: 'correctedPasses' as const, params: { key } }, actions: { type: 'correctScore' as const, params: { key } } },
    {
      target: 'rejected' as const,
      actions: [
        { type: 'correctScore' as const, params: { key } },
        { type: 'rejectBelowGrade' as const, params: { key, stage } },
      ],
    },
  ],
});

/**
 * Builds the definition of one version. Every version that ever wrote a stored snapshot stays
 * buildable, so an old event replays through the definition it was recorded under.
 */
export function buildRecruitmentMachine(version: RecruitmentMachineVersion) {
  const v3 = version >= 3;
  return setup({
    types: {
      context: {} as RecruitmentContext,
      events: {} as RecruitmentEvent,
      input: {} as RecruitmentInput,
    },
    actions: {
      schedule: assign(({ context, event }, params: { key: ScoreKey }) => ({
        schedules: rescheduled(version, context, event as ScheduleEvent, params.key),
      })),
      recordScore: assign(({ context, event }, params: { key: ScoreKey }) => {
        const e = event as ScoreEvent;
        return {
          scores: { ...context.scores, [params.key]: scoreRecord(e.score, context.rules.passingGrades[params.key], e.notes) },
        };
      }),
      // A score under the grade is itself the decision: the application ends here, with the reason.
      rejectBelowGrade: assign(({ context, event }, params: { key: ScoreKey; stage: RecruitmentStage }) => ({
        outcome: {
          kind: 'rejected' as const,
          stage: params.stage,
          reasonCode: BELOW_GRADE[params.key],
          reasonCodesVersion: REASON_CODES_VERSION,
          note: 'notes' in event ? (event as ScoreEvent).notes : (context.scores[params.key]?.notes ?? ''),
        },
      })),
      correctScore: assign(({ context, event }, params: { key: ScoreKey }) => {
        const e = event as CorrectionEvent;
        const before = context.scores[params.key];
        const grade = context.rules.passingGrades[params.key];
        return {
          scores: { ...context.scores, [params.key]: scoreRecord(e.score, grade, before?.notes ?? '') },
          corrections: [
            ...context.corrections,
            { type: e.type, reason: e.reason, previousScore: before?.score ?? 0, score: e.score },
          ],
        };
      }),
      reopen: assign(({ context, event }) => ({
        outcome: null,
        corrections: [
          ...context.corrections,
          { type: 'REOPEN' as const, reason: (event as Ev<'REOPEN'>).reason, reopened: context.outcome! },
        ],
      })),
      clearOutcome: assign({ outcome: null }),
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
      documentVerified: ({ context, event }) => context.verifiedDocuments.includes((event as Ev<'UNVERIFY_DOCUMENT'>).document),
      adminCheckComplete: ({ context }) => missingDocuments(context).length === 0 && isEligible(context),
      scorePasses: ({ context, event }, params: { key: ScoreKey }) =>
        passes((event as ScoreEvent).score, context.rules.passingGrades[params.key]),
      correctedPasses: ({ context, event }, params: { key: ScoreKey }) =>
        passes((event as CorrectionEvent).score, context.rules.passingGrades[params.key]),
      rejectedForScoreAndNowPasses: ({ context, event }, params: { key: ScoreKey }) =>
        rejectedForScore(context, params.key) &&
        passes((event as CorrectionEvent).score, context.rules.passingGrades[params.key]),
      rejectedForScore: ({ context }, params: { key: ScoreKey }) => rejectedForScore(context, params.key),
      leftFrom: ({ context }, params: { stage: RecruitmentStage }) => context.outcome?.stage === params.stage,
      debriefedAfterSigning: ({ context, event }) =>
        context.agreement !== null && (event as Ev<'COMPLETE_DEBRIEFING'>).debriefedOn >= context.agreement.signedOn,
    },
  }).createMachine({
    id: RECRUITMENT_MACHINE_ID,
    initial: 'registered',
    context: ({ input }) =>
      ({
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
        // v1 and v2 snapshots never had it; a replay under them must produce exactly what they stored.
        ...(v3 ? { corrections: [] } : {}),
      }) as RecruitmentContext,
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
              guard: { type: 'scorePasses', params: { key: 'writtenTest' } },
              target: 'interview',
              actions: { type: 'recordScore', params: { key: 'writtenTest' } },
            },
            {
              target: 'rejected',
              actions: [
                { type: 'recordScore', params: { key: 'writtenTest' } },
                { type: 'rejectBelowGrade', params: { key: 'writtenTest', stage: 'writtenTest' } },
              ],
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
              guard: { type: 'scorePasses', params: { key: 'interview' } },
              target: 'agreementSigning',
              actions: { type: 'recordScore', params: { key: 'interview' } },
            },
            {
              target: 'rejected',
              actions: [
                { type: 'recordScore', params: { key: 'interview' } },
                { type: 'rejectBelowGrade', params: { key: 'interview', stage: 'interview' } },
              ],
            },
          ],
          ...(v3 ? correctWhileOpen('writtenTest', 'interview') : {}),
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
          // Before signing a mistyped score can still be corrected; after it, the PKS stands.
          ...(v3 ? correctWhileOpen('writtenTest', 'agreementSigning') : {}),
          ...(v3 ? correctWhileOpen('interview', 'agreementSigning') : {}),
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
      active: {},
      // Not `final`: from v3 a supervisor's correction reopens them.
      rejected: {
        on: v3
          ? {
              ...reopen,
              CORRECT_WRITTEN_TEST_SCORE: [
                {
                  guard: { type: 'rejectedForScoreAndNowPasses', params: { key: 'writtenTest' } },
                  target: 'interview',
                  actions: [{ type: 'correctScore', params: { key: 'writtenTest' } }, { type: 'clearOutcome' }],
                },
                {
                  guard: { type: 'rejectedForScore', params: { key: 'writtenTest' } },
                  actions: { type: 'correctScore', params: { key: 'writtenTest' } },
                },
              ],
              CORRECT_INTERVIEW_SCORE: [
                {
                  guard: { type: 'rejectedForScoreAndNowPasses', params: { key: 'interview' } },
                  target: 'agreementSigning',
                  actions: [{ type: 'correctScore', params: { key: 'interview' } }, { type: 'clearOutcome' }],
                },
                {
                  guard: { type: 'rejectedForScore', params: { key: 'interview' } },
                  actions: { type: 'correctScore', params: { key: 'interview' } },
                },
              ],
            }
          : {},
      },
      withdrawn: { on: v3 ? { ...reopen } : {} },
    },
  });
}

export const recruitmentMachine = buildRecruitmentMachine(RECRUITMENT_MACHINE_VERSION);
