import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Me } from '../api/types';
import { forgetSessionData, NO_AUTH_REDIRECT } from '../client';
import { useTRPC } from '../trpc';
import { LOGIN_PATH } from './session';

/**
 * The signed-in user, from the cache the router filled before any signed-in page rendered (so
 * this never fetches by itself). `null` only in the moment between signing out and leaving.
 */
export function useMe(): Me | null {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.auth.me.queryOptions(), enabled: false, staleTime: Infinity });
  return q.data?.user ?? null;
}

/**
 * Sign out: end the session on the server, go to the sign-in page, then forget every cached
 * answer, so the next user of this browser sees nothing of this one's. Leaves even when the
 * server cannot be reached (the cookie then ends with the browser or its expiry).
 */
export function useLogout(): { logout: () => void; pending: boolean } {
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(
    trpc.auth.logout.mutationOptions({
      meta: NO_AUTH_REDIRECT,
      onSettled: async () => {
        await router.navigate({ to: LOGIN_PATH });
        forgetSessionData();
      },
    }),
  );
  return { logout: () => m.mutate(), pending: m.isPending };
}
