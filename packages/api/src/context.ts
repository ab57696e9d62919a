import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DbHandle } from '@kader/db';
import { principalOf, type Principal } from './auth/principal';
import { resumeSession, SESSION_COOKIE } from './auth/sessions';

/** Sets and clears the session cookie; a no-op outside HTTP (createCaller, seed, CLI). */
export type CookieJar = { setSession(token: string, expiresAt: string): void; clearSession(): void };

export type Context = {
  handle: DbHandle;
  /** Injected so tests and the seed can fix the time. */
  now: () => Date;
  principal: Principal | null;
  /** The current session's token hash, to end it at sign-out. */
  sessionTokenHash: string | null;
  /** Must the signed-in user change a password an admin set before doing anything else? */
  mustChangePassword: boolean;
  clientAddress: string;
  cookies: CookieJar;
};

export const NO_COOKIES: CookieJar = { setSession: () => {}, clearSession: () => {} };

/** A context for work the system does itself (demo seed, scripts): every branch, no session. */
export function systemContext(handle: DbHandle, now: () => Date = () => new Date(), username = 'sistem'): Context {
  return {
    handle,
    now,
    principal: { kind: 'system', username },
    sessionTokenHash: null,
    mustChangePassword: false,
    clientAddress: 'local',
    cookies: NO_COOKIES,
  };
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function cookieJar(res: ServerResponse, secure: boolean): CookieJar {
  // HttpOnly: scripts never see it. SameSite=Strict: no other site's page can send it.
  const attrs = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  const append = (value: string) => {
    const prev = res.getHeader('Set-Cookie');
    res.setHeader('Set-Cookie', [...(Array.isArray(prev) ? prev : prev ? [String(prev)] : []), value]);
  };
  return {
    setSession: (token, expiresAt) =>
      append(`${SESSION_COOKIE}=${token}; ${attrs}; Expires=${new Date(expiresAt).toUTCString()}`),
    clearSession: () => append(`${SESSION_COOKIE}=; ${attrs}; Max-Age=0`),
  };
}

export type ContextOptions = { now?: () => Date; secureCookies?: boolean };

/** Builds each request's context: resolves the session cookie to the signed-in user, if any. */
export function createContextFactory(handle: DbHandle, opts: ContextOptions = {}) {
  const now = opts.now ?? (() => new Date());
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Context => {
    const token = readCookie(req, SESSION_COOKIE);
    const session = token ? resumeSession(handle.db, token, now()) : null;
    return {
      handle,
      now,
      principal: session ? principalOf(session.user) : null,
      sessionTokenHash: session?.tokenHash ?? null,
      mustChangePassword: session?.user.mustChangePassword ?? false,
      clientAddress: req.socket.remoteAddress ?? 'unknown',
      cookies: cookieJar(res, opts.secureCookies ?? false),
    };
  };
}
