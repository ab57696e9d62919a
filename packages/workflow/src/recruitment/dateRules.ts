import { addDays, agreementEndDate, isIsoDate } from '../calendar';
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

export type DateBound = { date: string; message: string };
export type DateLimits = { min?: DateBound; max?: DateBound };

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** `22 Nov 2026`, the date as ux.md writes it in a sentence. */
function shown(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${SHORT_MONTHS[Number(m) - 1]} ${y}`;
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
      min: {
        date: f.registeredOn,
        message: `Tanggal jadwal tidak boleh sebelum tanggal pendaftaran (${shown(f.registeredOn)}).`,
      },
      max: {
        date: oneYearAfter(f.today),
        message: `Tanggal jadwal paling lambat satu tahun dari hari ini (${shown(oneYearAfter(f.today))}).`,
      },
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
      const inYear = `Tanggal mulai harus dalam tahun periode ${f.periodYear} (${shown(yearStart)} – ${shown(yearEnd)}).`;
      const signedOn = typeof values.signedOn === 'string' && isIsoDate(values.signedOn) ? values.signedOn : null;
      return {
        signedOn: {
          // A signature is recorded after it happened, and only on an application that existed.
          min: {
            date: f.registeredOn,
            message: `Tanggal tanda tangan tidak boleh sebelum tanggal pendaftaran (${shown(f.registeredOn)}).`,
          },
          max: { date: f.today, message: `Tanggal tanda tangan tidak boleh setelah hari ini (${shown(f.today)}).` },
        },
        startDate: {
          min: later(
            { date: yearStart, message: inYear },
            signedOn
              ? { date: signedOn, message: `Tanggal mulai tidak boleh sebelum tanggal tanda tangan (${shown(signedOn)}).` }
              : undefined,
          ),
          max: { date: yearEnd, message: inYear },
        },
      };
    }
    case 'COMPLETE_DEBRIEFING':
      return {
        debriefedOn: {
          ...(f.signedOn
            ? {
                min: {
                  date: f.signedOn,
                  message: `Tanggal pembekalan tidak boleh sebelum tanggal tanda tangan PKS (${shown(f.signedOn)}).`,
                },
              }
            : {}),
          max: { date: f.today, message: `Tanggal pembekalan tidak boleh setelah hari ini (${shown(f.today)}).` },
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
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const [path, limits] of Object.entries(eventDateLimits(event.type, facts, event))) {
    const value = event[path];
    if (typeof value !== 'string') continue;
    if (limits.min && value < limits.min.date) issues.push({ path, message: limits.min.message });
    else if (limits.max && value > limits.max.date) issues.push({ path, message: limits.max.message });
  }
  return issues;
}
