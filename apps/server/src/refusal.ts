import type http from 'node:http';
import { type Message, render } from '@kader/workflow';

/**
 * Refusals the HTTP layer makes before tRPC runs, in the shape tRPC's own errors have
 * (`{ error: { message, code, data: { code, httpStatus, kader } } }`), with the message as
 * @kader/api states it: `kader` holds `{ code, reason, params, message }`, the admin UI renders
 * `reason` + `params` in the user's language whichever layer refused, API clients read the
 * Indonesian `message`, and a batch link hands the one error to every call.
 */
const CODES = {
  400: { trpc: 'BAD_REQUEST', rpc: -32600, kader: 'VALIDATION' },
  403: { trpc: 'FORBIDDEN', rpc: -32003, kader: 'FORBIDDEN' },
  404: { trpc: 'NOT_FOUND', rpc: -32004, kader: 'NOT_FOUND' },
  405: { trpc: 'METHOD_NOT_SUPPORTED', rpc: -32005, kader: 'VALIDATION' },
  413: { trpc: 'PAYLOAD_TOO_LARGE', rpc: -32013, kader: 'VALIDATION' },
  500: { trpc: 'INTERNAL_SERVER_ERROR', rpc: -32603, kader: 'INTERNAL' },
} as const;

export type RefusalStatus = keyof typeof CODES;

export function refusalBody(status: RefusalStatus, message: Message) {
  const c = CODES[status];
  const sentence = render('id', message);
  return {
    error: {
      message: sentence,
      code: c.rpc,
      data: {
        code: c.trpc,
        httpStatus: status,
        kader: { code: c.kader, reason: message.reason, params: message.params, message: sentence },
      },
    },
  };
}

export function sendRefusal(
  res: http.ServerResponse,
  status: RefusalStatus,
  message: Message,
  headers: Record<string, string> = {},
) {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, status, refusalBody(status, message));
}

/** A JSON answer in one write with its length, never cached: refusals, the health check, export refusals. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
