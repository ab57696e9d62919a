import { z } from 'zod';
import { isoDate } from '../recruitment/events';
import { type FieldMessage, fieldMsg, issueFields } from '../text/catalogue';
import { RESIGNATION_REASONS, TERMINATION_REASONS } from './reasons';

/**
 * One zod schema per contract event payload, as for recruitment: the server validates with them
 * and the admin UI builds its forms from them. EVALUATION_DUE and AGREEMENT_ENDED come from the
 * scheduler, not from a form. A field marked `.meta({ filledBy: 'server' })` is not typed by a
 * person: the server fills it (DECIDE_RENEWAL's `recommendation`, from the scorecard) so that a
 * replay of the recorded event is deterministic.
 */
const note = z.string().trim().max(1000, 'NOTE_TOO_LONG').meta({ kind: 'textarea' });

export const RENEWAL_DECISIONS = ['renew', 'drop'] as const;
export type RenewalChoice = (typeof RENEWAL_DECISIONS)[number];

/** A written reason: required (at least this many characters) for a drop and for a renewal against a drop recommendation. */
export const DECISION_REASON_MIN_LENGTH = 5;

const exitWith = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .object({ date: isoDate, reasonCode: z.enum(codes), note: note.optional().default('') })
    .refine((r) => r.reasonCode !== 'OTHER' || r.note.length > 0, {
      message: 'OTHER_REASON_NEEDS_NOTE',
      path: ['note'],
    });

export const contractEventSchemas = {
  EVALUATION_DUE: z.object({}),
  // Whether the reason is long enough depends on the decision and the recommendation together:
  // the machine's guard judges it, and the refusal explains it (explainContractRefusal).
  DECIDE_RENEWAL: z.object({
    decision: z.enum(RENEWAL_DECISIONS, { error: 'DECISION_CHOOSE' }),
    reason: z.string().trim().max(1000).meta({ kind: 'textarea' }).optional().default(''),
    recommendation: z.enum(RENEWAL_DECISIONS).meta({ filledBy: 'server' }),
  }),
  AGREEMENT_ENDED: z.object({}),
  // v2: a supervisor decides an agreement that lapsed without a decision, so one missed date does
  // not lose a good cadre. Late is always explained, whatever the recommendation: the reason is required.
  DECIDE_LATE: z.object({
    decision: z.enum(RENEWAL_DECISIONS, { error: 'DECISION_CHOOSE' }),
    reason: z.string().trim().min(DECISION_REASON_MIN_LENGTH, 'LATE_DECISION_REASON_SHORT').max(1000).meta({ kind: 'textarea' }),
    recommendation: z.enum(RENEWAL_DECISIONS).meta({ filledBy: 'server' }),
  }),
  RESIGN: exitWith(RESIGNATION_REASONS),
  TERMINATE: exitWith(TERMINATION_REASONS),
} as const;

export type ContractEventType = keyof typeof contractEventSchemas;
export const CONTRACT_EVENT_TYPES = Object.keys(contractEventSchemas) as ContractEventType[];

type Out<K extends ContractEventType> = z.output<(typeof contractEventSchemas)[K]>;
// z.object({}) infers Record<string, never>, which would forbid the `type` key beside it.
type Payload<K extends ContractEventType> = string extends keyof Out<K> ? unknown : Out<K>;
export type ContractEvent = { [K in ContractEventType]: { type: K } & Payload<K> }[ContractEventType];

export type ParsedContractEvent = { ok: true; event: ContractEvent } | { ok: false; fields: FieldMessage[] };

/** Validates `{ type, ...payload }` against the event's schema; paths are dotted (`reason`, `note`). */
export function parseContractEvent(raw: unknown): ParsedContractEvent {
  if (typeof raw !== 'object' || raw === null || !('type' in raw) || typeof raw.type !== 'string') {
    return { ok: false, fields: [fieldMsg('type', 'EVENT_TYPE_REQUIRED')] };
  }
  const type = raw.type;
  if (!Object.hasOwn(contractEventSchemas, type)) {
    return { ok: false, fields: [fieldMsg('type', 'EVENT_TYPE_UNKNOWN', { type })] };
  }
  const { type: _t, ...payload } = raw as Record<string, unknown>;
  const parsed = contractEventSchemas[type as ContractEventType].safeParse(payload);
  if (!parsed.success) return { ok: false, fields: issueFields(parsed.error.issues) };
  return { ok: true, event: { type, ...parsed.data } as ContractEvent };
}
