/**
 * The app's one query cache and tRPC client, made at module level so the router's `beforeLoad`
 * (outside React) and the components share them.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from './api/router';
import { isClientRefusal, isPasswordChangeRequired, isUnauthenticated } from './auth/session';
import { makeTrpcClient } from './trpc';

/**
 * Mutations whose "not signed in" answer is theirs to show (a wrong password), not a lost session;
 * and the router's prefetches, sent before it knows whether there is a session (the session check
 * itself sends a signed-out browser to the sign-in page).
 */
export const NO_AUTH_REDIRECT = { authRedirect: false } as const;

type SessionHandlers = { unauthenticated: () => void; passwordChangeRequired: () => void };
let handlers: SessionHandlers = { unauthenticated: () => {}, passwordChangeRequired: () => {} };
/**
 * What to do when any request finds the session gone, or the password now has to change (set by
 * main.tsx: go to the sign-in page, or to the change-password page).
 */
export function setSessionHandlers(next: SessionHandlers): void {
  handlers = next;
}
function onSessionError(err: unknown): void {
  if (isUnauthenticated(err)) handlers.unauthenticated();
  else if (isPasswordChangeRequired(err)) handlers.passwordChangeRequired();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (query.meta?.authRedirect === false) return;
      onSessionError(err);
    },
  }),
  mutationCache: new MutationCache({
    onError: (err, _vars, _result, mutation) => {
      if (mutation.meta?.authRedirect === false) return;
      onSessionError(err);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // a refusal (not signed in, not allowed, not found) will not change by asking again
      retry: (failures, err) => failures < 1 && !isClientRefusal(err),
      refetchOnWindowFocus: true,
    },
  },
});

export const trpcClient = makeTrpcClient();
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** Everything cached except `health` (which says whether this is a demo, whoever is signed in). */
export function forgetSessionData(): void {
  const healthKey = JSON.stringify(trpc.health.queryKey()[0]);
  queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey[0]) !== healthKey });
}
