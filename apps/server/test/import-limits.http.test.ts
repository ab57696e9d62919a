import type { DbHandle } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { client, REQUEST_HEADERS, signIn } from './http';
import { errorOf, raw } from './raw';
import { startSeededServer } from './seeded';

const TOO_LARGE = 'Berkas terlalu besar: paling besar 5 MB (10.000 baris).';
const FILE_LIMIT = 5 * 1024 * 1024;

let stop: () => Promise<void>;
let handle: DbHandle;
let app: RunningServer;
let cookie: string;
let branchId: number;

beforeAll(async () => {
  ({ app, handle, stop } = await startSeededServer('kader-import-limits-'));
  cookie = await signIn(app.url, 'rekruter.madiun');
  branchId = (handle.sqlite.prepare("select id from branches where code = 'KC-MDN'").get() as { id: number }).id;
});
afterAll(() => stop?.());

const HEADER = 'nomor_pks;bulan;keluarga_binaan;keluarga_dikunjungi;kunjungan;tanggal_laporan;rapat_diadakan;rapat_dihadiri';

/** `rows` data rows naming agreements this branch does not have: each is answered with a row error. */
function csvOf(rows: number, pad = ''): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    lines.push(`PKS/9999/2026/${String(i).padStart(5, '0')}${pad};03/2026;500;120;150;05/04/2026;1;1`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('the monthly import over HTTP', () => {
  it('reads a 10.000-row file of about 1.1 MB (the documented row limit), as the admin sends it', async () => {
    const csv = csvOf(10_000, '-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1_048_576);
    const trpc = client(app.url, cookie);
    const result = await trpc.contracts.importMonths.mutate({ branchId, csv, acceptValidRows: false, dryRun: true });
    expect(result.rows).toBe(10_000);
    expect(result.errors.length).toBe(10_000);
    expect(result.errors[0]!.column).toBe('nomor_pks');
  });

  it('reads a file just under 5 MB whose JSON encoding is twice its size', async () => {
    // A quoted cell of doubled quotes: each `"` becomes `\"` in JSON, so the body is ~2 × the file.
    const cell = `"${'"'.repeat(FILE_LIMIT - 64 * 1024)}"`;
    const csv = `${HEADER}\r\n${cell};03/2026;500;120;150;05/04/2026;1;1\r\n`;
    expect(Buffer.byteLength(csv)).toBeLessThan(FILE_LIMIT);
    const body = JSON.stringify({ 0: { branchId, csv, acceptValidRows: false, dryRun: true } });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * FILE_LIMIT - 256 * 1024);
    const res = await raw(app.url, {
      method: 'POST',
      path: '/trpc/contracts.importMonths?batch=1',
      headers: { 'content-type': 'application/json', ...REQUEST_HEADERS, cookie },
      body,
    });
    expect(res.status).toBe(200);
    const [answer] = JSON.parse(res.body) as { result: { data: { rows: number; errors: unknown[] } } }[];
    expect(answer!.result.data.rows).toBe(1);
    expect(answer!.result.data.errors.length).toBeGreaterThan(0);
  });

  it('refuses a file over 5 MB with the limit in words', async () => {
    const csv = csvOf(10, 'x'.repeat(FILE_LIMIT / 10 + 100));
    const trpc = client(app.url, cookie);
    const err = await trpc.contracts.importMonths.mutate({ branchId, csv, acceptValidRows: false, dryRun: true }).then(
      () => null,
      (e: unknown) => e as { data?: { kader?: { reason: string; fields?: { path: string }[] } } },
    );
    expect(err?.data?.kader?.reason).toBe('INVALID_INPUT');
    expect(err?.data?.kader?.fields?.[0]).toMatchObject({
      path: 'csv',
      reason: 'REQUEST_TOO_LARGE',
      params: { megabytes: 5, rows: 10_000 },
      message: TOO_LARGE,
    });
  });

  it('answers a body larger than any allowed file can become with 413 and the limit in words', async () => {
    const body = JSON.stringify({
      0: { branchId, csv: '"'.repeat(FILE_LIMIT + FILE_LIMIT / 8), acceptValidRows: false, dryRun: true },
    });
    for (const chunked of [false, true]) {
      const res = await raw(app.url, {
        method: 'POST',
        path: '/trpc/contracts.importMonths?batch=1',
        headers: { 'content-type': 'application/json', ...REQUEST_HEADERS, cookie },
        body,
        chunked,
      });
      expect(res.status, `chunked: ${chunked}`).toBe(413);
      const error = errorOf(res);
      expect(error.data.httpStatus).toBe(413);
      expect(error.data.kader.message).toBe(TOO_LARGE);
      expect(error.message).toBe(TOO_LARGE);
    }
  });
});
