/**
 * The server's errors: a TRPCClientError whose `data.kader` is
 * `{ code, message, fields?, allowedEvents? }` (docs/api-contract.md). Read defensively: a network
 * failure or a bug has no `kader` part.
 */
export type KaderErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'QUOTA_EXCEEDED'
  | 'VALIDATION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_REQUESTS';

export type KaderError = {
  code: KaderErrorCode | (string & {});
  message: string;
  fields: { path: string; message: string }[];
  allowedEvents: string[] | null;
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function kaderError(err: unknown): KaderError | null {
  if (!isRecord(err) || !isRecord(err.data) || !isRecord(err.data.kader)) return null;
  const k = err.data.kader;
  const fields = Array.isArray(k.fields)
    ? k.fields.filter(isRecord).map((f) => ({ path: String(f.path ?? ''), message: String(f.message ?? '') }))
    : [];
  return {
    code: typeof k.code === 'string' ? k.code : 'UNKNOWN',
    message: typeof k.message === 'string' ? k.message : '',
    fields,
    allowedEvents: Array.isArray(k.allowedEvents) ? k.allowedEvents.map(String) : null,
  };
}

/** tRPC's own code (`NOT_FOUND`, `BAD_REQUEST`, …) when there is no `kader` part. */
export function trpcCode(err: unknown): string | null {
  if (!isRecord(err) || !isRecord(err.data)) return null;
  return typeof err.data.code === 'string' ? err.data.code : null;
}

/** Field errors keyed by path, with a prefix (`event.`) stripped. */
export function fieldErrors(err: KaderError | null, stripPrefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of err?.fields ?? []) {
    const path = stripPrefix && f.path.startsWith(stripPrefix) ? f.path.slice(stripPrefix.length) : f.path;
    if (!(path in out)) out[path] = f.message;
  }
  return out;
}
