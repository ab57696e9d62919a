import type { z } from 'zod';
import { issueFields } from '../src';

/** The field messages of a failed parse: `path → reason` (the first per path, as the forms show). */
export function problems(schema: z.ZodType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  const out: Record<string, string> = {};
  for (const f of r.success ? [] : issueFields(r.error.issues)) out[f.path] ??= f.reason;
  return out;
}
