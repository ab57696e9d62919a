import type { DbHandle } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { client, REQUEST_HEADERS, signIn } from './http';
import { raw } from './raw';
import { startSeededServer } from './seeded';
import { MAX_BODY_BYTES } from '../src/limits';

const TOO_LARGE = 'Berkas terlalu besar: paling besar 1 MB (2.000 baris).';
const HEADER = 'nik;nama;telepon;pendidikan;jalan;rt_rw;kelurahan;kecamatan;kabupaten_kota;wilayah_kerja';

let stop: () => Promise<void>;
let handle: DbHandle;
let app: RunningServer;
let cookie: string;
let periodId: number;
let area: string;

beforeAll(async () => {
  ({ app, handle, stop } = await startSeededServer('kader-candidate-import-'));
  cookie = await signIn(app.url, 'rekruter.madiun');
  periodId = (
    handle.sqlite
      .prepare(
        "select p.id from recruitment_periods p join branches b on b.id = p.branch_id where b.code = 'KC-MDN' and p.year = 2026",
      )
      .get() as { id: number }
  ).id;
  area = (
    handle.sqlite
      .prepare('select w.name from work_areas w join recruitment_periods p on p.branch_id = w.branch_id where p.id = ?')
      .get(periodId) as {
      name: string;
    }
  ).name;
});
afterAll(() => stop?.());

/** `rows` candidates with distinct valid NIKs (born 1980-1999, serials from 8000: none of the demo's). */
function csvOf(rows: number, pad = ''): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const nik = `357701${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}${80 + (Math.floor(i / 336) % 20)}${8000 + i}`;
    lines.push(
      `${nik};Calon ${i + 1}${pad};0812${3000000 + i};SMA;Jl. Merdeka ${i + 1};001/002;Kartoharjo;Kartoharjo;Kota Madiun;${area}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('the candidate import over HTTP', () => {
  it('takes a 2,000-row file in one body; each part is checked and registered on its own', async () => {
    const csv = csvOf(2_000);
    const trpc = client(app.url, cookie);
    const check = await trpc.candidates.importCsv.mutate({
      periodId,
      csv,
      acceptValidRows: false,
      dryRun: true,
      rows: { from: 1, to: 201 },
    });
    expect(check).toMatchObject({ rows: 2_000, lastRow: 2_001, errors: [], errorCount: 0, written: false });
    expect(check.ready).toHaveLength(200);
    const part = await trpc.candidates.importCsv.mutate({
      periodId,
      csv,
      acceptValidRows: false,
      dryRun: false,
      rows: { from: 1_802, to: 2_001 },
    });
    expect(part.written).toBe(true);
    expect(part.registered.map((r) => r.row)).toEqual(check.ready.map((r) => r + 1_800));
  });

  it('refuses a file over 1 MB with the limit in words, before reading it', async () => {
    const csv = csvOf(100, 'x'.repeat(11_000));
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1024 * 1024);
    expect(Buffer.byteLength(csv) * 2).toBeLessThan(MAX_BODY_BYTES); // the body fits: the import's own limit answers
    const res = await raw(app.url, {
      method: 'POST',
      path: '/trpc/candidates.importCsv',
      headers: { 'content-type': 'application/json', ...REQUEST_HEADERS, cookie },
      body: JSON.stringify({ periodId, csv, acceptValidRows: false, dryRun: true }),
    });
    expect(res.status).toBe(400);
    const { error } = JSON.parse(res.body) as {
      error: {
        data: { kader: { reason: string; fields: { path: string; reason: string; params: unknown; message: string }[] } };
      };
    };
    expect(error.data.kader.reason).toBe('INVALID_INPUT');
    expect(error.data.kader.fields[0]).toMatchObject({
      path: 'csv',
      reason: 'REQUEST_TOO_LARGE',
      params: { megabytes: 1, rows: 2_000 },
      message: TOO_LARGE,
    });
  });

  it('refuses a file of more rows than the limit, naming it', async () => {
    const trpc = client(app.url, cookie);
    const over = await trpc.candidates.importCsv.mutate({ periodId, csv: csvOf(2_001), acceptValidRows: true, dryRun: true });
    expect(over.ready).toEqual([]);
    expect(over.errors).toMatchObject([
      {
        row: 2_002,
        reason: 'CSV_TOO_MANY_ROWS',
        params: { maximum: 2_000 },
        message: 'Berkas terlalu besar: paling banyak 2.000 baris data per impor; bagi menjadi beberapa berkas',
      },
    ]);
  });
});
