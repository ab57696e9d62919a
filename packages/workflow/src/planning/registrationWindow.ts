/**
 * A period's registration window: the first and last calendar day (in the branch's zone) on which
 * candidates are registered into it. A campaign may be announced late in the year before; it closes
 * within its own year, since its agreements start in that year. Head office sets and extends it
 * (`periods.setRegistrationWindow`); `candidates.register` asks `registrationRefusal`.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar';
import { type FieldMessage, fieldMsg, type Message, msg } from '../text/catalogue';

export type RegistrationWindow = { opensOn: string; closesOn: string };

/** The whole year: what periods opened before registration windows migrated to (migration 0014). */
export function yearWindow(year: number): RegistrationWindow {
  const y = String(year).padStart(4, '0');
  return { opensOn: `${y}-01-01`, closesOn: `${y}-12-31` };
}

/** The earliest day a period of `year` may open: 1 July of the year before. */
export function earliestOpening(year: number): string {
  return `${String(year - 1).padStart(4, '0')}-07-01`;
}

/**
 * A new period's window until head office sets one: as wide as allowed (from 1 July of the year
 * before to the end of its year), so a period opened for next year takes registrations at once,
 * as before windows existed. `db` `insertPeriod` writes the same default.
 */
export function defaultWindow(year: number): RegistrationWindow {
  return { opensOn: earliestOpening(year), closesOn: yearWindow(year).closesOn };
}

const isoDate = z
  .string({ error: 'FIELD_REQUIRED' })
  .trim()
  .min(1, { error: 'FIELD_REQUIRED', abort: true })
  .refine(isIsoDate, 'DATE_INVALID');

/**
 * What is wrong with a window for a period of `year`, each on its field (empty: it fits): it opens
 * no earlier than `earliestOpening`, closes within its year, and does not close before it opens.
 */
export function windowProblems(year: number, w: RegistrationWindow): FieldMessage[] {
  const problems: FieldMessage[] = [];
  const from = earliestOpening(year);
  if (w.opensOn < from) problems.push(fieldMsg('opensOn', 'REGISTRATION_OPENS_FROM', { from, year }));
  const last = yearWindow(year).closesOn;
  if (w.closesOn > last || w.closesOn.slice(0, 4) !== last.slice(0, 4)) {
    problems.push(fieldMsg('closesOn', 'REGISTRATION_CLOSES_IN_YEAR', { year }));
  } else if (w.closesOn < w.opensOn) {
    problems.push(fieldMsg('closesOn', 'REGISTRATION_CLOSES_BEFORE_OPENING', { opensOn: w.opensOn }));
  }
  return problems;
}

/**
 * `periods.setRegistrationWindow`: both dates, the period's year (so the form and the server check
 * the same bounds without a read), and the revision seen. The server also checks `year` is the
 * period's own.
 */
export const setRegistrationWindowSchema = z
  .object({
    periodId: z.number().int().positive(),
    revision: z.number().int().min(1),
    year: z.number().int(),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.opensOn) || !isIsoDate(v.closesOn)) return;
    for (const p of windowProblems(v.year, v)) {
      ctx.addIssue({ code: 'custom', path: [p.path], message: p.reason, params: p.params });
    }
  });
export type SetRegistrationWindowInput = z.output<typeof setRegistrationWindowSchema>;

/** Why a registration on `today` (the branch's date) is refused, naming the window; null inside it. */
export function registrationRefusal(w: RegistrationWindow, today: string, year: number): Message | null {
  if (today < w.opensOn) return msg('REGISTRATION_NOT_OPEN', { year, opensOn: w.opensOn, closesOn: w.closesOn });
  if (today > w.closesOn) return msg('REGISTRATION_CLOSED', { year, opensOn: w.opensOn, closesOn: w.closesOn });
  return null;
}
