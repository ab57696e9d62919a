import http from 'node:http';
import type { DbHandle } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { signIn } from './http';
import { startSeededServer } from './seeded';

/**
 * `GET /export/<list>.csv` on the real server over the demo data: the session and access checks of
 * the tRPC procedures, refusals in their JSON shape, masked NIKs unless revealed (and then logged),
 * and a large file streamed in pieces with the socket's backpressure respected.
 */
let stop: () => Promise<void>;
let handle: DbHandle;
let app: RunningServer;
let periodId: number;
const cookies = new Map<string, string>();

/** Rows added to the Madiun period so the board's file is several MB: more than one write, more than the socket holds. */
const EXTRA_ROWS = 120_000;

beforeAll(async () => {
  ({ app, handle, stop } = await startSeededServer('kader-exports-test-'));
  const q = handle.sqlite;
  const { id, areaId } = q
    .prepare(
      `select p.id, w.id areaId from recruitment_periods p join branches b on b.id = p.branch_id
       join work_areas w on w.branch_id = b.id where b.code = 'KC-MDN' and p.year = 2026 limit 1`,
    )
    .get() as { id: number; areaId: number };
  periodId = id;
  const candidate = q.prepare(
    `INSERT INTO candidates (nik, name, phone, birth_date, sex, education, street, rt_rw, village, district, regency)
     VALUES (?, ?, '+6281234567890', '1990-08-12', 'F', 'SMA', 'Jl. 1', '001/002', 'Kartoharjo', 'Kartoharjo', 'Kota Madiun')`,
  );
  const application = q.prepare(
    `INSERT INTO applications (candidate_id, period_id, work_area_id, machine_id, machine_version, state, snapshot, revision, state_entered_at, created_at, updated_at)
     VALUES (?, ?, ?, 'recruitment', 1, 'registered', '{}', 1, ?, ?, ?)`,
  );
  q.transaction(() => {
    for (let i = 0; i < EXTRA_ROWS; i++) {
      const c = candidate.run(`3577019208${String(i).padStart(6, '0')}`, `Calon Uji ${i}`);
      const at = '2026-11-20T01:00:00.000Z';
      application.run(c.lastInsertRowid, periodId, areaId, at, at, at);
    }
  })();
  for (const u of ['pemantau.pusat', 'rekruter.madiun', 'rekruter.makassar', 'admin.pusat']) {
    cookies.set(u, await signIn(app.url, u));
  }
}, 120_000);
afterAll(() => stop?.());

const get = (path: string, user: string | null, init: RequestInit = {}) =>
  fetch(`${app.url}${path}`, { ...init, headers: user ? { cookie: cookies.get(user)! } : {} });
const views = () => (handle.sqlite.prepare('select count(*) n from nik_views').get() as { n: number }).n;
const rowsInPeriod = () =>
  (handle.sqlite.prepare('select count(*) n from applications where period_id = ?').get(periodId) as { n: number }).n;

