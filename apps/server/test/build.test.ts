import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The built server (`build.ts`, what `pnpm start` and the e2e tests run): plain node, no tsx, and
 * the files it reads at run time still found from the bundle: the SQL migrations beside
 * packages/db and the admin build beside apps/admin. Built into its own folder under dist, so a
 * running `dist/cli.js` is left alone.
 */
const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(SERVER_DIR, 'dist', `test-build-${process.pid}`);
const BUILT = path.join(OUT_DIR, 'cli.js');
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kader-build-'));
  await run(process.execPath, ['--import', 'tsx', 'build.ts', BUILT], { cwd: SERVER_DIR });
}, 120_000);

afterAll(() => {
  rmSync(OUT_DIR, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('migrates a new database from the migrations beside packages/db, started from elsewhere', async () => {
    const file = path.join(dataDir, 'migrated.db');
    const { stdout } = await run(process.execPath, [BUILT, 'migrate', '--db', file], { cwd: dataDir });
    expect(stdout).toContain(`database ready: ${file}`);
    const db = openDatabase(file);
    try {
      const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['applications', 'audit_events', 'sessions', 'users']));
    } finally {
      db.close();
    }
  });

  it('serves the admin build from apps/admin/dist by default, wherever it is started from', async () => {
    const admin = path.resolve(SERVER_DIR, '../admin/dist');
    const env: NodeJS.ProcessEnv = { ...process.env, KADER_DEMO_HASH: 'fast' };
    delete env.KADER_STATIC_DIR;
    const child = spawn(
      process.execPath,
      [BUILT, 'demo', '--db', path.join(dataDir, 'demo.db'), '--port', '0', '--host', '127.0.0.1'],
      {
        cwd: dataDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      const page = await fetch(`${url}/`);
      if (existsSync(path.join(admin, 'index.html'))) {
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toContain('text/html');
      } else {
        // not built here: the warning names the place it looked, the one beside apps/admin
        expect(out).toContain(`admin UI not found at ${admin}`);
      }
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
