import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { ZodError } from 'zod';
import { MONTHLY_IMPORT_TOO_LARGE } from './import/monthlyCsv';

export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_REQUESTS'
  | 'QUOTA_EXCEEDED'
  | 'VALIDATION';
export type FieldError = { path: string; message: string };

/** What services throw. The message is a sentence a recruiter can act on, Indonesian first. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; allowedEvents?: string[]; passwordChangeRequired?: boolean } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const CONFLICT_MESSAGE = 'Data ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.';

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

export function fieldsOf(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

const GENERIC_MESSAGE = 'Terjadi kesalahan pada server. Coba lagi; bila berulang, hubungi admin.';

function isZodError(e: unknown): e is ZodError {
  return typeof e === 'object' && e !== null && Array.isArray((e as { issues?: unknown }).issues);
}

export type KaderErrorData = {
  code: DomainErrorCode | 'INTERNAL';
  message: string;
  fields?: FieldError[];
  allowedEvents?: string[];
  passwordChangeRequired?: boolean;
};

/**
 * The one place errors become what a client sees: domain errors keep their message and details,
 * input validation names its fields, and anything unexpected is logged and replaced by a generic
 * sentence so internals never leak.
 */
export function toClientError(error: TRPCError): { trpc: TRPCError; data: KaderErrorData } {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return {
      trpc: new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause }),
      data: { code: cause.code, message: cause.message, ...cause.details },
    };
  }
  if (isZodError(cause)) {
    const fields = fieldsOf(cause);
    const message = `Data tidak valid: ${fields.map((f) => `${f.path || 'input'} — ${f.message}`).join('; ')}`;
    return { trpc: new TRPCError({ code: 'BAD_REQUEST', message, cause }), data: { code: 'VALIDATION', message, fields } };
  }
  // tRPC's own body limit answers a bare code; only the monthly import sends bodies that large.
  if (error.code === 'PAYLOAD_TOO_LARGE') {
    return { trpc: error, data: { code: 'VALIDATION', message: MONTHLY_IMPORT_TOO_LARGE } };
  }
  if (error.code !== 'INTERNAL_SERVER_ERROR') {
    return { trpc: error, data: { code: error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION', message: error.message } };
  }
  if (error.message !== GENERIC_MESSAGE) console.error('[kader] unexpected error', error.cause ?? error);
  const message = GENERIC_MESSAGE;
  return { trpc: new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message }), data: { code: 'INTERNAL', message } };
}