describe('access', () => {
  it.each([
    ['no session', null, `/export/board.csv?periodId=PID`, 401, 'SIGN_IN_REQUIRED'],
    ["another branch's period", 'rekruter.makassar', `/export/board.csv?periodId=PID`, 404, 'NOT_FOUND'],
    ['whole NIKs for a viewer', 'pemantau.pusat', `/export/board.csv?periodId=PID&nik=full`, 403, 'NIK_REVEAL_STAFF_ONLY'],
    ['users for a recruiter', 'rekruter.madiun', '/export/users.csv', 403, 'ROLE_NOT_ALLOWED'],
    ['a malformed filter', 'rekruter.madiun', '/export/board.csv?periodId=abc', 400, 'INVALID_INPUT'],
    ['an unknown list', 'rekruter.madiun', '/export/secrets.csv', 404, 'FILE_NOT_FOUND'],
  ])('%s is refused in the JSON shape of every refusal', async (_, user, path, status, reason) => {
    const before = views();
    const res = await get(path.replace('PID', String(periodId)), user);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { error: { data: { httpStatus: number; kader: { reason: string } } } };
    expect(body.error.data.httpStatus).toBe(status);
    expect(body.error.data.kader.reason).toBe(reason);
    expect(views()).toBe(before);
  });

  it('takes GET and HEAD only', async () => {
    const res = await get('/export/board.csv', 'rekruter.madiun', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the board file', () => {
  it("gives a viewer every row of the period with masked NIKs, as a dated CSV download with the server's headers", async () => {
    const before = views();
    const res = await get(`/export/board.csv?periodId=${periodId}`, 'pemantau.pusat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kader-papan-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    // the UTF-8 byte-order mark first, for Excel (fetch's text() would hide it)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('id_lamaran;nama;nik;wilayah_kerja;tahap;masuk_tahap');
    const data = lines.slice(1, -1);
    expect(data.length).toBe(rowsInPeriod());
    expect(data.every((l) => /;\d{4} •••• •••• \d{4};/.test(l))).toBe(true);
    expect(views()).toBe(before);
  });

  it("gives the branch's recruiter whole NIKs on request and logs each in nik_views; HEAD logs nothing", async () => {
    const head = await get(`/export/board.csv?periodId=${periodId}&nik=full`, 'rekruter.madiun', { method: 'HEAD' });
    expect(head.status).toBe(200);
    const before = views();
    const text = await (await get(`/export/board.csv?periodId=${periodId}&nik=full`, 'rekruter.madiun')).text();
    const data = text.split('\r\n').slice(1, -1);
    expect(data.every((l) => /;\d{16};/.test(l))).toBe(true);
    expect(views() - before).toBe(rowsInPeriod());
  });
});

describe('streaming', () => {
  /** The server side of the next export request, with the most it ever held in its own buffer after a write. */
  function watchNextExport() {
    const seen: { res: http.ServerResponse | null; maxBuffered: number; maxChunk: number } = {
      res: null,
      maxBuffered: 0,
      maxChunk: 0,
    };
    const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (!req.url?.startsWith('/export/')) return;
      app.server.off('request', onRequest);
      seen.res = res;
      const write = res.write.bind(res) as (chunk: string) => boolean;
      res.write = ((chunk: string) => {
        const ok = write(chunk);
        seen.maxChunk = Math.max(seen.maxChunk, Buffer.byteLength(chunk));
        seen.maxBuffered = Math.max(seen.maxBuffered, res.writableLength);
        return ok;
      }) as typeof res.write;
    };
    app.server.on('request', onRequest);
    return seen;
  }

  it('stops reading (and logging NIKs) when the client goes away midway', async () => {
    const seen = watchNextExport();
    const before = views();
    const url = new URL(`/export/board.csv?periodId=${periodId}&nik=full`, app.url);
    await new Promise<void>((resolve) => {
      const req = http.get(url, { headers: { cookie: cookies.get('rekruter.madiun')! } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => {});
    });
    await new Promise((r) => (seen.res!.closed ? r(null) : seen.res!.once('close', r)));
    // one more turn for a page the writer may have had in hand
    await new Promise((r) => setTimeout(r, 100));
    const logged = views() - before;
    expect(logged).toBeGreaterThan(0);
    expect(logged).toBeLessThan(rowsInPeriod() / 2);
    expect(seen.res!.writableFinished).toBe(false);
  });

  it('writes a large file in many pieces, and a client that stops reading stops the server reading', async () => {
    const seen = watchNextExport();
    const url = new URL(`/export/board.csv?periodId=${periodId}`, app.url);
    const paused = await new Promise<http.IncomingMessage>((resolve) => {
      http.get(url, { headers: { cookie: cookies.get('pemantau.pusat')! } }, (res) => {
        res.pause();
        resolve(res);
      });
    });
    // let the server fill what the socket takes; it must then wait for 'drain' rather than go on
    let written = -1;
    while (seen.res?.socket && seen.res.socket.bytesWritten !== written) {
      written = seen.res.socket.bytesWritten;
      await new Promise((r) => setTimeout(r, 200));
    }
    const server = seen.res!;
    expect(server.writableFinished).toBe(false);
    // the server never held more than its high-water mark plus one page's text
    expect(seen.maxBuffered).toBeLessThanOrEqual(server.writableHighWaterMark + seen.maxChunk);
    const writtenWhilePaused = server.socket!.bytesWritten;

    // reading again, the rest comes, in many 'data' events
    let events = 0;
    let bytes = 0;
    paused.on('data', (d: Buffer) => {
      events++;
      bytes += d.length;
    });
    paused.resume();
    await new Promise((r) => paused.on('end', r));
    expect(events).toBeGreaterThan(1);
    // what the socket took while the client slept (kernel buffers, a few MB) is less than the file
    expect(writtenWhilePaused).toBeLessThan(bytes);
    expect(server.socket?.bytesWritten ?? bytes).toBeGreaterThan(writtenWhilePaused);
  }, 60_000);
});
