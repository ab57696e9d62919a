import { assign, setup } from 'xstate';
import { z } from 'zod';
import { addDays, agreementEndDate, isIsoDate } from '../calendar';
import { isoDate } from '../recruitment/events';
import { DECISION_REASON_MIN_LENGTH, type ContractEvent, type RenewalChoice } from './events';
import { CONTRACT_REASON_CODES_VERSION } from './reasons';

/**
 * One machine per agreement year (PKS). The year runs `active`, then `evaluationDue` once the
 * evaluation date has passed, `decided` when the supervisor decided renew or drop, and at the end
 * date `renewed` or `dropped`; with no decision by then it `lapsed`. A cadre may resign and a
 * supervisor may terminate while the year is still undecided. A renewal starts a new contract
 * (a new machine) whose input names this one in `previousContractId`.
 */
export const CONTRACT_OPEN_STATES = ['active', 'evaluationDue', 'decided'] as const;
export const CONTRACT_ENDS = ['renewed', 'dropped', 'lapsed', 'resigned', 'terminated'] as const;
export const CONTRACT_STATES = [...CONTRACT_OPEN_STATES, ...CONTRACT_ENDS] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export const CONTRACT_MACHINE_ID = 'contract';
/**
 * v1: the first definition. v2: a lapsed agreement takes a supervisor's late decision
 * (`DECIDE_LATE`, with a written reason) to `renewed` or `dropped`. A later version adds a step in
 * migrations.ts and an entry in replay.ts.
 */
export const CONTRACT_MACHINE_VERSION = 2;
export type ContractMachineVersion = 1 | 2;

/** The evaluation falls due this many days before the agreement's last day, unless set otherwise. */
export const DEFAULT_EVALUATION_DAYS_BEFORE = 30;

/** The day the yearly evaluation falls due: `daysBefore` days before the agreement's end date. */
export function evaluationDueDate(endDate: string, daysBefore = DEFAULT_EVALUATION_DAYS_BEFORE): string {
  return addDays(endDate, -daysBefore);
}

export type ContractInput = {
  agreementNumber: string;
  /** `YYYY-MM-DD`, the first day of the agreement */
  startDate: string;
  /** `YYYY-MM-DD`, the last day of the agreement (one year less a day: `agreementEndDate`) */
  endDate: string;
  /** `YYYY-MM-DD`, when the scheduler sends EVALUATION_DUE */
  evaluationDueOn: string;
  /** the contract this one renews, or null for a first agreement */
  previousContractId: number | null;
};

/** The input of a contract of one year from its start date, with its end and evaluation dates computed. */
export function contractInputFor(args: {
  agreementNumber: string;
  startDate: string;
  previousContractId: number | null;
  evaluationDaysBefore?: number;
}): ContractInput {
  const endDate = agreementEndDate(args.startDate);
  return {
    agreementNumber: args.agreementNumber,
    startDate: args.startDate,
    endDate,
    evaluationDueOn: evaluationDueDate(endDate, args.evaluationDaysBefore ?? DEFAULT_EVALUATION_DAYS_BEFORE),
    previousContractId: args.previousContractId,
  };
}

/** What the server checks before starting a contract (dates compared only when each is a real date). */
export const contractInputSchema = z
  .object({
    agreementNumber: z.string().trim().min(3, 'AGREEMENT_NUMBER_REQUIRED').max(100),
    startDate: isoDate,
    endDate: isoDate,
    evaluationDueOn: isoDate,
    previousContractId: z.number().int().positive().nullable(),
  })
  .refine((c) => !isIsoDate(c.startDate) || !isIsoDate(c.endDate) || c.endDate > c.startDate, {
    message: 'CONTRACT_END_BEFORE_START',
    path: ['endDate'],
  })
  .refine(
    (c) =>
      !isIsoDate(c.startDate) ||
      !isIsoDate(c.endDate) ||
      !isIsoDate(c.evaluationDueOn) ||
      (c.evaluationDueOn >= c.startDate && c.evaluationDueOn <= c.endDate),
    { message: 'EVALUATION_OUTSIDE_AGREEMENT', path: ['evaluationDueOn'] },
  );

export type RenewalDecision = { decision: RenewalChoice; reason: string; recommendation: RenewalChoice };
export type ContractExit = {
  kind: 'resigned' | 'terminated';
  date: string;
  reasonCode: string;
  reasonCodesVersion: number;
  note: string;
};

export type ContractContext = ContractInput & {
  /** the supervisor's latest decision (a decision may be changed until the end date) */
  decision: RenewalDecision | null;
  /** an early end: resignation or termination */
  exit: ContractExit | null;
};

type Ev<T extends ContractEvent['type']> = Extract<ContractEvent, { type: T }>;
type ExitEvent = Ev<'RESIGN'> | Ev<'TERMINATE'>;

/**
 * Does a decision carry the written reason it needs? A drop always needs one; a renewal against a
 * `drop` recommendation needs a justification; a renewal with the recommendation may have none.
 */
