import http from 'node:http';
import net from 'node:net';
import type { DbHandle } from '@kader/db';
import { renderMessage } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server';
import { REQUEST_HEADERS, signIn } from './http';
import { type ErrorBody, errorOf, raw } from './raw';
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

/**
 * A refusal in the tRPC error shape whose message is a catalogue id: the Indonesian sentence is
 * the catalogue's for its parameters, and the id renders in English too (what the admin shows).
 */
function expectRefusal(res: Awaited<ReturnType<typeof raw>>, status: number, reason?: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const error = errorOf(res);
  expect(error.data.httpStatus).toBe(status);
  const { kader } = error.data;
  if (reason) expect(kader.reason).toBe(reason);
  const params = kader.params as Parameters<typeof renderMessage>[1]['params'];
  expect(renderMessage('id', { reason: kader.reason, params })).toBe(kader.message);
  expect(renderMessage('en', { reason: kader.reason, params })).toBeTruthy();
  expect(kader.message.length).toBeGreaterThan(10);
  expect(error.message).toBe(kader.message);
  return error;
}

describe('methods tRPC does not take', () => {
  it('are answered 405 with an Allow header, with or without a body', async () => {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const p of ['/trpc/health', '/trpc/applications.send', '/trpc/no.such']) {
        const bare = await raw(app.url, { method, path: p, headers: { ...REQUEST_HEADERS, cookie } });
        const error = expectRefusal(bare, 405, 'METHOD_NOT_ALLOWED');
        expect(bare.headers.allow, `${method} ${p}`).toBe('GET, HEAD, POST');
        expect(error.data.kader.params).toEqual({ method, allowed: ['GET', 'HEAD', 'POST'] });
        expect(error.data.kader.message).toBe(`Metode ${method} tidak didukung di alamat ini; hanya GET, HEAD dan POST.`);
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
    const kader = JSON.parse(answer.body).error.data.kader;
    expect(kader).toMatchObject({
      reason: 'METHOD_NOT_ALLOWED',
      params: { method: 'CONNECT', allowed: ['GET', 'HEAD', 'POST'] },
    });
    expect(kader.message).toBe('Metode CONNECT tidak didukung di alamat ini; hanya GET, HEAD dan POST.');
  });

  it('outside the API too, in the same error shape', async () => {
    for (const p of ['/health', '/', '/lamaran/1']) {
      const res = await raw(app.url, { method: 'TRACE', path: p });
      const error = expectRefusal(res, 405, 'METHOD_NOT_ALLOWED');
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(error.data.kader.message).toBe('Metode TRACE tidak didukung di alamat ini; hanya GET dan HEAD.');
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
      const error = expectRefusal(app1, 400, 'INVALID_INPUT');
      expect(error.data.kader.code, type).toBe('VALIDATION');
      expect(error.data.kader.fields).toEqual([
        { path: 'event.type', reason: 'EVENT_TYPE_UNKNOWN', params: { type }, message: `Aksi tidak dikenal: ${type}` },
      ]);
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

describe('tRPC answers', () => {
  it('go out whole with their length, whether the body came with a length or in chunks', async () => {
    const { applicationId, revision } = madiun();
    const body = JSON.stringify({ id: applicationId, revision, event: { type: 'NO_SUCH_EVENT' } });
    for (const chunked of [false, true]) {
      const res = await raw(app.url, {
        method: 'POST',
        path: '/trpc/applications.send',
        headers: { ...json, ...REQUEST_HEADERS, cookie },
        body,
        chunked,
      });
      // the body was read whole either way: the refusal names the event's type
      const error = expectRefusal(res, 400, 'INVALID_INPUT');
      expect(error.data.kader.fields?.[0]?.path, `chunked: ${chunked}`).toBe('event.type');
      expect(res.headers['transfer-encoding']).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    }
    const health = await raw(app.url, { path: '/trpc/health' });
    expect(health.status).toBe(200);
    expect(health.headers['transfer-encoding']).toBeUndefined();
    expect(Number(health.headers['content-length'])).toBe(Buffer.byteLength(health.body));
    expect(JSON.parse(health.body)).toEqual({ result: { data: { ok: true, demo: expect.any(Boolean) } } });
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
    const error = expectRefusal(res, 400, 'BATCH_TOO_LARGE');
    expect(error.data.kader.params).toEqual({ calls: 200, maximum: 25 });
    expect(error.data.kader.message).toBe(
      'Terlalu banyak panggilan dalam satu permintaan: 200, paling banyak 25. Kirim dalam beberapa permintaan.',
    );
  });

  it('a batch at the limit (25) is answered; one over it is refused', async () => {
    const ok = await raw(app.url, { path: boardBatch(25), headers: { cookie } });
    expect(ok.status).toBe(200);
    const answers = JSON.parse(ok.body) as { result?: unknown }[];
    expect(answers).toHaveLength(25);
    expect(answers.every((a) => a.result)).toBe(true);
    expectRefusal(await raw(app.url, { path: boardBatch(26), headers: { cookie } }), 400, 'BATCH_TOO_LARGE');
  });

  it('counts the calls after URL-decoding, as tRPC does', async () => {
    const { periodId } = madiun();
    const paths = Array.from({ length: 30 }, () => 'applications.board').join('%2C');
    const input = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [i, { periodId }]));
    const res = await raw(app.url, {
      path: `/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
      headers: { cookie },
    });
    expectRefusal(res, 400, 'BATCH_TOO_LARGE');
  });

  it('a password check must travel alone', async () => {
    const res = await raw(app.url, {
      method: 'POST',
      path: '/trpc/health,auth.login?batch=1',
      headers: { ...json, ...REQUEST_HEADERS },
      body: JSON.stringify({ 1: { username: 'rekruter.madiun', password: 'salah' } }),
    });
    const error = expectRefusal(res, 400, 'BATCH_CALL_ALONE');
    expect(error.data.kader.message).toBe('Panggilan auth.login harus dikirim sendiri, tidak digabung dengan panggilan lain.');
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
    const refused = expectRefusal(https, 403, 'CROSS_SITE_OTHER_ORIGIN').data.kader;
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('Permintaan ditolak: berasal dari situs lain.');
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

describe('the cross-site check says why', () => {
  it('names the missing header, and an origin the browser would not name', async () => {
    const noHeader = await raw(app.url, { method: 'POST', path: '/trpc/auth.logout', headers: { ...json, cookie }, body: '{}' });
    const missing = expectRefusal(noHeader, 403, 'CROSS_SITE_HEADER_MISSING').data.kader;
    expect(missing.params).toEqual({ header: 'x-kader-request' });
    expect(missing.message).toBe('Permintaan ditolak: header x-kader-request tidak ada.');
    const opaque = await raw(app.url, {
      method: 'POST',
      path: '/trpc/auth.logout',
      headers: { ...json, ...REQUEST_HEADERS, cookie, origin: 'null' },
      body: '{}',
    });
    expect(expectRefusal(opaque, 403, 'CROSS_SITE_ORIGIN_UNKNOWN').data.kader.message).toBe(
      'Permintaan ditolak: asal permintaan tidak dikenal.',
    );
  });
});

/** Bytes written on a socket as they are, and the whole answer read back. */
function onSocket(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe("requests Node's parser refuses", () => {
  const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as ErrorBody;

  it('headers over the limit: 431, with the limit in words', async () => {
    const answer = await onSocket(app.url, `GET /trpc/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    const { kader, httpStatus } = bodyOf(answer).error.data;
    expect(httpStatus).toBe(431);
    expect(kader).toMatchObject({ reason: 'REQUEST_HEAD_TOO_LARGE', params: { kilobytes: 16 } });
    expect(kader.message).toBe(
      'Alamat atau header permintaan terlalu panjang: paling banyak 16 KB. Kirim data besar di badan permintaan (POST).',
    );
  });

  it('a request line that is not HTTP: 400', async () => {
    const answer = await onSocket(app.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const { kader } = bodyOf(answer).error.data;
    expect(kader).toMatchObject({ reason: 'REQUEST_UNREADABLE', message: 'Permintaan HTTP tidak dapat dibaca.' });
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
