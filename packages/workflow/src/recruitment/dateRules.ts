import { addDays, agreementEndDate, isIsoDate } from '../calendar';
import { type FieldMessage, type Message, msg } from '../text/catalogue';
import type { RecruitmentEventType } from './events';

/**
 * The dates an event may carry, against the branch's today and what the application already holds.
 * Checked by the service (not by a machine guard), so a replay of recorded events never depends
 * on the day it runs; the admin form can draw the same limits as min/max of its date inputs.
 */
export type DateFacts = {
  /** the branch's today (`dateInZone`) */
  today: string;
  /** the application's registration date (machine context `registeredOn`) */
  registeredOn: string;
  /** the recruitment period's year: the agreement it leads to starts in that year */
  periodYear: number;
  /** the agreement's signing date once signed (machine context `agreement.signedOn`) */
  signedOn: string | null;
};

/** A limit and what is said when a date passes it (the message names the limiting date). */
export type DateBound = { date: string; message: Message };
export type DateLimits = { min?: DateBound; max?: DateBound };

type DateMessageId =
  | 'SCHEDULE_BEFORE_REGISTRATION'
  | 'SCHEDULE_TOO_FAR'
  | 'SIGNED_BEFORE_REGISTRATION'
  | 'SIGNED_AFTER_TODAY'
  | 'START_BEFORE_SIGNING'
  | 'DEBRIEFED_BEFORE_SIGNING'
  | 'DEBRIEFED_AFTER_TODAY';

function bound(id: DateMessageId, date: string): DateBound {
  return { date, message: msg(id, { date }) };
}

/** The later of two lower bounds: its message is the one that explains the refusal. */
function later(a: DateBound, b: DateBound | undefined): DateBound {
  return b && b.date > a.date ? b : a;
}

/** The same day a year on (29 Feb -> 1 Mar): the furthest a test or an interview is planned. */
function oneYearAfter(date: string): string {
  return addDays(agreementEndDate(date), 1);
}

function scheduleLimits(f: DateFacts): Record<string, DateLimits> {
  return {
    date: {
      min: bound('SCHEDULE_BEFORE_REGISTRATION', f.registeredOn),
      max: bound('SCHEDULE_TOO_FAR', oneYearAfter(f.today)),
    },
  };
}

/**
 * The limits of each dated field of an event; an event without a date has none. `values` is the
 * event's own payload: the start date may not be before the signing date entered beside it.
 */
export function eventDateLimits(
  type: RecruitmentEventType,
  f: DateFacts,
  values: Record<string, unknown> = {},
): Record<string, DateLimits> {
  switch (type) {
    case 'SCHEDULE_WRITTEN_TEST':
    case 'SCHEDULE_INTERVIEW':
      return scheduleLimits(f);
    case 'SIGN_AGREEMENT': {
      const yearStart = `${f.periodYear}-01-01`;
      const yearEnd = `${f.periodYear}-12-31`;
      const inYear = msg('START_OUTSIDE_PERIOD_YEAR', { year: f.periodYear, from: yearStart, to: yearEnd });
      const signedOn = typeof values.signedOn === 'string' && isIsoDate(values.signedOn) ? values.signedOn : null;
      return {
        signedOn: {
          // A signature is recorded after it happened, and only on an application that existed.
          min: bound('SIGNED_BEFORE_REGISTRATION', f.registeredOn),
          max: bound('SIGNED_AFTER_TODAY', f.today),
        },
        startDate: {
          min: later({ date: yearStart, message: inYear }, signedOn ? bound('START_BEFORE_SIGNING', signedOn) : undefined),
          max: { date: yearEnd, message: inYear },
        },
      };
    }
    case 'COMPLETE_DEBRIEFING':
      return {
        debriefedOn: {
          ...(f.signedOn ? { min: bound('DEBRIEFED_BEFORE_SIGNING', f.signedOn) } : {}),
          max: bound('DEBRIEFED_AFTER_TODAY', f.today),
        },
      };
    default:
      return {};
  }
}

/** Each dated field of the event outside its limits, named by its payload path (`signedOn`). */
export function checkEventDates(
  event: { type: RecruitmentEventType } & Record<string, unknown>,
  facts: DateFacts,
): FieldMessage[] {
  const issues: FieldMessage[] = [];
  for (const [path, limits] of Object.entries(eventDateLimits(event.type, facts, event))) {
    const value = event[path];
    if (typeof value !== 'string') continue;
    if (limits.min && value < limits.min.date) issues.push({ path, ...limits.min.message });
    else if (limits.max && value > limits.max.date) issues.push({ path, ...limits.max.message });
  }
  return issues;
}
