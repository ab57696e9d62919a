import { z } from 'zod';
import { isIsoDate } from '../calendar';
import { type FieldMessage, fieldMsg, issueFields } from '../text/catalogue';
import { documentCodeSchema, REJECTION_REASONS, WITHDRAWAL_REASONS } from './rules';

/**
 * One zod schema per event payload. The server validates with them; the admin UI builds its forms
 * from them (field kinds come from the schema: enum -> select, number -> number input,
 * `isoDate` -> date picker, `clockTime` -> time picker, long text -> textarea).
 */
export const isoDate = z.string().refine(isIsoDate, { message: 'DATE_INVALID' }).meta({ kind: 'date' });

export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'CLOCK_TIME_INVALID')
  .meta({ kind: 'time' });

const note = z.string().trim().max(1000, 'NOTE_TOO_LONG').meta({ kind: 'textarea' });

/** 0-100 with at most one decimal (72.5 yes, 72.55 no). */
export const score = z
  .number({ error: 'SCORE_NOT_A_NUMBER' })
  .min(0, 'SCORE_TOO_SMALL')
  .max(100, 'SCORE_TOO_BIG')
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, { message: 'SCORE_ONE_DECIMAL' });

const correctionReason = z
  .string({ error: 'CORRECTION_REASON_REQUIRED' })
  .trim()
  .min(5, 'CORRECTION_REASON_TOO_SHORT')
  .max(1000)
  .meta({ kind: 'textarea' });

const schedule = z.object({
  date: isoDate,
  time: clockTime,
  place: z.string().trim().min(2, 'PLACE_REQUIRED').max(200),
});

const reason = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .object({ reasonCode: z.enum(codes), note: note.optional().default('') })
    .refine((r) => r.reasonCode !== 'OTHER' || r.note.length > 0, {
      message: 'OTHER_REASON_NEEDS_NOTE',
      path: ['note'],
    });

export const recruitmentEventSchemas = {
  BEGIN_ADMIN_CHECK: z.object({}),
  VERIFY_DOCUMENT: z.object({ document: documentCodeSchema }),
  UNVERIFY_DOCUMENT: z.object({ document: documentCodeSchema }),
  COMPLETE_ADMIN_CHECK: z.object({}),
  SCHEDULE_WRITTEN_TEST: schedule,
  RECORD_WRITTEN_TEST_SCORE: z.object({ score, notes: note.optional().default('') }),
  SCHEDULE_INTERVIEW: schedule,
  RECORD_INTERVIEW_SCORE: z.object({ score, notes: note.optional().default('') }),
  SIGN_AGREEMENT: z
    .object({
      agreementNumber: z.string().trim().min(3, 'AGREEMENT_NUMBER_REQUIRED').max(100),
      signedOn: isoDate,
      startDate: isoDate,
    })
    // Compared only when both are real dates: a bad date already has its own message.
    .superRefine((a, ctx) => {
      if (isIsoDate(a.signedOn) && isIsoDate(a.startDate) && a.startDate < a.signedOn) {
        ctx.addIssue({ code: 'custom', message: 'START_BEFORE_SIGNING', params: { date: a.signedOn }, path: ['startDate'] });
      }
    }),
  COMPLETE_DEBRIEFING: z.object({ debriefedOn: isoDate }),
  REJECT: reason(REJECTION_REASONS),
  // Supervisors' corrections (v3): never an edit of history, always a new event with a reason.
  REOPEN: z.object({ reason: correctionReason }),
  CORRECT_WRITTEN_TEST_SCORE: z.object({ score, reason: correctionReason }),
  CORRECT_INTERVIEW_SCORE: z.object({ score, reason: correctionReason }),
  WITHDRAW: reason(WITHDRAWAL_REASONS),
} as const;

export type RecruitmentEventType = keyof typeof recruitmentEventSchemas;
export const RECRUITMENT_EVENT_TYPES = Object.keys(recruitmentEventSchemas) as RecruitmentEventType[];

type Out<K extends RecruitmentEventType> = z.output<(typeof recruitmentEventSchemas)[K]>;
// z.object({}) infers Record<string, never>, which would forbid the `type` key beside it.
type Payload<K extends RecruitmentEventType> = string extends keyof Out<K> ? unknown : Out<K>;
export type RecruitmentEvent = { [K in RecruitmentEventType]: { type: K } & Payload<K> }[RecruitmentEventType];

export type ParsedEvent = { ok: true; event: RecruitmentEvent } | { ok: false; fields: FieldMessage[] };

/** Validates `{ type, ...payload }` against the event's schema; paths are dotted (`score`, `note`). */
export function parseRecruitmentEvent(raw: unknown): ParsedEvent {
  if (typeof raw !== 'object' || raw === null || !('type' in raw) || typeof raw.type !== 'string') {
    return { ok: false, fields: [fieldMsg('type', 'EVENT_TYPE_REQUIRED')] };
  }
  const type = raw.type;
  // Own keys only: `in` also finds `toString`, `constructor`, `__proto__` … on Object.prototype.
  if (!Object.hasOwn(recruitmentEventSchemas, type)) {
    return { ok: false, fields: [fieldMsg('type', 'EVENT_TYPE_UNKNOWN', { type })] };
  }
  const { type: _t, ...payload } = raw as Record<string, unknown>;
  const schema = recruitmentEventSchemas[type as RecruitmentEventType];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, fields: issueFields(parsed.error.issues) };
  return { ok: true, event: { type, ...parsed.data } as RecruitmentEvent };
}
