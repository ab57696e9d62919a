import { type FieldMessage, issueFields, type Message, msg, type Params, render, renderMessage } from '@kader/workflow';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { ZodError } from 'zod';
import { MONTHLY_IMPORT_LIMIT } from './import/monthlyCsv';

export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_REQUESTS'
  | 'QUOTA_EXCEEDED'
  | 'VALIDATION';

/** Which machine's events `allowedEvents` names (their labels differ). */
export type MachineName = 'recruitment' | 'contract';

type Details = {
  fields?: FieldMessage[];
  allowedEvents?: string[];
  machine?: MachineName;
  passwordChangeRequired?: boolean;
};

/**
 * What services throw: a category (`code`) and a message from the catalogue (`reason` + `params`),
 * with the fields it is about. The server renders the Indonesian sentence for API clients; the
 * admin renders the user's language from the id.
 */
export class DomainError extends Error {
  readonly reason: Message;
  constructor(
    readonly code: DomainErrorCode,
    reason: Message,
    readonly details: Details = {},
  ) {
    super(render('id', reason));
    this.reason = reason;
    this.name = 'DomainError';
  }
}

/** A message on the wire: the id and parameters, and the Indonesian sentence for API clients. */
export type WireMessage = { reason: string; params: Params; message: string };
/** A field message on the wire: the path, the id and parameters, and the Indonesian sentence. */
export type WireField = WireMessage & { path: string };

export function wireMessage(m: Message): WireMessage {
  return { reason: m.reason, params: m.params, message: render('id', m) };
}

export type KaderErrorData = {
  code: DomainErrorCode | 'INTERNAL';
  reason: string;
  params: Params;
  message: string;
  fields?: WireField[];
  allowedEvents?: string[];
  machine?: MachineName;
  passwordChangeRequired?: boolean;
};

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'UNPROCESSABLE_CONTENT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  QUOTA_EXCEEDED: 'PRECONDITION_FAILED',
  VALIDATION: 'BAD_REQUEST',
};

/** The fields of a failed parse, their paths under `prefix`. */
export function fieldsOf(error: ZodError, prefix = ''): FieldMessage[] {
  return issueFields(error.issues, prefix);
}

/** A failed parse as a refusal: VALIDATION, INVALID_INPUT, each field named. */
export function invalidInput(fields: FieldMessage[]): DomainError {
  return new DomainError('VALIDATION', msg('INVALID_INPUT', { count: fields.length }), { fields });
}

function isZodError(e: unknown): e is ZodError {
  return typeof e === 'object' && e !== null && Array.isArray((e as { issues?: unknown }).issues);
}

function wireField(f: FieldMessage): WireField {
  return { path: f.path, ...wireMessage(f) };
}

/** The Indonesian sentence of a refusal: its message, then the actions allowed now, if any. */
export function sentenceOf(reason: Message, details: Details): string {
  const main = render('id', reason);
  if (!details.allowedEvents) return main;
  const allowed = renderMessage('id', {
    reason: 'ALLOWED_NOW',
    params: { events: details.allowedEvents, machine: details.machine ?? 'recruitment' },
  });
  return `${main} ${allowed}`;
}

function dataOf(code: KaderErrorData['code'], reason: Message, details: Details = {}): KaderErrorData {
  const { fields, ...rest } = details;
  return {
    code,
    reason: reason.reason,
    params: reason.params,
    message: sentenceOf(reason, details),
    ...(fields ? { fields: fields.map(wireField) } : {}),
    ...rest,
  };
}

// tRPC's own refusals (no DomainError behind them) by tRPC code.
const TRPC_OWN: Partial<Record<TRPC_ERROR_CODE_KEY, Message>> = {
  NOT_FOUND: msg('PROCEDURE_NOT_FOUND'),
  PAYLOAD_TOO_LARGE: msg('REQUEST_TOO_LARGE', {
    megabytes: MONTHLY_IMPORT_LIMIT.bytes / (1024 * 1024),
    rows: MONTHLY_IMPORT_LIMIT.rows,
  }),
  METHOD_NOT_SUPPORTED: msg('METHOD_NOT_SUPPORTED'),
  PARSE_ERROR: msg('REQUEST_NOT_JSON'),
};

const INTERNAL = dataOf('INTERNAL', msg('INTERNAL'));

/**
 * The one place errors become what a client sees: domain errors keep their message and details,
 * input validation names its fields, and anything unexpected is logged and replaced by a generic
 * message so internals never leak.
 */
export function toClientError(error: TRPCError): { trpc: TRPCError; data: KaderErrorData } {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    const data = dataOf(cause.code, cause.reason, cause.details);
    return { trpc: new TRPCError({ code: TRPC_CODE[cause.code], message: data.message, cause }), data };
  }
  if (isZodError(cause)) {
    const fields = fieldsOf(cause);
    const data = dataOf('VALIDATION', msg('INVALID_INPUT', { count: fields.length }), { fields });
    return { trpc: new TRPCError({ code: 'BAD_REQUEST', message: data.message, cause }), data };
  }
  if (error.code !== 'INTERNAL_SERVER_ERROR') {
    const data = dataOf(error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION', TRPC_OWN[error.code] ?? msg('BAD_REQUEST'));
    return { trpc: error, data };
  }
  // An error this function already answered comes back through tRPC once more: log it only once.
  const alreadyAnswered = error.cause === undefined && error.message === INTERNAL.message;
  if (!alreadyAnswered) console.error('[kader] unexpected error', error.cause ?? error);
  const data = INTERNAL;
  return { trpc: new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: data.message }), data };
}
