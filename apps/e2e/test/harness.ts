import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_DIR = path.resolve(E2E_DIR, '../server');
export const ADMIN_DIST = path.resolve(E2E_DIR, '../admin/dist');
export const RESULTS_DIR = path.join(E2E_DIR, 'test-results');
export const SERVER_BUILD = path.join(SERVER_DIR, 'dist/cli.js');

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

export function requireServerBuild(): void {
  if (!existsSync(SERVER_BUILD)) {
    throw new Error(
      `The server is not built (${SERVER_BUILD} is missing): run \`npx pnpm@10 --filter @kader/server build\`, ` +
        'or run the e2e tests through `npx pnpm@10 test`, which builds it first.',
    );
  }
}

export type KaderProcess = {
  url: string;
  /** the server's SQLite file (to read what is data, never to write) */
  dbPath: string;
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * The real server as a user starts it (`node dist/cli.js demo`, the built server), on a fresh
 * database and any free port: the port is read back from its "listening on" line, so nothing races
 * for it. With `firstAdmin`, a production start instead (`start`, empty, its first admin from the
 * environment variables an installer sets).
 */
export async function startServer(
  opts: {
    today?: string;
    /** also the Madiun history (`demo --history`, docs/reports.md): ~4,000 commands, only for the files that read it */
    history?: boolean;
    firstAdmin?: { username: string; name: string; password: string };
  } = {},
): Promise<KaderProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kader-e2e-'));
  const dbPath = path.join(dataDir, 'kader.db');
  const args = [
    SERVER_BUILD,
    opts.firstAdmin ? 'start' : 'demo',
    '--db',
    dbPath,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--static',
    ADMIN_DIST,
    ...(opts.today ? ['--today', opts.today] : []),
    ...(opts.history ? ['--history'] : []),
  ];
  const env = opts.firstAdmin
    ? {
        ...process.env,
        KADER_ADMIN_USERNAME: opts.firstAdmin.username,
        KADER_ADMIN_NAME: opts.firstAdmin.name,
        KADER_ADMIN_PASSWORD: opts.firstAdmin.password,
      }
    : process.env;
  const child = spawn(process.execPath, args, { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));

  const stop = async () => {
    await kill(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      // the history's seed runs first (~15 s of CPU; minutes on a loaded machine)
      const limit = opts.history ? 300 : 60;
      const timer = setTimeout(
        () => reject(new Error(`the server did not say it was listening within ${limit} s`)),
        limit * 1000,
      );
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
    return { url, dbPath, output: () => output, stop };
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

// ---------------------------------------------------------------------------------------------
// Shared by the e2e files: one server and one browser per file, and signing in as a demo user.

/** The demo seed's users (README "Demo"); every one has the same password. */
export const DEMO_PASSWORD = 'kader-demo-2026';
export const DEMO_USERS = {
  admin: 'admin.pusat',
  recruiter: 'rekruter.madiun',
  supervisor: 'penyelia.madiun',
  viewer: 'pimpinan.madiun',
  recruiterMakassar: 'rekruter.makassar',
} as const;

export type KaderE2E = {
  /** the running server (set in `beforeAll`) */
  readonly server: KaderProcess;
  readonly browser: Browser;
  /** a fresh browser context (own cookies) and page, with page errors collected */
  newPage: () => Promise<{
    page: Page;
    pageErrors: string[];
    /** what the page logged as errors (React logs an error a route caught): shown when a step fails */
    consoleErrors: string[];
    close: () => Promise<void>;
  }>;
  /** the server's recent output, for a failure message */
  serverTail: (chars?: number) => string;
  /**
   * Runs a browser step with its own context; screenshots it and checks no page errors. On failure
   * a screenshot and the server's output.
   */
  withPage: (name: string, steps: (page: Page) => Promise<void>) => Promise<void>;
};

/**
 * Registers `beforeAll`/`afterAll` for this file: checks Chromium and the admin build, starts the
 * demo server on a fresh database and launches Chromium; stops both afterwards.
 */
export function setupKader(opts: Parameters<typeof startServer>[0] = {}): KaderE2E {
  let server: KaderProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireChromium();
    requireAdminBuild();
    requireServerBuild();
    mkdirSync(RESULTS_DIR, { recursive: true });
    server = await startServer(opts);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // each in its own step, so a failure closing one still stops the other
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });
  const newPage = async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'id-ID' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    return { page, pageErrors, consoleErrors, close: () => context.close() };
  };
  const serverTail = (chars = 4000) => (server ? server.output().slice(-chars) : '(no server)');
  const withPage = async (name: string, steps: (page: Page) => Promise<void>): Promise<void> => {
    const { page, pageErrors, consoleErrors, close } = await newPage();
    try {
      await steps(page);
      await screenshot(page, name);
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshot(page, `${name}-failure`);
      const logged = [...pageErrors, ...consoleErrors].map((e) => e.slice(0, 2000));
      const errors = logged.length ? `\n--- errors in the page ---\n${logged.join('\n')}` : '';
      throw new Error(`${(err as Error).message}${errors}\n--- server output (last 4000 chars) ---\n${serverTail()}`, {
        cause: err,
      });
    } finally {
      await close();
    }
  };
  return {
    get server() {
      if (!server) throw new Error('the server is not running (beforeAll failed?)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not running (beforeAll failed?)');
      return browser;
    },
    newPage,
    serverTail,
    withPage,
  };
}

