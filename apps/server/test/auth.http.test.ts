import { DEMO_PASSWORD } from '@kader/api';
import type { DbHandle } from '@kader/db';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { client, REQUEST_HEADERS, signIn } from './http';
import { startSeededServer } from './seeded';

let stop: () => Promise<void>;
let handle: DbHandle;
let app: RunningServer;

beforeAll(async () => {
  ({ app, handle, stop } = await startSeededServer('kader-auth-test-'));
});
afterAll(() => stop?.());

/** Everything a refused request could have written. */
function footprint() {
  const n = (t: string) => (handle.sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
  const states = handle.sqlite.prepare('select id, state, revision from applications order by id').all();
  return { audit: n('audit_events'), candidates: n('candidates'), applications: n('applications'), states };
}

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCClientError);
  const e = err as TRPCClientError<never>;
  const data = e.data as unknown as
    | { httpStatus?: number; kader?: { code: string; reason: string; params: Record<string, unknown>; message: string } }
    | undefined;
  return { status: data?.httpStatus, kader: data?.kader };
}

function madiunApplication(): { id: number; revision: number } {
  return handle.sqlite
    .prepare(
      `select a.id, a.revision from applications a join recruitment_periods p on p.id = a.period_id
       join branches b on b.id = p.branch_id where b.code = 'KC-MDN' and a.state = 'registered' order by a.id limit 1`,
    )
    .get() as { id: number; revision: number };
}

const registration = (periodId: number, workAreaId: number) => ({
  periodId,
  workAreaId,
  candidate: {
    nik: '3577015208907777',
    name: 'Calon Tanpa Sesi',
    phone: '081234567890',
    education: 'SMA' as const,
    address: { street: 'Jl. A', rtRw: '001/001', village: 'V', district: 'D', regency: 'R' },
  },
});

describe('sign-in over HTTP', () => {
  it('sets an httpOnly SameSite=Strict cookie and never returns the token or the hash', async () => {
    const res = await fetch(`${app.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...REQUEST_HEADERS },
      body: JSON.stringify({ username: 'rekruter.madiun', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kader_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const body = await res.text();
    expect(body).not.toContain(token);
    expect(body).not.toContain('scrypt');
    expect(JSON.parse(body).result.data.user).toMatchObject({
      username: 'rekruter.madiun',
      role: 'recruiter',
      branch: { code: 'KC-MDN' },
    });
    // The table keeps a hash of the token, not the token.
    expect(JSON.stringify(handle.sqlite.prepare('select * from sessions').all())).not.toContain(token);
  });

  it('answers a wrong password and an unknown user with the same generic error', async () => {
    const anon = client(app.url, null);
    const wrong = await failure(anon.auth.login.mutate({ username: 'penyelia.madiun', password: 'salah-sekali' }));
    const unknown = await failure(anon.auth.login.mutate({ username: 'tidak.ada', password: 'salah-sekali' }));
    expect(wrong).toEqual(unknown);
    expect(wrong.kader).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'LOGIN_FAILED',
      params: {},
      message: 'Nama pengguna atau kata sandi salah.',
    });
  });

  it('blocks an account after 5 failed attempts, even with the right password', async () => {
    const anon = client(app.url, null);
    for (let i = 0; i < 5; i++) await failure(anon.auth.login.mutate({ username: 'pemantau.pusat', password: `salah-${i}` }));
    const blocked = await failure(anon.auth.login.mutate({ username: 'pemantau.pusat', password: DEMO_PASSWORD }));
    expect(blocked.kader).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'LOGIN_TOO_MANY',
      params: { minutes: 15 },
      message: 'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.',
    });
  });

  it('sign-out ends the session on the server', async () => {
    const cookie = await signIn(app.url, 'pimpinan.madiun');
    const trpc = client(app.url, cookie);
    expect((await trpc.auth.me.query()).user.username).toBe('pimpinan.madiun');
    await trpc.auth.logout.mutate();
    // The old cookie value, replayed, is worth nothing now.
    expect((await failure(trpc.auth.me.query())).kader?.code).toBe('UNAUTHENTICATED');
  });
});

describe('refused requests write nothing', () => {
  it('without a session: every procedure but health and sign-in is refused', async () => {
    const anon = client(app.url, null);
    expect(await anon.health.query()).toEqual({ ok: true, demo: true });
    const before = footprint();
    const { id, revision } = madiunApplication();
    for (const call of [
      () => anon.periods.list.query(),
      () => anon.applications.get.query({ id }),
      () => anon.applications.board.query({ periodId: 1 }),
      () => anon.applications.send.mutate({ id, revision, event: { type: 'BEGIN_ADMIN_CHECK' } }),
      () => anon.candidates.register.mutate(registration(2, 1)),
      () => anon.users.list.query(),
    ]) {
      const f = await failure(call());
      expect(f.status).toBe(401);
      expect(f.kader?.code).toBe('UNAUTHENTICATED');
    }
    expect(footprint()).toEqual(before);
  });

  it('with an expired session', async () => {
    const cookie = await signIn(app.url, 'rekruter.madiun');
    const trpc = client(app.url, cookie);
    const { id, revision } = madiunApplication();
    expect((await trpc.applications.get.query({ id })).id).toBe(id);
    handle.sqlite.prepare("update sessions set expires_at = '2000-01-01T00:00:00.000Z'").run();
    const before = footprint();
    const f = await failure(trpc.applications.send.mutate({ id, revision, event: { type: 'BEGIN_ADMIN_CHECK' } }));
    expect(f.kader?.code).toBe('UNAUTHENTICATED');
    expect(footprint()).toEqual(before);
  });

  it("from another branch's recruiter: not found, and nothing written", async () => {
    const cookie = await signIn(app.url, 'rekruter.makassar');
    const trpc = client(app.url, cookie);
    const { id, revision } = madiunApplication();
    const before = footprint();
    expect((await failure(trpc.applications.get.query({ id }))).kader?.code).toBe('NOT_FOUND');
    expect(
      (await failure(trpc.applications.send.mutate({ id, revision, event: { type: 'BEGIN_ADMIN_CHECK' } }))).kader?.code,
    ).toBe('NOT_FOUND');
    const madiunPeriod = handle.sqlite
      .prepare(
        "select p.id from recruitment_periods p join branches b on b.id = p.branch_id where b.code = 'KC-MDN' order by year desc",
      )
      .get() as { id: number };
    expect((await failure(trpc.candidates.register.mutate(registration(madiunPeriod.id, 1)))).kader?.code).toBe('NOT_FOUND');
    expect(footprint()).toEqual(before);
    // Their own branch only, in lists too.
    expect((await trpc.periods.list.query()).map((p) => p.branch.code)).toEqual(['KC-MKS']);
  });

  it('a mutation without the request header, or from another origin, is refused before it runs', async () => {
    const cookie = await signIn(app.url, 'rekruter.madiun');
    const { id, revision } = madiunApplication();
    const before = footprint();
    const body = JSON.stringify({ id, revision, event: { type: 'BEGIN_ADMIN_CHECK' } });
    const noHeader = await fetch(`${app.url}/trpc/applications.send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body,
    });
    expect(noHeader.status).toBe(403);
    const foreign = await fetch(`${app.url}/trpc/applications.send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example', ...REQUEST_HEADERS },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(footprint()).toEqual(before);
  });
});

describe('security headers', () => {
  it('every response carries CSP, nosniff and frame denial', async () => {
    for (const p of ['/health', '/trpc/health', '/']) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.headers.get('content-security-policy'), p).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy'), p).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
    }
  });
});
