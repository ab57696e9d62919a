import http from 'node:http';
import type { DbHandle } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server';
import { REQUEST_HEADERS, signIn } from './http';
import { errorOf, raw } from './raw';
import { startSeededServer } from './seeded';

let stop: () => Promise<void>;
let handle: DbHandle;
let app: RunningServer;
let cookie: string;

beforeAll(async () => {
  ({ app, handle, stop } = await startSeededServer('kader-requests-'));
  cookie = await signIn(app.url, 'rekruter.madiun');
});
afterAll(() => stop?.());

const json = { 'content-type': 'application/json' };

function madiun(): { applicationId: number; revision: number; periodId: number } {
  return handle.sqlite
    .prepare(
      `select a.id applicationId, a.revision, p.id periodId from applications a join recruitment_periods p on p.id = a.period_id
       join branches b on b.id = p.branch_id where b.code = 'KC-MDN' order by a.id limit 1`,
    )
    .get() as { applicationId: number; revision: number; periodId: number };
}

function expectRefusal(res: Awaited<ReturnType<typeof raw>>, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const error = errorOf(res);
  expect(error.data.httpStatus).toBe(status);
  expect(error.data.kader.message.length).toBeGreaterThan(10);
  expect(error.message).toBe(error.data.kader.message);
  return error;
}

describe('methods tRPC does not take', () => {
  it('are answered 405 with an Allow header, with or without a body', async () => {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const p of ['/trpc/health', '/trpc/applications.send', '/trpc/no.such']) {
        const bare = await raw(app.url, { method, path: p, headers: { ...REQUEST_HEADERS, cookie } });
        const error = expectRefusal(bare, 405);
        expect(bare.headers.allow, `${method} ${p}`).toBe('GET, HEAD, POST');
        expect(error.data.kader.message).toContain(method);
        if (method === 'TRACE') continue; // a TRACE request carries no body
        const withBody = await raw(app.url, { method, path: p, headers: { ...json, ...REQUEST_HEADERS, cookie }, body: '{}' });
        expectRefusal(withBody, 405);
        expect(withBody.headers.allow).toBe('GET, HEAD, POST');
      }
    }
  });

  it('CONNECT, which Node never hands to the request handler, is answered 405 too', async () => {
    const { hostname, port } = new URL(app.url);
    const answer = await new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
      const req = http.request({ host: hostname, port, method: 'CONNECT', path: 'example.com:443' });
      req.on('connect', (res: http.IncomingMessage, socket: import('node:net').Socket, head: Buffer) => {
        let body = head.toString('utf8');
        socket.on('data', (c: Buffer) => (body += c.toString('utf8')));
        socket.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(405);
    expect(answer.allow).toBe('GET, HEAD, POST');
    expect(JSON.parse(answer.body).error.data.kader.message).toContain('CONNECT');
  });

  it('outside the API too, in the same error shape', async () => {
    for (const p of ['/health', '/', '/lamaran/1']) {
      const res = await raw(app.url, { method: 'TRACE', path: p });
      expectRefusal(res, 405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
  });
});

describe('event types named like Object.prototype members', () => {
  it('are unknown actions (400), never a server error', async () => {
    const { applicationId, revision } = madiun();
    const contract = handle.sqlite.prepare('select id, revision from contracts order by id limit 1').get() as
      | { id: number; revision: number }
      | undefined;
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      const app1 = await raw(app.url, {
        method: 'POST',
        path: '/trpc/applications.send',
        headers: { ...json, ...REQUEST_HEADERS, cookie },
        body: JSON.stringify({ id: applicationId, revision, event: { type } }),
      });
      const error = expectRefusal(app1, 400);
      expect(error.data.kader.code, type).toBe('VALIDATION');
      expect(error.data.kader.message).toContain(`Aksi tidak dikenal: ${type}`);
      if (contract) {
        const c = await raw(app.url, {
          method: 'POST',
          path: '/trpc/contracts.send',
          headers: { ...json, ...REQUEST_HEADERS, cookie },
          body: JSON.stringify({ id: contract.id, revision: contract.revision, event: { type } }),
        });
        expect(c.status, `contracts.send ${type}`).toBe(400);
      }
    }
  });
});

describe('batch size', () => {
  const boardBatch = (n: number) => {
    const { periodId } = madiun();
    const paths = Array.from({ length: n }, () => 'applications.board').join(',');
    const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { periodId }]));
    return `/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  };

  it('a batch of 200 calls is refused with 400 in words, before any runs', async () => {
    const res = await raw(app.url, { path: boardBatch(200), headers: { cookie } });
    const error = expectRefusal(res, 400);
    expect(error.data.kader.message).toContain('25');
  });

  it('a batch at the limit (25) is answered; one over it is refused', async () => {
    const ok = await raw(app.url, { path: boardBatch(25), headers: { cookie } });
    expect(ok.status).toBe(200);
    const answers = JSON.parse(ok.body) as { result?: unknown }[];
    expect(answers).toHaveLength(25);
    expect(answers.every((a) => a.result)).toBe(true);
    expectRefusal(await raw(app.url, { path: boardBatch(26), headers: { cookie } }), 400);
  });

  it('counts the calls after URL-decoding, as tRPC does', async () => {
    const { periodId } = madiun();
    const paths = Array.from({ length: 30 }, () => 'applications.board').join('%2C');
    const input = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [i, { periodId }]));
    const res = await raw(app.url, {
      path: `/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
      headers: { cookie },
    });
    expectRefusal(res, 400);
  });
});

