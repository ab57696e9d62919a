/**
 * The server's date rules (`eventDateLimits` in @kader/workflow), shown by an event form before it
 * sends: min/max on the date inputs, and the same message the server would answer (its limiting
 * date a parameter, rendered in the user's language). Pure, no React.
 */
import type { DateLimits } from '@kader/workflow';
import type { FieldIssue } from './schemaFields';

/** The limits of each dated field for the values entered so far (the start date follows the signing date). */
export type DateLimitsOf = (values: Record<string, unknown>) => Record<string, DateLimits>;

/** `min`/`max` attributes for each dated field's input. */
export function dateInputBounds(limits: Record<string, DateLimits>): Record<string, { min?: string; max?: string }> {
  const out: Record<string, { min?: string; max?: string }> = {};
  for (const [name, l] of Object.entries(limits)) {
    out[name] = { ...(l.min ? { min: l.min.date } : {}), ...(l.max ? { max: l.max.date } : {}) };
  }
  return out;
}

/** Each entered date outside its limits, one issue per field, as the server names it. */
export function dateLimitIssues(limits: Record<string, DateLimits>, payload: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [path, l] of Object.entries(limits)) {
    const value = payload[path];
    if (typeof value !== 'string' || value === '') continue;
    if (l.min && value < l.min.date) issues.push({ path, message: l.min.message, missing: false });
    else if (l.max && value > l.max.date) issues.push({ path, message: l.max.message, missing: false });
  }
  return issues;
}
