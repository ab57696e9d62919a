import { z } from 'zod';
import { isIsoDate } from '../calendar';
import { documentCodeSchema, REJECTION_REASONS, WITHDRAWAL_REASONS } from './rules';

/**
 * One zod schema per event payload. The server validates with them; the admin UI builds its forms
 * from them (field kinds come from the schema: enum -> select, number -> number input,
 * `isoDate` -> date picker, `clockTime` -> time picker, long text -> textarea).
 */
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Tanggal harus berformat YYYY-MM-DD dan ada di kalender' })
  .meta({ kind: 'date' });

export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Waktu harus berformat JJ:MM (00:00-23:59)')
  .meta({ kind: 'time' });

const note = z.string().trim().max(1000, 'Catatan paling panjang 1000 karakter').meta({ kind: 'textarea' });

/** 0-100 with at most one decimal (72.5 yes, 72.55 no). */
export const score = z
  .number({ message: 'Nilai harus berupa angka' })
  .min(0, 'Nilai paling kecil 0')
  .max(100, 'Nilai paling besar 100')
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, { message: 'Nilai paling banyak satu angka desimal' });

const correctionReason = z
  .string({ message: 'Alasan koreksi wajib diisi' })
  .trim()
  .min(5, 'Alasan koreksi wajib diisi (paling sedikit 5 karakter)')
  .max(1000)
  .meta({ kind: 'textarea' });

const schedule = z.object({
  date: isoDate,
  time: clockTime,
  place: z.string().trim().min(2, 'Tempat wajib diisi').max(200),
});

const reason = <T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .object({ reasonCode: z.enum(codes), note: note.optional().default('') })
    .refine((r) => r.reasonCode !== 'OTHER' || r.note.length > 0, {
      message: 'Alasan "lainnya" wajib diberi catatan',
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
      agreementNumber: z.string().trim().min(3, 'Nomor PKS wajib diisi').max(100),
      signedOn: isoDate,
      startDate: isoDate,
    })
    // Compared only when both are real dates: a bad date already has its own message.
    .refine((a) => !isIsoDate(a.signedOn) || !isIsoDate(a.startDate) || a.startDate >= a.signedOn, {
      message: 'Tanggal mulai tidak boleh sebelum tanggal tanda tangan',
      path: ['startDate'],
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

export type ParsedEvent = { ok: true; event: RecruitmentEvent } | { ok: false; fields: { path: string; message: string }[] };

/** Validates `{ type, ...payload }` against the event's schema; paths are dotted (`score`, `note`). */
export function parseRecruitmentEvent(raw: unknown): ParsedEvent {
  if (typeof raw !== 'object' || raw === null || !('type' in raw) || typeof raw.type !== 'string') {
    return { ok: false, fields: [{ path: 'type', message: 'Jenis aksi wajib diisi' }] };
  }
  const type = raw.type;
  // Own keys only: `in` also finds `toString`, `constructor`, `__proto__` … on Object.prototype.
  if (!Object.hasOwn(recruitmentEventSchemas, type)) {
    return { ok: false, fields: [{ path: 'type', message: `Aksi tidak dikenal: ${type}` }] };
  }
  const { type: _t, ...payload } = raw as Record<string, unknown>;
  const schema = recruitmentEventSchemas[type as RecruitmentEventType];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      fields: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  return { ok: true, event: { type, ...parsed.data } as RecruitmentEvent };
}
