/**
 * Event forms are generated from the event's zod schema (`recruitmentEventSchemas[type]`): the
 * fields, their kinds and the validation all come from the schema the server validates with.
 * Pure functions, no React: tested in test/schemaFields.test.ts.
 */
import { issueMessage, type Message } from '@kader/workflow';
import type { z } from 'zod';

export type FieldKind = 'select' | 'number' | 'date' | 'time' | 'month' | 'textarea' | 'text' | 'checkbox' | 'list';

export type FormField = {
  /** dotted path in the payload: `score`, `reasonCode` */
  name: string;
  kind: FieldKind;
  required: boolean;
  /** select: the enum's values, in the schema's order */
  options?: string[];
  /** number */
  min?: number;
  max?: number;
  step?: number;
  /** text / textarea */
  maxLength?: number;
  /** list (an array of objects, e.g. a month's collections): the fields of one item, names relative to it */
  items?: FormField[];
};

export type AnySchema = z.ZodType;
type Def = {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string | number>;
  values?: unknown[];
  element?: AnySchema;
};

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The metadata registered with `.meta()` (zod's global registry), on this layer. */
function metaOf(schema: AnySchema): Record<string, unknown> | undefined {
  const meta = (schema as unknown as { meta?: () => unknown }).meta;
  if (typeof meta !== 'function') return undefined;
  const m = meta.call(schema);
  return typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : undefined;
}

/**
 * Peels optional/default/nullable/pipe layers off a schema. `required` is false when any layer
 * lets the value be left out; `kind` is the first `.meta({ kind })` found on the way in.
 */
export function unwrap(schema: AnySchema): { core: AnySchema; required: boolean; metaKind?: string } {
  let current = schema;
  let required = true;
  let metaKind: string | undefined;
  for (let i = 0; i < 20; i++) {
    const k = metaOf(current)?.kind;
    if (metaKind === undefined && typeof k === 'string') metaKind = k;
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') required = false;
    if (WRAPPERS.has(def.type) && def.innerType) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      break;
    }
  }
  return metaKind === undefined ? { core: current, required } : { core: current, required, metaKind };
}

const META_KINDS: Record<string, FieldKind> = { date: 'date', time: 'time', month: 'month', textarea: 'textarea', text: 'text' };

function fieldFor(name: string, schema: AnySchema): FormField[] {
  const { core, required, metaKind } = unwrap(schema);
  const def = defOf(core);
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => fieldFor(name ? `${name}.${key}` : key, child));
  }
  if (def.type === 'enum' && def.entries) {
    return [{ name, kind: 'select', required, options: Object.values(def.entries).map(String) }];
  }
  if (def.type === 'literal' && def.values) {
    return [{ name, kind: 'select', required, options: def.values.map(String) }];
  }
  if (def.type === 'boolean') return [{ name, kind: 'checkbox', required: false }];
  if (def.type === 'array' && def.element) {
    // a repeating group: the form shows one row of `items` per element (the caller builds the array)
    return [{ name, kind: 'list', required, items: fieldFor('', def.element) }];
  }
  if (def.type === 'number') {
    const n = core as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
    const field: FormField = { name, kind: 'number', required, step: n.isInt ? 1 : 0.1 };
    if (typeof n.minValue === 'number' && Number.isFinite(n.minValue)) field.min = n.minValue;
    if (typeof n.maxValue === 'number' && Number.isFinite(n.maxValue)) field.max = n.maxValue;
    return [field];
  }
  const kind: FieldKind = (metaKind && META_KINDS[metaKind]) || 'text';
  const field: FormField = { name, kind, required };
  if (def.type === 'string') {
    const s = core as unknown as { maxLength: number | null };
    if (typeof s.maxLength === 'number') field.maxLength = s.maxLength;
  }
  return [field];
}

/** The form fields of an object schema, in the order of its shape. An empty object → no fields. */
export function fieldsFromSchema(schema: AnySchema): FormField[] {
  const { core } = unwrap(schema);
  if (defOf(core).type !== 'object') throw new Error('an event schema must be an object');
  return fieldFor('', core);
}

export type FormValues = Record<string, string | boolean>;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let obj = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof obj[key] !== 'object' || obj[key] === null) obj[key] = {};
    obj = obj[key] as Record<string, unknown>;
  }
  obj[keys[keys.length - 1]!] = value;
}

/** `"72,5"` and `"72.5"` → 72.5; empty → undefined; not a number → NaN (the schema says why). */
export function parseNumberInput(raw: string): number | undefined {
  const s = raw.trim().replace(',', '.');
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * What the inputs hold (strings) → the payload the schema parses: numbers parsed, empty optional
 * fields left out (so their defaults apply), empty selects left out (so the schema says "required").
 */
export function valuesToPayload(fields: FormField[], values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.kind === 'list') continue; // repeating groups are the caller's: they are not one string
    if (f.kind === 'checkbox') {
      setPath(payload, f.name, raw === true);
      continue;
    }
    const s = typeof raw === 'string' ? raw : '';
    if (f.kind === 'number') {
      const n = parseNumberInput(s);
      if (n !== undefined) setPath(payload, f.name, n);
      continue;
    }
    if (s === '' && (!f.required || f.kind === 'select')) continue;
    setPath(payload, f.name, s);
  }
  return payload;
}

/** A problem with one field: the catalogue message (render it with `tmsg`), and whether the field was left empty. */
export type FieldIssue = { path: string; message: Message; missing: boolean };
export type Validated = { ok: true; data: Record<string, unknown> } | { ok: false; issues: FieldIssue[] };

/** Validates a payload with the same schema the server uses; issues keyed by dotted path. */
export function validatePayload(schema: AnySchema, payload: Record<string, unknown>): Validated {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, data: parsed.data as Record<string, unknown> };
  const issues = parsed.error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    let v: unknown = payload;
    for (const k of i.path)
      v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
    return { path, message: issueMessage(i), missing: v === undefined || v === '' };
  });
  return { ok: false, issues };
}

/** The first message per path. */
export function issuesByPath(issues: FieldIssue[]): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {};
  for (const i of issues) if (!(i.path in out)) out[i.path] = i;
  return out;
}
