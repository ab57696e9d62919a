import { MAX_BATCH_CALLS, UNBATCHABLE_PROCEDURES } from '@kader/workflow/display';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from './api/router';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The server refuses a POST to /trpc without this header (docs/api-contract.md, issue 3): a page
 * of another site cannot add it to a form post, so the session cookie alone cannot act.
 */
export const KADER_REQUEST_HEADERS = { 'x-kader-request': '1' } as const;

/**
 * Same origin: the server serves this app and `/trpc` (vite's dev server proxies it), so the
 * session cookie goes along with fetch's default `credentials: 'same-origin'`.
 */
export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // The server refuses a batch over its limit, and a password check that shares a batch.
      splitLink({
        condition: (op) => UNBATCHABLE_PROCEDURES.has(op.path),
        true: httpLink({ url: '/trpc', headers: () => ({ ...KADER_REQUEST_HEADERS }) }),
        false: httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_CALLS, headers: () => ({ ...KADER_REQUEST_HEADERS }) }),
      }),
    ],
  });
}
