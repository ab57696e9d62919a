import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { AppRouter } from '@kader/api';
import { seedDemo } from '@kader/api';
import { migrateDatabase, openDatabase, type DbHandle } from '@kader/db';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server';
import { client as signedClient, REQUEST_HEADERS, signIn } from './http';

const INDEX_HTML = '<!doctype html><html><head><title>fake kader admin</title></head><body><div id="root"></div></body></html>';
const SECRET = 'this file sits outside the static folder';
const BIG_JS = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `kata-${i % 50}`))};`;

let dir: string;
let staticDir: string;
let handle: DbHandle;
let app: RunningServer;
/** The demo recruiter of KC Madiun, signed in once for the whole file. */
let cookie: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kader-server-test-'));
  staticDir = path.join(dir, 'public');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(staticDir, 'assets', 'index-Abc123.js'), 'console.log("kader")');
  // a large asset with the copies the admin's build writes beside it (apps/admin/build/compressAssets.ts)
  writeFileSync(path.join(staticDir, 'assets', 'board-Big456.js'), BIG_JS);
  writeFileSync(path.join(staticDir, 'assets', 'board-Big456.js.br'), brotliCompressSync(BIG_JS));
  writeFileSync(path.join(staticDir, 'assets', 'board-Big456.js.gz'), gzipSync(BIG_JS));
  writeFileSync(path.join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);

  handle = openDatabase(path.join(dir, 'kader.db'));
  migrateDatabase(handle);
  expect((await seedDemo(handle)).seeded).toBe(true);
  app = await createServer({ handle, staticDir, port: 0, host: '127.0.0.1', log: () => {} });
  cookie = await signIn(app.url, 'rekruter.madiun');
});

afterAll(async () => {
  await app?.close();
  handle?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A raw request: fetch would normalise `..` away before the server ever saw it. */
function rawGet(
  url: string,
  rawPath: string,
  headers: http.OutgoingHttpHeaders = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; bytes: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function client(url: string, batch = true) {
  return signedClient(url, cookie, batch);
}

function kaderError(err: unknown) {
  expect(err).toBeInstanceOf(TRPCClientError);
  const data = (err as TRPCClientError<AppRouter>).data as { kader?: { code: string; message: string } } | undefined;
  expect(data?.kader).toBeDefined();
  return (err as TRPCClientError<AppRouter>).data as {
    kader: { code: string; message: string; fields?: { path: string; message: string }[]; allowedEvents?: string[] };
  };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

// 3577 01 52 08 90 000n: region 357701, a woman (52 = 12 + 40) born 12 August 1990.
const nik = (serial: number) => `357701520890${String(serial).padStart(4, '0')}`;

function registration(periodId: number, workAreaId: number, serial: number, name = 'Siti Rahmawati') {
  return {
    periodId,
    workAreaId,
    candidate: {
      nik: nik(serial),
      name,
      phone: '0812 3456 7890',
      education: 'SMA' as const,
      address: { street: 'Jl. Kenanga No. 7', rtRw: '003/005', village: 'Kauman', district: 'Klojen', regency: 'Kota Malang' },
    },
  };
}

describe('health and static files', () => {
  it('answers /health after a real database query', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ ok: true, db: 'ok' });
  });

  it('serves index.html for client routes, uncached', async () => {
    for (const route of ['/', '/lamaran/1', '/daftar']) {
      const res = await fetch(`${app.url}${route}`);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
    }
  });

  it('serves hashed assets with a long cache and the right type', async () => {
    const res = await fetch(`${app.url}/assets/index-Abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log("kader")');

    const svg = await fetch(`${app.url}/favicon.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('sends the precompressed copy the client takes, with Vary and an ETag of its own', async () => {
    const asked = (acceptEncoding: string) => rawGet(app.url, '/assets/board-Big456.js', { 'accept-encoding': acceptEncoding });
    const br = await asked('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.bytes).toString()).toBe(BIG_JS);
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    expect(br.bytes.length).toBeLessThan(BIG_JS.length / 5);

    const gz = await asked('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString()).toBe(BIG_JS);

    const plain = await asked('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString()).toBe(BIG_JS);

    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
    // a revalidation answers 304 only for the same copy
    const again = await rawGet(app.url, '/assets/board-Big456.js', {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);
  });

  it('answers 404, not the app, for a missing asset or file', async () => {
    for (const p of ['/assets/index-Old999.js', '/robots.txt']) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.status, p).toBe(404);
      const { kader } = ((await res.json()) as { error: { data: { kader: unknown } } }).error.data;
      expect(kader, p).toEqual({ code: 'NOT_FOUND', reason: 'FILE_NOT_FOUND', params: {}, message: 'Berkas tidak ditemukan.' });
    }
  });

  it('refuses path traversal', async () => {
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/lamaran/..%2f..%2f..%2fsecret.txt',
      '/index.html%00.js',
    ]) {
      const res = await rawGet(app.url, p);
      expect([400, 404], p).toContain(res.status);
      expect(res.body, p).not.toContain(SECRET);
      expect(res.body, p).not.toContain('fake kader admin');
      const { kader } = (JSON.parse(res.body) as { error: { data: { kader: { reason: string; message: string } } } }).error.data;
      if (res.status === 400) {
        expect(kader, p).toMatchObject({ reason: 'ADDRESS_NOT_ALLOWED', message: 'Alamat ini tidak diizinkan.' });
      } else {
        expect(kader.reason, p).toBe('FILE_NOT_FOUND');
      }
    }
  });

  it('refuses an address whose percent-encoding is broken', async () => {
    const res = await rawGet(app.url, '/lamaran/%E0%A4%A');
    expect(res.status).toBe(400);
    const { kader } = (JSON.parse(res.body) as { error: { data: { kader: unknown } } }).error.data;
    expect(kader).toEqual({
      code: 'VALIDATION',
      reason: 'ADDRESS_BAD_ENCODING',
      params: {},
      message: 'Alamat tidak sah: pengodean persen rusak.',
    });
  });

  it('answers JSON 404 for /trpc without a known procedure', async () => {
    for (const [p, reason, message] of [
      ['/trpc', 'PROCEDURE_MISSING', 'Alamat ini tidak menyebut prosedur; gunakan /trpc/<prosedur>.'],
      ['/trpc/', 'PROCEDURE_MISSING', 'Alamat ini tidak menyebut prosedur; gunakan /trpc/<prosedur>.'],
      ['/trpc/noSuch.procedure', 'PROCEDURE_NOT_FOUND', 'Prosedur ini tidak ada.'],
    ] as const) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type'), p).toMatch(/^application\/json/);
      const { kader } = ((await res.json()) as { error: { data: { kader: unknown } } }).error.data;
      expect(kader, p).toMatchObject({ code: 'NOT_FOUND', reason, message });
    }
  });

  it('refuses writes outside the API', async () => {
    const res = await fetch(`${app.url}/lamaran/1`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    const { kader } = ((await res.json()) as { error: { data: { kader: unknown } } }).error.data;
    expect(kader).toMatchObject({ reason: 'METHOD_NOT_ALLOWED', params: { method: 'POST', allowed: ['GET', 'HEAD'] } });
  });
});

describe('tRPC over HTTP', () => {
  it('lists periods, registers a candidate and moves the application on', async () => {
    expect((await seedDemo(handle)).seeded).toBe(false); // a second seed leaves existing data alone
    const trpc = client(app.url);

    const periods = await trpc.periods.list.query();
    expect(periods.length).toBeGreaterThan(0);
    const period = periods[0]!;
    const workArea = period.workAreas[0]!;

    const { applicationId } = await trpc.candidates.register.mutate(registration(period.id, workArea.id, 1));
    const before = await trpc.applications.get.query({ id: applicationId });
    expect(before.state).toBe('registered');
    // The NIK and what it encodes come only with a deliberate (logged) reveal.
    expect(before.candidate.canRevealNik).toBe(true);
    expect(await trpc.candidates.revealNik.mutate({ candidateId: before.candidate.id })).toMatchObject({
      sex: 'F',
      birthDate: '1990-08-12',
    });
    expect(before.candidate.phone).toBe('+6281234567890');
    expect(before.allowedEvents).toContain('BEGIN_ADMIN_CHECK');

    const after = await trpc.applications.send.mutate({
      id: applicationId,
      revision: before.revision,
      event: { type: 'BEGIN_ADMIN_CHECK' },
    });
    expect(after.state).toBe('administrativeCheck');
    expect(after.revision).toBeGreaterThan(before.revision);
    // the answer is the application; its timeline pages on its own query, newest first
    const [last] = (await trpc.applications.history.query({ id: applicationId, limit: 1 })).entries;
    expect(last).toMatchObject({ type: 'BEGIN_ADMIN_CHECK', fromState: 'registered', toState: 'administrativeCheck' });
    expect(last?.actor).toBe('rekruter.madiun');
  });

  it('returns the kader error shape for refused and invalid events', async () => {
    const trpc = client(app.url);
    const [period] = await trpc.periods.list.query();
    const { applicationId } = await trpc.candidates.register.mutate(
      registration(period!.id, period!.workAreas[0]!.id, 2, 'Dewi Lestari'),
    );
    const detail = await trpc.applications.get.query({ id: applicationId });

    // Not allowed in `registered`: the answer names what is.
    const refused = kaderError(
      await caught(
        trpc.applications.send.mutate({
          id: applicationId,
          revision: detail.revision,
          event: { type: 'RECORD_WRITTEN_TEST_SCORE', score: 80 },
        }),
      ),
    );
    expect(refused.kader.code).toBe('INVALID_TRANSITION');
    expect(refused.kader.message.length).toBeGreaterThan(0);
    expect(refused.kader.allowedEvents).toContain('BEGIN_ADMIN_CHECK');

    // A payload that fails the event's schema names the field.
    const invalid = kaderError(
      await caught(
        trpc.applications.send.mutate({
          id: applicationId,
          revision: detail.revision,
          event: { type: 'REJECT', reasonCode: 'NO_SUCH_REASON' },
        }),
      ),
    );
    expect(invalid.kader.code).toBe('VALIDATION');
    expect(invalid.kader.fields?.length).toBeGreaterThan(0);

    // A stale revision is a conflict, never a silent overwrite.
    await trpc.applications.send.mutate({ id: applicationId, revision: detail.revision, event: { type: 'BEGIN_ADMIN_CHECK' } });
    const stale = kaderError(
      await caught(
        trpc.applications.send.mutate({
          id: applicationId,
          revision: detail.revision,
          event: { type: 'WITHDRAW', reasonCode: 'OTHER_JOB' },
        }),
      ),
    );
    expect(stale.kader.code).toBe('CONFLICT');

    const missing = kaderError(await caught(trpc.applications.get.query({ id: 987654 })));
    expect(missing.kader.code).toBe('NOT_FOUND');
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, then stops accepting', async () => {
    const other = await createServer({ handle, staticDir, port: 0, host: '127.0.0.1', log: () => {} });
    const { port } = new URL(other.url);
    const trpc = client(other.url, false);
    const [period] = await trpc.periods.list.query();
    const body = JSON.stringify(registration(period!.id, period!.workAreas[0]!.id, 3, 'Rina Wulandari'));

    const arrived = new Promise<void>((resolve) => other.server.once('request', () => resolve()));
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/trpc/candidates.register',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie,
            ...REQUEST_HEADERS,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      // Half the body now, the rest once shutdown has begun: the request is mid-flight.
      req.write(body.slice(0, 20));
      void arrived.then(async () => {
        closing = other.close();
        await new Promise((r) => setTimeout(r, 100));
        req.end(body.slice(20));
      });
    });
    let closing: Promise<void> | undefined;

    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).result.data.applicationId).toBeTypeOf('number');
    await closing;

    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port: Number(port) });
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
