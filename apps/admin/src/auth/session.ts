/**
 * Pure helpers of the session: reading the server's "not signed in" and "too many tries" answers,
 * and the path to return to after signing in. No React; tested in test/session.test.ts.
 */
import { kaderError, trpcCode } from '../api/errors';

export const LOGIN_PATH = '/masuk';
export const CHANGE_PASSWORD_PATH = '/kata-sandi';

function httpStatus(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const data = (err as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const status = (data as { httpStatus?: unknown }).httpStatus;
  return typeof status === 'number' ? status : null;
}

/** No session (or it ended): `data.kader.code === 'UNAUTHENTICATED'`, tRPC `UNAUTHORIZED` or HTTP 401. */
export function isUnauthenticated(err: unknown): boolean {
  return kaderError(err)?.code === 'UNAUTHENTICATED' || trpcCode(err) === 'UNAUTHORIZED' || httpStatus(err) === 401;
}

/** A refusal (HTTP 4xx): asking again will not help, so queries do not retry it. */
export function isClientRefusal(err: unknown): boolean {
  const status = httpStatus(err);
  return (status !== null && status >= 400 && status < 500) || isUnauthenticated(err);
}

/** Signed in, but the password must change first (an admin reset it meanwhile): FORBIDDEN with a flag. */
export function isPasswordChangeRequired(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const data = (err as { data?: { kader?: { passwordChangeRequired?: unknown } } }).data;
  return data?.kader?.passwordChangeRequired === true;
}

/** Too many sign-in attempts: tRPC `TOO_MANY_REQUESTS` or HTTP 429. */
export function isTooManyRequests(err: unknown): boolean {
  const k = kaderError(err)?.code;
  return k === 'TOO_MANY_REQUESTS' || trpcCode(err) === 'TOO_MANY_REQUESTS' || httpStatus(err) === 429;
}

/**
 * Where to go after signing in: a path of this app (`/lamaran/12?x=1`), never another site
 * (`//evil.example`, `https://…`, `/\evil`) and never the sign-in or a garbled value; otherwise `/`.
 */
export function safeRedirect(raw: unknown): string {
  if (typeof raw !== 'string') return '/';
  const s = raw.trim();
  if (!s.startsWith('/') || s.startsWith('//') || s.startsWith('/\\') || /[\u0000-\u001f\\]/.test(s)) return '/';
  if (s.length > 2000) return '/';
  const path = s.split(/[?#]/, 1)[0]!;
  if (path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}/`)) return '/';
  return s;
}

/** The `?redirect=` to remember on the way to the sign-in page: nothing when it is just `/`. */
export function loginSearch(currentHref: string): { redirect?: string } {
  const target = safeRedirect(currentHref);
  return target === '/' ? {} : { redirect: target };
}

/** After a successful sign-in: where to go, and whether the change-password page comes first. */
export function afterLogin(
  user: { mustChangePassword: boolean },
  redirect: unknown,
): { changePassword: boolean; target: string } {
  return { changePassword: user.mustChangePassword, target: safeRedirect(redirect) };
}