describe('the Origin check compares scheme, host and port', () => {
  const post = (url: string, origin: string | undefined, host?: string) =>
    raw(url, {
      method: 'POST',
      path: '/trpc/auth.logout',
      headers: { ...json, ...REQUEST_HEADERS, ...(origin ? { origin } : {}), ...(host ? { host } : {}) },
      body: '{}',
    });

  it("accepts the server's own origin and refuses another scheme or port on the same host", async () => {
    const own = new URL(app.url);
    expect((await post(app.url, own.origin)).status).not.toBe(403);
    expect((await post(app.url, undefined)).status).not.toBe(403);
    const https = await post(app.url, `https://${own.host}`);
    expect(expectRefusal(https, 403).data.kader.code).toBe('FORBIDDEN');
    expectRefusal(await post(app.url, `http://${own.hostname}:${Number(own.port) + 1}`), 403);
  });

  it('behind a proxy: the public origin is the one accepted origin', async () => {
    const proxied = await createServer({
      handle,
      staticDir: null,
      port: 0,
      host: '127.0.0.1',
      log: () => {},
      publicOrigin: 'https://kader.example',
    });
    try {
      expect((await post(proxied.url, 'https://kader.example', 'kader.example')).status).not.toBe(403);
      // The proxy may pass its own Host on: the public origin still decides.
      expect((await post(proxied.url, 'https://kader.example')).status).not.toBe(403);
      expectRefusal(await post(proxied.url, 'http://kader.example', 'kader.example'), 403);
      expectRefusal(await post(proxied.url, new URL(proxied.url).origin), 403);
    } finally {
      await proxied.close();
    }
  });
});

describe('HSTS', () => {
  it('is sent on every response when secure cookies are on, and not otherwise', async () => {
    const secure = await createServer({
      handle,
      staticDir: null,
      port: 0,
      host: '127.0.0.1',
      log: () => {},
      secureCookies: true,
    });
    try {
      for (const [method, p] of [
        ['GET', '/health'],
        ['GET', '/trpc/health'],
        ['GET', '/'],
        ['GET', '/trpc/no.such'],
        ['TRACE', '/trpc/health'],
        ['POST', '/lamaran/1'],
      ] as const) {
        const res = await raw(secure.url, { method, path: p });
        expect(res.headers['strict-transport-security'], `${method} ${p}`).toBe('max-age=31536000');
        const plain = await raw(app.url, { method, path: p });
        expect(plain.headers['strict-transport-security'], `${method} ${p}`).toBeUndefined();
      }
    } finally {
      await secure.close();
    }
  });
});
