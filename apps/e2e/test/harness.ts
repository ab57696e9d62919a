import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_DIR = path.resolve(E2E_DIR, '../server');
export const ADMIN_DIST = path.resolve(E2E_DIR, '../admin/dist');
export const RESULTS_DIR = path.join(E2E_DIR, 'test-results');

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` (Debian)');
  }
}

export function requireAdminBuild(): void {
  if (!existsSync(path.join(ADMIN_DIST, 'index.html'))) {
    throw new Error(
      `The admin UI is not built (${ADMIN_DIST}/index.html is missing): run \`npx pnpm@10 --filter @kader/admin build\`, ` +
        'or run the e2e tests through `npx pnpm@10 test`, which builds it first.',
    );
  }
}

export type KaderProcess = { url: string; output: () => string; stop: () => Promise<void> };

/**
 * The real server as a user starts it (`tsx src/cli.ts demo`), on a fresh database and any free
 * port: the port is read back from its "listening on" line, so nothing races for it. `node
 * --import tsx` rather than the tsx binary keeps it one process, so a signal reaches the server.
 */
export async function startServer(opts: { today?: string } = {}): Promise<KaderProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kader-e2e-'));
  const args = [
    '--import',
    'tsx',
    'src/cli.ts',
    'demo',
    '--db',
    path.join(dataDir, 'kader.db'),
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--static',
    ADMIN_DIST,
    ...(opts.today ? ['--today', opts.today] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));

  const stop = async () => {
    await kill(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not say it was listening within 60 s')), 60_000);
      const look = () => {
        const m = /listening on (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', look);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited early (code ${code}, signal ${signal})`));
      });
    });
    await waitForHealth(url);
    return { url, output: () => output, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output}`);
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health`);
      const body = (await res.json()) as { ok?: boolean; db?: string };
      if (res.ok && body.ok === true && body.db === 'ok') return;
      last = `${res.status} ${JSON.stringify(body)}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`/health did not answer ok within 30 s (last: ${last})`);
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container needs --no-sandbox; the rest keep Chromium off a network it cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
