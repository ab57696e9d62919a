import { describe, expect, it } from 'vitest';
import {
  afterLogin,
  isClientRefusal,
  isTooManyRequests,
  isUnauthenticated,
  loginSearch,
  safeRedirect,
} from '../src/auth/session';

const trpcError = (code: string, httpStatus: number, kaderCode?: string) => ({
  message: 'x',
  data: { code, httpStatus, ...(kaderCode ? { kader: { code: kaderCode, message: 'm' } } : {}) },
});

describe('the server’s answers about the session', () => {
  it('"not signed in": the kader code, tRPC’s UNAUTHORIZED or HTTP 401', () => {
    expect(isUnauthenticated(trpcError('UNAUTHORIZED', 401, 'UNAUTHENTICATED'))).toBe(true);
    expect(isUnauthenticated({ data: { kader: { code: 'UNAUTHENTICATED', message: '' } } })).toBe(true);
    expect(isUnauthenticated(trpcError('UNAUTHORIZED', 401))).toBe(true);
    expect(isUnauthenticated({ data: { httpStatus: 401 } })).toBe(true);
  });
  it('is not "forbidden", a conflict, a network failure or anything else', () => {
    expect(isUnauthenticated(trpcError('FORBIDDEN', 403, 'FORBIDDEN'))).toBe(false);
    expect(isUnauthenticated(trpcError('CONFLICT', 409, 'CONFLICT'))).toBe(false);
    expect(isUnauthenticated(new TypeError('Failed to fetch'))).toBe(false);
    expect(isUnauthenticated(null)).toBe(false);
    expect(isUnauthenticated('UNAUTHORIZED')).toBe(false);
  });
  it('too many sign-in tries', () => {
    expect(isTooManyRequests(trpcError('TOO_MANY_REQUESTS', 429))).toBe(true);
    expect(isTooManyRequests({ data: { httpStatus: 429 } })).toBe(true);
    expect(isTooManyRequests(trpcError('UNAUTHORIZED', 401, 'UNAUTHENTICATED'))).toBe(false);
  });
  it('refusals are not retried; server failures and network errors are', () => {
    expect(isClientRefusal(trpcError('FORBIDDEN', 403))).toBe(true);
    expect(isClientRefusal(trpcError('NOT_FOUND', 404))).toBe(true);
    expect(isClientRefusal(trpcError('UNAUTHORIZED', 401))).toBe(true);
    expect(isClientRefusal(trpcError('INTERNAL_SERVER_ERROR', 500))).toBe(false);
    expect(isClientRefusal(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('where to go after signing in', () => {
  it('keeps a path of this app, with its search and hash', () => {
    expect(safeRedirect('/lamaran/12')).toBe('/lamaran/12');
    expect(safeRedirect('/?area=3&q=siti')).toBe('/?area=3&q=siti');
    expect(safeRedirect('/pengguna#x')).toBe('/pengguna#x');
  });
  it('never leaves the app: other sites, protocol-relative and backslash tricks go to /', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil',
      'javascript:alert(1)',
      'lamaran/12',
      '',
      '  ',
    ]) {
      expect(safeRedirect(bad), bad).toBe('/');
    }
    expect(safeRedirect('/a\u0000b')).toBe('/');
    expect(safeRedirect(`/${'x'.repeat(3000)}`)).toBe('/');
  });
  it('never back to the sign-in page itself, and not from a non-string', () => {
    expect(safeRedirect('/masuk')).toBe('/');
    expect(safeRedirect('/masuk?redirect=/x')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(42)).toBe('/');
    expect(safeRedirect(['/lamaran/1'])).toBe('/');
    // a page whose name only starts like it is fine
    expect(safeRedirect('/masukan')).toBe('/masukan');
  });
  it('remembers the page on the way to the sign-in page, but not a bare /', () => {
    expect(loginSearch('/lamaran/7')).toEqual({ redirect: '/lamaran/7' });
    expect(loginSearch('/')).toEqual({});
    expect(loginSearch('//evil.example')).toEqual({});
  });
  it('sends a user who must change the password there first, keeping the target', () => {
    expect(afterLogin({ mustChangePassword: false }, '/lamaran/7')).toEqual({ changePassword: false, target: '/lamaran/7' });
    expect(afterLogin({ mustChangePassword: true }, '/lamaran/7')).toEqual({ changePassword: true, target: '/lamaran/7' });
    expect(afterLogin({ mustChangePassword: false }, 'https://evil.example')).toEqual({ changePassword: false, target: '/' });
  });
});

describe('a password that must change first', () => {
  it('is the server’s FORBIDDEN with passwordChangeRequired', async () => {
    const { isPasswordChangeRequired } = await import('../src/auth/session');
    expect(
      isPasswordChangeRequired({
        data: { code: 'FORBIDDEN', kader: { code: 'FORBIDDEN', message: 'x', passwordChangeRequired: true } },
      }),
    ).toBe(true);
    expect(isPasswordChangeRequired({ data: { code: 'FORBIDDEN', kader: { code: 'FORBIDDEN', message: 'x' } } })).toBe(false);
    expect(isPasswordChangeRequired(null)).toBe(false);
  });
});
