/**
 * A form checked in the browser with the same schema the server parses with: the parsed input, or
 * each field's first message (a catalogue id and its parameters, shown with `tmsg`). Pure.
 */
import { type FieldMessage, issueFields, type Params } from '@kader/workflow';
import type { z } from 'zod';

/** A message to show on a field: from the browser's check or from the server's refusal. */
export type FormMessage = { reason: string; params: Params; message?: string };
export type FormMessages = Record<string, FormMessage>;
/** A form's check: the value to send, or each field's message by path. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FormMessages };

/** Field messages by path, the first per path; `mapPath` moves a path onto the form's own (or drops it: ''). */
export function messagesByPath(
  fields: readonly (FormMessage & { path: string })[],
  mapPath: (path: string) => string = (p) => p,
): FormMessages {
  const out: FormMessages = {};
  for (const f of fields) {
    const path = mapPath(f.path);
    if (!(path in out)) out[path] = f;
  }
  return out;
}

export function checkWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  mapPath?: (path: string) => string,
): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: FieldMessage[] = issueFields(parsed.error.issues);
  return { ok: false, errors: messagesByPath(fields, mapPath) };
}
