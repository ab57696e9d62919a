import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kader-cli-test-'));
  db = path.join(dir, 'nested', 'kader.db');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Run = { code: number | null; signal: NodeJS.Signals | null; out: string };

/** The CLI as `tsx src/cli.ts` runs it, in one process (`node --import tsx`) so signals reach it. */
function cli(
  args: string[],
  opts: { onOutput?: (out: string, child: ReturnType<typeof spawn>) => void; env?: Record<string, string>; stdin?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...opts.env };
    // The admin variables must come from the test alone, never from the machine running it.
    if (!opts.env?.KADER_ADMIN_USERNAME) delete env.KADER_ADMIN_USERNAME;
    if (!opts.env?.KADER_ADMIN_PASSWORD) delete env.KADER_ADMIN_PASSWORD;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: SERVER_DIR,
      stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env,
    });
    if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
    let out = '';
    const collect = (c: Buffer) => {
      out += c.toString('utf8');
      opts.onOutput?.(out, child);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('cli', () => {
  it('migrates, creating the database folder', async () => {
    const run = await cli(['migrate', '--db', db]);
    expect(run.out).toContain('database ready');
    expect(run.code).toBe(0);
    expect(existsSync(db)).toBe(true);
  });

  it('seeds demo data once', async () => {
    const first = await cli(['seed-demo', '--db', db]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('demo data seeded');
    // Kemendagri's regions come with the first seed, and are not loaded again while the version stands
    expect(first.out).toMatch(/regions loaded from idn-area-data 4\.0\.1 .*83762 villages/);
    const second = await cli(['seed-demo', '--db', db]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('skipped');
    expect(second.out).not.toContain('regions loaded');
  });

  it('verifies the audit log, and exits 1 naming a tampered application', async () => {
    const ok = await cli(['verify-audit', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/checked [1-9]\d* application/);

    // A state column changed behind the services' back no longer matches its replayed history.
    const handle = openDatabase(db);
    const row = handle.sqlite.prepare(`select id from applications where state = 'registered' limit 1`).get() as { id: number };
    handle.sqlite.prepare(`update applications set state = 'active' where id = ?`).run(row.id);
    handle.close();

    const bad = await cli(['verify-audit', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`MISMATCH application ${row.id}:`);
  });

  it('backs the database up to a new file', async () => {
    const target = path.join(dir, 'backup.db');
    const run = await cli(['backup', target, '--db', db]);
    expect(run.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = openDatabase(target);
    const { n } = copy.sqlite.prepare('select count(*) as n from applications').get() as { n: number };
    copy.close();
    expect(n).toBeGreaterThan(0);
  });

  it('rejects an unknown command', async () => {
    const run = await cli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.out).toContain('unknown command');
  });

  it('a production start refuses a demo database', async () => {
    const run = await cli(['start', '--db', db, '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.out).toContain('demo data');
  });

  it('a production start refuses to run without an admin, and create-admin makes one', async () => {
    const prod = path.join(dir, 'prod.db');
    const refused = await cli(['start', '--db', prod, '--port', '0']);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('no admin yet');

    const short = await cli(['create-admin', '--db', prod, '--username', 'kepala.it'], { stdin: 'pendek\n' });
    expect(short.code).toBe(2);
    expect(short.out).toContain('A password needs at least 10 characters');

    const made = await cli(['create-admin', '--db', prod, '--username', 'kepala.it', '--name', 'Kepala TI'], {
      stdin: 'rahasia-yang-panjang\n',
    });
    expect(made.out).toContain('admin created: kepala.it');
    expect(made.code).toBe(0);
    const h = openDatabase(prod);
    try {
      const row = h.sqlite.prepare("select role, password_hash, demo from users where username = 'kepala.it'").get() as Record<
        string,
        unknown
      >;
      expect(row).toMatchObject({ role: 'admin', demo: 0 });
      expect(String(row.password_hash)).toMatch(/^scrypt\$/);
      expect(String(row.password_hash)).not.toContain('rahasia');
    } finally {
      h.close();
    }
  });

  it('starts with the first admin from the environment, serves /health, and exits 0 on SIGTERM', async () => {
    let url = '';
    let checked: Promise<unknown> | undefined;
    const prod = path.join(dir, 'prod-env.db');
    const run = await cli(['start', '--db', prod, '--port', '0', '--host', '127.0.0.1', '--static', path.join(dir, 'none')], {
      env: { KADER_ADMIN_USERNAME: 'admin.it', KADER_ADMIN_PASSWORD: 'kata-sandi-panjang-1' },
      onOutput: (out, child) => {
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m && !url) {
          url = m[1]!;
          checked = fetch(`${url}/health`)
            .then((r) => r.json())
            .finally(() => child.kill('SIGTERM'));
        }
      },
    });
    expect(url).not.toBe('');
    // The scheduler ran at start: its last run is on /health, without failures.
    await expect(checked).resolves.toMatchObject({ ok: true, db: 'ok', scheduler: { failures: 0 } });
    expect(run.out).toContain('admin created: admin.it');
    expect(run.out).not.toContain('kata-sandi-panjang-1');
    expect(run.out).toContain('admin UI not found');
    expect(run.out).toContain('stopped');
    expect(run.code).toBe(0);
  });
});
