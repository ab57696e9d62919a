/** Calendar-day arithmetic on `YYYY-MM-DD` (no time zones: the dates are the branch's). Pure. */
import { dayNumber } from '@kader/workflow';

/** Whole days from `today` to `date`: 0 on the day, negative once it has passed; NaN if not a date. */
export function daysUntil(date: string, today: string): number {
  return Math.round(dayNumber(date) - dayNumber(today));
}

/** How urgent an end date is for the renewal queue. */
export function urgency(daysLeft: number): 'past' | 'soon' | 'near' | 'later' {
  if (daysLeft < 0) return 'past';
  if (daysLeft <= 14) return 'soon';
  if (daysLeft <= 30) return 'near';
  return 'later';
}
