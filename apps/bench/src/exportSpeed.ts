/**
 * The CSV export at scale (issue 12), a script rather than a timed test:
 *   pnpm --filter @kader/bench exec tsx src/exportSpeed.ts [--applications 100000] [--db <file>]
 * Fills a database with the bulk generator (`seedBulk`, every application in KC Madiun's current
 * period, so the board's file has them all), serves it with the built server
 * (`node apps/server/dist/cli.js demo`), downloads `GET /export/board.csv` as the branch's viewer
 * (masked) and recruiter (`nik=full`, every NIK logged in nik_views), and prints for each: rows,
 * bytes, seconds, and the server's resident memory before and at its peak (sampled every 10 ms
 * from /proc while the file streams). Build the server first: `pnpm --filter @kader/server build`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@kader/api';
import { openDatabase } from '@kader/db';
import { bulkDatabase } from './bulkData';
import { startServer } from './http/processes';

const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));
const BUILT_CLI = join(SERVER_DIR, 'dist/cli.js');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kader-request': '1', origin: url },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kader_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

async function main() {
  if (!existsSync(BUILT_CLI)) throw new Error(`no ${BUILT_CLI}: run \`pnpm --filter @kader/server build\` first`);
  const applications = Number(option('applications') ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'kader-export-bench-'));
  const file = option('db') ?? join(dir, 'bulk.db');
  try {
    if (!existsSync(file)) await bulkDatabase(file, applications, { measuredShare: 1, label: 'export' });
    const handle = openDatabase(file);
    const { periodId, n } = handle.sqlite
      .prepare('SELECT period_id periodId, count(*) n FROM applications GROUP BY 1 ORDER BY 2 DESC LIMIT 1')
      .get() as { periodId: number; n: number };
    handle.close();
    console.log(`export: period ${periodId} has ${n.toLocaleString('en-US')} applications`);

    const server = await startServer(
      process.execPath,
      [BUILT_CLI, 'demo', '--db', file, '--port', '0', '--host', '127.0.0.1', '--static', join(dir, 'no-admin-build')],
      SERVER_DIR,
    );
    try {
      // the first download also warms the process (SQLite's page cache, V8's heap sizing): the
      // second, the same file again, shows what one more export costs
      for (const [username, nik] of [
        ['pimpinan.madiun', 'masked'],
        ['pimpinan.madiun', 'masked'],
        ['rekruter.madiun', 'full'],
      ] as const) {
        const cookie = await signIn(server.url, username);
        await sleep(500);
        const before = server.rss();
        let peak = before;
        const sampler = setInterval(() => {
          peak = Math.max(peak, server.rss());
        }, 10);
        const t0 = performance.now();
        const res = await fetch(`${server.url}/export/board.csv?periodId=${periodId}&nik=${nik}`, { headers: { cookie } });
        if (res.status !== 200 || !res.body) throw new Error(`export failed: ${res.status} ${await res.text()}`);
        let bytes = 0;
        let lines = 0;
        let chunks = 0;
        for await (const chunk of res.body) {
          chunks++;
          bytes += chunk.length;
          for (const b of chunk) if (b === 10) lines++;
        }
        const seconds = (performance.now() - t0) / 1000;
        clearInterval(sampler);
        peak = Math.max(peak, server.rss());
        console.log(
          `export board.csv as ${username} (nik=${nik}): ${(lines - 1).toLocaleString('en-US')} rows, ${mb(bytes)} in ${chunks} chunks, ` +
            `${seconds.toFixed(2)} s (${Math.round((lines - 1) / seconds).toLocaleString('en-US')} rows/s); ` +
            `server RSS ${mb(before)} before, peak ${mb(peak)} (+${mb(peak - before)})`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    if (!option('db')) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
