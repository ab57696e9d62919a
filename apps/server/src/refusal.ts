import type http from 'node:http';

/**
 * Refusals the HTTP layer makes before tRPC runs, in the shape tRPC's own errors have
 * (`{ error: { message, code, data: { code, httpStatus, kader } } }`): the admin UI shows
 * `data.kader.message` whichever layer refused, and a batch link hands the one error to every call.
 */
const CODES = {
  400: { trpc: 'BAD_REQUEST', rpc: -32600, kader: 'VALIDATION' },
  403: { trpc: 'FORBIDDEN', rpc: -32003, kader: 'FORBIDDEN' },
  404: { trpc: 'NOT_FOUND', rpc: -32004, kader: 'NOT_FOUND' },
  405: { trpc: 'METHOD_NOT_SUPPORTED', rpc: -32005, kader: 'VALIDATION' },
  413: { trpc: 'PAYLOAD_TOO_LARGE', rpc: -32013, kader: 'VALIDATION' },
} as const;

export type RefusalStatus = keyof typeof CODES;

export function refusalBody(status: RefusalStatus, message: string) {
  const c = CODES[status];
  return { error: { message, code: c.rpc, data: { code: c.trpc, httpStatus: status, kader: { code: c.kader, message } } } };
}

export function sendRefusal(
  res: http.ServerResponse,
  status: RefusalStatus,
  message: string,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(refusalBody(status, message));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