export function decisionJustified(e: Pick<RenewalDecision, 'decision' | 'reason' | 'recommendation'>): boolean {
  const written = e.reason.trim().length >= DECISION_REASON_MIN_LENGTH;
  if (e.decision === 'drop') return written;
  return e.recommendation === 'renew' || written;
}

/** A late decision (v2) always carries a written reason: the supervisor explains why it is late. */
export function lateDecisionJustified(e: Pick<RenewalDecision, 'reason'>): boolean {
  return e.reason.trim().length >= DECISION_REASON_MIN_LENGTH;
}

/** An early end must fall inside the agreement: from its first to its last day. */
export function withinAgreement(ctx: Pick<ContractInput, 'startDate' | 'endDate'>, date: string): boolean {
  return date >= ctx.startDate && date <= ctx.endDate;
}

/** RESIGN and TERMINATE are open while the year is undecided (active or evaluationDue). */
const exits = {
  RESIGN: {
    guard: 'exitDateWithinAgreement' as const,
    target: 'resigned' as const,
    actions: { type: 'exit' as const, params: { kind: 'resigned' as const } },
  },
  TERMINATE: {
    guard: 'exitDateWithinAgreement' as const,
    target: 'terminated' as const,
    actions: { type: 'exit' as const, params: { kind: 'terminated' as const } },
  },
};

const decide = {
  DECIDE_RENEWAL: { guard: 'decisionJustified' as const, target: 'decided' as const, actions: { type: 'decide' as const } },
};

/**
 * Builds the definition of one version. Every version that ever wrote a stored snapshot stays
 * buildable, so an old event replays through the definition it was recorded under.
 */
export function buildContractMachine(version: ContractMachineVersion) {
  // v2: a lapsed agreement is decided late; under v1 it took nothing, and its replays must stay so.
  const lapsedOn =
    version >= 2
      ? {
          DECIDE_LATE: [
            {
              guard: { type: 'lateDecisionIs' as const, params: { decision: 'renew' as const } },
              target: 'renewed' as const,
              actions: { type: 'decide' as const },
            },
            {
              guard: { type: 'lateDecisionIs' as const, params: { decision: 'drop' as const } },
              target: 'dropped' as const,
              actions: { type: 'decide' as const },
            },
          ],
        }
      : {};
  return setup({
    types: {
      context: {} as ContractContext,
      events: {} as ContractEvent,
      input: {} as ContractInput,
    },
    actions: {
      decide: assign(({ event }) => {
        const e = event as Ev<'DECIDE_RENEWAL'> | Ev<'DECIDE_LATE'>;
        return { decision: { decision: e.decision, reason: e.reason, recommendation: e.recommendation } };
      }),
      exit: assign(({ event }, params: { kind: ContractExit['kind'] }) => {
        const e = event as ExitEvent;
        return {
          exit: {
            kind: params.kind,
            date: e.date,
            reasonCode: e.reasonCode,
            reasonCodesVersion: CONTRACT_REASON_CODES_VERSION,
            note: e.note,
          },
        };
      }),
    },
    guards: {
      decisionJustified: ({ event }) => decisionJustified(event as Ev<'DECIDE_RENEWAL'>),
      decisionIs: ({ context }, params: { decision: RenewalChoice }) => context.decision?.decision === params.decision,
      lateDecisionIs: ({ event }, params: { decision: RenewalChoice }) => {
        const e = event as Ev<'DECIDE_LATE'>;
        return e.decision === params.decision && lateDecisionJustified(e);
      },
      exitDateWithinAgreement: ({ context, event }) => withinAgreement(context, (event as ExitEvent).date),
    },
  }).createMachine({
    id: CONTRACT_MACHINE_ID,
    initial: 'active',
    context: ({ input }) => ({
      agreementNumber: input.agreementNumber,
      startDate: input.startDate,
      endDate: input.endDate,
      evaluationDueOn: input.evaluationDueOn,
      previousContractId: input.previousContractId,
      decision: null,
      exit: null,
    }),
    states: {
      active: {
        on: {
          EVALUATION_DUE: { target: 'evaluationDue' },
          AGREEMENT_ENDED: { target: 'lapsed' },
          ...exits,
        },
      },
      evaluationDue: {
        on: {
          ...decide,
          AGREEMENT_ENDED: { target: 'lapsed' },
          ...exits,
        },
      },
      decided: {
        on: {
          // Until the end date the supervisor may change the decision (the latest one counts).
          ...decide,
          AGREEMENT_ENDED: [
            { guard: { type: 'decisionIs', params: { decision: 'renew' } }, target: 'renewed' },
            { target: 'dropped' },
          ],
        },
      },
      // Not `final`: a later version may add corrections that reopen them (v2 did, for `lapsed`).
      renewed: {},
      dropped: {},
      lapsed: { on: lapsedOn },
      resigned: {},
      terminated: {},
    },
  });
}

export const contractMachine = buildContractMachine(CONTRACT_MACHINE_VERSION);