/** The sign-in form: fills it in and submits; does not wait for where it leads. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Signs in as a demo user through the sign-in page and waits for the signed-in header. Starts from
 * `path` (default `/`), which without a session sends the browser to `/masuk?redirect=…`.
 */
export async function signIn(page: Page, baseUrl: string, username: string, opts: { path?: string } = {}): Promise<void> {
  await page.goto(`${baseUrl}${opts.path ?? '/'}`);
  await page.waitForURL(/\/masuk(\?|$)/, { timeout: 15_000 });
  await submitLogin(page, username, DEMO_PASSWORD);
  try {
    await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
  } catch (err) {
    const shown = await page
      .getByTestId('login-error')
      .innerText()
      .catch(() => '(no login-error)');
    throw new Error(`signing in as ${username} did not reach a signed-in page (at ${page.url()}; login-error: ${shown})`, {
      cause: err,
    });
  }
}

/** What the register form's fields get besides the NIK: a plausible Malang address. */
export const CANDIDATE_ADDRESS = {
  street: 'Jl. Bunga Kenanga No. 12',
  rtRw: '004/002',
  village: 'Kauman',
  district: 'Klojen',
  regency: 'Kota Malang',
} as const;

/** Fills the register form's name, phone, education and address (the NIK and work area are the caller's). */
export async function fillCandidateForm(page: Page, name: string): Promise<void> {
  await page.getByTestId('field-candidate.name').fill(name);
  await page.getByTestId('field-candidate.phone').fill('0812-3456-7890');
  await page.getByTestId('field-candidate.education').selectOption('SMA');
  for (const [field, value] of Object.entries(CANDIDATE_ADDRESS)) {
    await page.getByTestId(`field-candidate.address.${field}`).fill(value);
  }
}

/** Follows a navigation link and waits for its page's address (and, if given, a testid on it). */
export async function openNav(page: Page, nav: string, url: RegExp, ready?: string): Promise<void> {
  await page.getByTestId(nav).click();
  await page.waitForURL(url);
  if (ready) await page.getByTestId(ready).waitFor();
}

/**
 * A query through the same public API the UI uses, with the page's session cookie (the browser
 * context's request client shares its cookies). Only to know what the page should show.
 */
export async function apiGet<T>(page: Page, baseUrl: string, procedure: string, input?: unknown): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await page.request.get(`${baseUrl}/trpc/${procedure}${query}`, { headers: { 'x-kader-request': '1' } });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok() || !body.result) throw new Error(`${procedure} failed: ${res.status()} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** A full-page screenshot into test-results/ (never fails the test itself). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true }).catch(() => {});
}
