/**
 * The server's errors: a TRPCClientError whose `data.kader` is
 * `{ code, reason, params, message, fields?, allowedEvents?, machine? }` (docs/api-contract.md).
 * `reason` + `params` name a message of the shared catalogue, which the UI renders in the user's
 * language; `message` is the server's Indonesian sentence, shown only when this build does not know
 * the id. Read defensively: a network failure or a bug has no `kader` part.
 */
import type { Params } from '@kader/workflow';

export type KaderErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'QUOTA_EXCEEDED'
  | 'VALIDATION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_REQUESTS';

/** A message from the server: render it with `tmsg`. */
export type ServerMessage = { reason: string; params: Params; message: string };

export type KaderError = ServerMessage & {
  code: KaderErrorCode | (string & {});
  fields: (ServerMessage & { path: string })[];
  allowedEvents: string[] | null;
  machine: 'recruitment' | 'contract';
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function serverMessage(v: Record<string, unknown>): ServerMessage {
  return {
    reason: typeof v.reason === 'string' ? v.reason : '',
    params: isRecord(v.params) ? (v.params as Params) : {},
    message: typeof v.message === 'string' ? v.message : '',
  };
}

export function kaderError(err: unknown): KaderError | null {
  if (!isRecord(err) || !isRecord(err.data) || !isRecord(err.data.kader)) return null;
  const k = err.data.kader;
  const fields = Array.isArray(k.fields)
    ? k.fields.filter(isRecord).map((f) => ({ path: String(f.path ?? ''), ...serverMessage(f) }))
    : [];
  return {
    code: typeof k.code === 'string' ? k.code : 'UNKNOWN',
    ...serverMessage(k),
    fields,
    allowedEvents: Array.isArray(k.allowedEvents) ? k.allowedEvents.map(String) : null,
    machine: k.machine === 'contract' ? 'contract' : 'recruitment',
  };
}

/** tRPC's own code (`NOT_FOUND`, `BAD_REQUEST`, …) when there is no `kader` part. */
export function trpcCode(err: unknown): string | null {
  if (!isRecord(err) || !isRecord(err.data)) return null;
  return typeof err.data.code === 'string' ? err.data.code : null;
}

/** Field messages keyed by path, with a prefix (`event.`) stripped; the first per path wins. */
export function fieldErrors(err: KaderError | null, stripPrefix = ''): Record<string, ServerMessage> {
  const out: Record<string, ServerMessage> = {};
  for (const f of err?.fields ?? []) {
    const path = stripPrefix && f.path.startsWith(stripPrefix) ? f.path.slice(stripPrefix.length) : f.path;
    if (!(path in out)) out[path] = f;
  }
  return out;
}
