import { getTRPCErrorFromUnknown } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { toClientError } from '../../errors';

/**
 * Why an export was refused before it started (`openExport` threw), as the HTTP status and body a
 * tRPC procedure refusing the same thing answers with: the admin renders `data.kader` alike
 * whichever refused, and an unexpected error is logged and worded as INTERNAL by the one mapping.
 */
export function exportRefusal(cause: unknown): { status: number; body: unknown } {
  const { trpc, data } = toClientError(getTRPCErrorFromUnknown(cause));
  const status = getHTTPStatusCodeFromError(trpc);
  return {
    status,
    body: {
      error: {
        message: data.message,
        code: TRPC_ERROR_CODES_BY_KEY[trpc.code],
        data: { code: trpc.code, httpStatus: status, kader: data },
      },
    },
  };
}
