import { DEMO_PASSWORD } from '@kader/api';
import type { DbHandle } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler } from '../src/scheduler';
import type { RunningServer } from '../src/server';
import { REQUEST_HEADERS } from './http';
import { errorOf, raw } from './raw';
import { startSeededServer } from './seeded';

let stop: () => Promise<void>;
let handle: DbHandle;
let app: RunningServer;

beforeAll(async () => {
  ({ app, handle, stop } = await startSeededServer('kader-login-limits-'));
});
afterAll(() => stop?.());

type Outcome = { status: number; code: string | undefined; session: boolean };

/** One sign-in over HTTP, as its own request (the way a script hammering the server would). */
async function login(username: string, password: string): Promise<Outcome> {
  const res = await fetch(`${app.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...REQUEST_HEADERS },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { error?: { data?: { kader?: { code: string } } } };
  const session = res.headers.getSetCookie().some((c) => c.startsWith('kader_session=') && !c.includes('Max-Age=0'));
  return { status: res.status, code: body.error?.data?.kader?.code, session };
}

const failuresOf = (key: string) =>
  (handle.sqlite.prepare('select count(*) n from login_failures where key = ?').get(key) as { n: number }).n;
const sessionsOf = (username: string) =>
  (
    handle.sqlite
      .prepare('select count(*) n from sessions s join users u on u.id = s.user_id where u.username = ?')
      .get(username) as {
      n: number;
    }
  ).n;

describe('sign-in limits hold under concurrency', () => {
  it('40 parallel wrong passwords for one account: 5 are checked, 35 refused, and the right password then gets no session', async () => {
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => login('penyelia.madiun', `tebakan-${i}`)));
    const checked = outcomes.filter((o) => o.code === 'UNAUTHENTICATED');
    const refused = outcomes.filter((o) => o.code === 'TOO_MANY_REQUESTS');
    expect(checked.length).toBe(5);
    expect(refused.length).toBe(35);
    expect(refused.every((o) => o.status === 429)).toBe(true);
    expect(failuresOf('account:penyelia.madiun')).toBe(5);

    const right = await login('penyelia.madiun', DEMO_PASSWORD);
    expect(right).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS', session: false });
    expect(sessionsOf('penyelia.madiun')).toBe(0);
  });

  it('a batch of 30 sign-ins is refused with 400 before any password is checked', async () => {
    const before = { failures: failuresOf('account:pimpinan.madiun'), address: failuresOf('address:127.0.0.1') };
    const calls = Array.from({ length: 30 }, () => 'auth.login').join(',');
    const input = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [i, { username: 'pimpinan.madiun', password: `tebakan-${i}` }]),
    );
    const res = await raw(app.url, {
      method: 'POST',
      path: `/trpc/${calls}?batch=1`,
      headers: { 'content-type': 'application/json', ...REQUEST_HEADERS },
      body: JSON.stringify(input),
    });
    expect(res.status).toBe(400);
    const error = errorOf(res);
    expect(error.data.httpStatus).toBe(400);
    expect(error.data.kader).toMatchObject({ reason: 'BATCH_CALL_ALONE', params: { procedure: 'auth.login' } });
    expect(error.data.kader.message).toMatch(/sendiri/);
    expect(error.message).toBe(error.data.kader.message);
    expect({ failures: failuresOf('account:pimpinan.madiun'), address: failuresOf('address:127.0.0.1') }).toEqual(before);
  });

  it('sign-in may not share a batch with any other call', async () => {
    const res = await raw(app.url, {
      method: 'POST',
      path: '/trpc/auth.logout,auth.login?batch=1',
      headers: { 'content-type': 'application/json', ...REQUEST_HEADERS },
      body: JSON.stringify({ 1: { username: 'pimpinan.madiun', password: DEMO_PASSWORD } }),
    });
    expect(res.status).toBe(400);
    expect(sessionsOf('pimpinan.madiun')).toBe(0);
  });

  it('a sign-in alone in a batch of one (what the admin UI sends) still works', async () => {
    const res = await raw(app.url, {
      method: 'POST',
      path: '/trpc/auth.login?batch=1',
      headers: { 'content-type': 'application/json', ...REQUEST_HEADERS },
      body: JSON.stringify({ 0: { username: 'pimpinan.madiun', password: DEMO_PASSWORD } }),
    });
    expect(res.status).toBe(200);
    expect(sessionsOf('pimpinan.madiun')).toBe(1);
  });

  it('successful sign-ins do not use up the address allowance', async () => {
    // The address limit is 20 failures: 21 good sign-ins from one office must not count as failures.
    for (let i = 0; i < 21; i++) expect((await login('rekruter.makassar', DEMO_PASSWORD)).session).toBe(true);
    expect(failuresOf('account:rekruter.makassar')).toBe(0);
    expect(failuresOf('address:127.0.0.1')).toBeLessThan(20);
  });
});

function insert(key: string, at: Date) {
  handle.sqlite.prepare('insert into login_failures (key, at) values (?, ?)').run(key, at.toISOString());
}

describe('old sign-in failures are deleted', () => {
  it('at a sign-in, for that account and address, rows older than the window go', async () => {
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (let i = 0; i < 3; i++) insert('account:admin.pusat', hourAgo);
    for (let i = 0; i < 30; i++) insert('address:127.0.0.1', hourAgo);
    const recentAddress = failuresOf('address:127.0.0.1') - 30;
    const outcome = await login('admin.pusat', 'salah-sekali');
    expect(outcome.code).toBe('UNAUTHENTICATED');
    // Only this attempt's failure is left: the hour-old rows were deleted, not merely ignored.
    expect(failuresOf('account:admin.pusat')).toBe(1);
    expect(failuresOf('address:127.0.0.1')).toBe(recentAddress + 1);
  });

  it('by the scheduler, for every key, keeping the recent ones', () => {
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    insert('account:tidak.pernah.lagi', hourAgo);
    insert('address:10.9.8.7', hourAgo);
    insert('address:10.9.8.7', new Date());
    const scheduler = startScheduler(handle, { intervalMs: 3_600_000, log: () => {} });
    scheduler.stop();
    expect(failuresOf('account:tidak.pernah.lagi')).toBe(0);
    expect(failuresOf('address:10.9.8.7')).toBe(1);
    const cutoff = new Date(Date.now() - 15 * 60 * 1000).toISOString();
    expect(handle.sqlite.prepare('select count(*) n from login_failures where at <= ?').get(cutoff)).toEqual({ n: 0 });
  });
});
