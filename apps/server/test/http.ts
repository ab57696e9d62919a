import type { AppRouter } from '@kader/api';
import { DEMO_PASSWORD } from '@kader/api';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';

/** What the admin UI sends on every call; the server refuses a POST without it. */
export const REQUEST_HEADERS = { 'x-kader-request': '1' };

/** Signs in over HTTP like the browser does and returns the session cookie (`name=value`). */
export async function signIn(url: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...REQUEST_HEADERS },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kader_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

export function client(url: string, cookie: string | null, batch = true) {
  const headers = { ...REQUEST_HEADERS, ...(cookie ? { cookie } : {}) };
  const link = batch ? httpBatchLink({ url: `${url}/trpc`, headers }) : httpLink({ url: `${url}/trpc`, headers });
  return createTRPCClient<AppRouter>({ links: [link] });
}
