/**
 * The monthly report form: its fields come from `monthlyRecordSchema` (@kader/workflow), the same
 * schema the server validates with; collections are a repeating group of {lama tunggakan (bulan),
 * jumlah (Rp)} whose amounts accept `1.250.000`. Pure; tested in test/monthForm.test.ts.
 */
import {
  DEFAULT_FAMILIES_ASSIGNED,
  type Message,
  monthlyRecordSchema,
  type MonthlyRecord,
  type MonthlyRecordInput,
} from '@kader/workflow';
import {
  fieldsFromSchema,
  parseNumberInput,
  validatePayload,
  valuesToPayload,
  type FormField,
  type FormValues,
} from '../forms/schemaFields';
import { addMonth, agreementMonths } from './chart';
import { formatRupiahInput, parseRupiahInput } from './rupiah';

const ALL_FIELDS: FormField[] = fieldsFromSchema(monthlyRecordSchema);
/** The single-value fields, in the schema's order (month, families, visits, report date, meetings). */
export const MONTH_FIELDS: FormField[] = ALL_FIELDS.filter((f) => f.kind !== 'list');
/** The repeating group's item fields: `arrearsMonths`, `amount`. */
export const COLLECTION_FIELDS: FormField[] = ALL_FIELDS.find((f) => f.name === 'collections')?.items ?? [];
/** Item fields typed as rupiah (`1.250.000`), not as plain numbers. */
export const RUPIAH_FIELDS = new Set(['amount']);

export type CollectionValues = { arrearsMonths: string; amount: string };
export type MonthFormValues = { fields: FormValues; collections: CollectionValues[] };

export const emptyCollection = (): CollectionValues => ({ arrearsMonths: '', amount: '' });

/** A new month: the given month, the contract's families assigned, the rest empty. */
export function newMonthValues(month: string, familiesAssigned: number = DEFAULT_FAMILIES_ASSIGNED): MonthFormValues {
  return {
    fields: { month, familiesAssigned: String(familiesAssigned) },
    collections: [emptyCollection()],
  };
}

/** A recorded month, to edit: every value as the inputs show it. */
export function monthValuesFromRecord(record: MonthlyRecord): MonthFormValues {
  return {
    fields: {
      month: record.month,
      familiesAssigned: String(record.familiesAssigned),
      familiesVisited: String(record.familiesVisited),
      visits: String(record.visits),
      reportDeliveredOn: record.reportDeliveredOn ?? '',
      meetingsHeld: String(record.meetingsHeld),
      meetingsAttended: String(record.meetingsAttended),
    },
    collections: record.collections.map((c) => ({
      arrearsMonths: String(c.arrearsMonths),
      amount: formatRupiahInput(c.amount),
    })),
  };
}

function isBlank(c: CollectionValues): boolean {
  return c.arrearsMonths.trim() === '' && c.amount.trim() === '';
}

/**
 * What the inputs hold → the record to send: numbers parsed, `1.250.000` read as rupiah, an empty
 * optional field left out (its default applies), a wholly empty collection row dropped.
 */
export function monthPayload(values: MonthFormValues): MonthlyRecordInput & Record<string, unknown> {
  const payload = valuesToPayload(MONTH_FIELDS, values.fields) as Record<string, unknown>;
  payload.collections = values.collections
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => !isBlank(c))
    .map(({ c }) => {
      const item: Record<string, unknown> = {};
      for (const f of COLLECTION_FIELDS) {
        const raw = c[f.name as keyof CollectionValues] ?? '';
        const n = RUPIAH_FIELDS.has(f.name) ? parseRupiahInput(raw) : parseNumberInput(raw);
        if (n !== undefined) item[f.name] = n;
      }
      return item;
    });
  return payload as MonthlyRecordInput & Record<string, unknown>;
}

/**
 * Positions of the rows actually sent, so an error on `collections.1.amount` lands on the row the
 * person sees (blank rows are dropped before sending).
 */
export function sentRowIndexes(values: MonthFormValues): number[] {
  return values.collections.flatMap((c, i) => (isBlank(c) ? [] : [i]));
}

/** A path of the sent record → the path of the form's row (`collections.1.amount` → `collections.2.amount`). */
export function formPath(path: string, values: MonthFormValues): string {
  const m = /^collections\.(\d+)(\..*)?$/.exec(path);
  if (!m) return path;
  const shown = sentRowIndexes(values)[Number(m[1])];
  return shown === undefined ? path : `collections.${shown}${m[2] ?? ''}`;
}

/** A field's problem: the catalogue message (render it with `tmsg`), and whether the field was left empty. */
export type MonthProblem = { message: Message; missing: boolean };
export type MonthCheck =
  | { ok: true; record: MonthlyRecordInput & Record<string, unknown> }
  | { ok: false; errors: Record<string, MonthProblem> };

/** Checks the form with the schema the server uses; errors keyed by the form's paths. */
export function checkMonth(values: MonthFormValues): MonthCheck {
  const payload = monthPayload(values);
  const result = validatePayload(monthlyRecordSchema, payload);
  if (result.ok) return { ok: true, record: payload };
  const errors: Record<string, MonthProblem> = {};
  for (const issue of result.issues) {
    const path = formPath(issue.path, values);
    if (!(path in errors)) errors[path] = { message: issue.message, missing: issue.missing };
  }
  return { ok: false, errors };
}

/**
 * The month a new report is most likely for: the one after the latest recorded, else the
 * agreement's first month; never past the agreement's last month (then the first unreported one).
 */
export function suggestedMonth(startDate: string, endDate: string, reported: readonly string[]): string {
  const all = agreementMonths(startDate, endDate);
  if (all.length === 0) return startDate.slice(0, 7);
  const done = new Set(reported);
  const latest = [...reported].sort().at(-1);
  if (latest) {
    const next = addMonth(latest);
    if (all.includes(next) && !done.has(next)) return next;
  }
  return all.find((m) => !done.has(m)) ?? all[all.length - 1]!;
}
