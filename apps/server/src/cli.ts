import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  adminStatus,
  createFirstAdmin,
  DEMO_PASSWORD,
  DEMO_USERS,
  DomainError,
  ensureRegions,
  seedBulk,
  seedDemo,
  type VerifyProgress,
  verifyAuditLogInParallel,
} from '@kader/api';
import { migrateDatabase, openDatabase, type DbHandle } from '@kader/db';
import { issueMessage, render } from '@kader/workflow';
import { parsePublicOrigin } from './crossSite';
import { startScheduler } from './scheduler';
import { createServer } from './server';

const USAGE = `Kader server

Usage: kader <command> [options]

Commands:
  start         production: migrate, then serve the API and the admin UI. Refuses a demo
                database, and refuses to start without an admin (see create-admin)
  demo          migrate, seed demo data and demo users when the database is empty, then serve
                with a DEMO banner
  create-admin  create a head-office admin: --username <name> [--name <full name>]; the password
                comes from KADER_ADMIN_PASSWORD or the first line of standard input
  migrate       apply pending database migrations and exit
  seed-demo     migrate, then seed demo data when the database is empty
  seed-bulk     migrate, then fill an empty database with a generated programme of
                --applications <n> (9 branches, 5 years, cadres and contract years) and
                the demo users, to try Kader at scale; serve it with \`kader demo\`
  verify-audit  check the audit log's hash chain and replay every application's and
                contract's audit log against its stored state (progress on stderr);
                exits 1 when any differ
  backup <file> write a consistent copy of the database to <file> (safe while serving)

Options (environment variable in brackets):
  --db <file>       SQLite database file [KADER_DB]     default ./data/kader.db
  --port <n>        port to listen on [PORT]           default 3000 (0 = any free port)
  --host <addr>     address to listen on [HOST]        default 0.0.0.0
  --static <dir>    built admin UI [KADER_STATIC_DIR]  default apps/admin/dist
  --today <date>    seed-demo/demo/seed-bulk: the demo's "today", YYYY-MM-DD
  --history         seed-demo/demo: also the KC Madiun history of 2017-2021 and KC Bogor
                    (about 4,000 commands, under a minute; \`pnpm start\` asks for it)
  --applications <n>
                    seed-bulk: how many applications, e.g. 100000
  --username <name> create-admin: the admin's user name
  --name <text>     create-admin: the admin's full name
  --secure-cookies  served over HTTPS: Secure session cookie, HSTS header, and the server's
                    origin is https://<Host> [KADER_SECURE_COOKIES=1]
  --public-origin <url>
                    behind a proxy: the origin browsers use, e.g. https://kader.example; the
                    one origin a change may come from [KADER_PUBLIC_ORIGIN]
  -h, --help        show this help

First start without the CLI: set KADER_ADMIN_USERNAME and KADER_ADMIN_PASSWORD and the admin is
created when the database has none. Kader has no default password.
`;

/**
 * verify-audit's progress on stderr (stdout keeps the report): a line a second at most while it
 * runs, whether or not stderr is a terminal (CI logs are not), and the last figures at the end.
 */
function verifyProgressPrinter() {
  const latest: Partial<Record<VerifyProgress['phase'], VerifyProgress>> = {};
  let printed = 0;
  const line = () => {
    const part = (label: string, p: VerifyProgress | undefined) =>
      p
        ? `${label} ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} (${p.total ? Math.floor((100 * p.done) / p.total) : 100}%)`
        : null;
    const parts = [part('hash chain', latest.chain), part('replay', latest.replay)].filter(Boolean);
    const models = latest.readModels;
    const tail = models ? (models.done < models.total ? '; checking the report tables' : '; report tables checked') : '';
    console.error(`verify-audit: ${parts.join(', ')} audit rows${tail}`);
    printed = Date.now();
  };
  return {
    update: (p: VerifyProgress) => {
      latest[p.phase] = p;
      // each report table's check is one step of up to seconds with no figures between: said as each ends
      if (Date.now() - printed >= 1000 || p.phase === 'readModels') line();
    },
    finish: () => {
      if (latest.chain || latest.replay) line();
    },
  };
}

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../admin/dist', import.meta.url));

type Options = {
  db: string;
  port: number;
  host: string;
  staticDir: string;
  today: string | undefined;
  applications: string | undefined;
  username: string | undefined;
  name: string | undefined;
  secureCookies: boolean;
  publicOrigin: string | undefined;
  history: boolean;
};

function parse(argv: string[]): { command: string | undefined; rest: string[]; options: Options; help: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      static: { type: 'string' },
      today: { type: 'string' },
      applications: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      'secure-cookies': { type: 'boolean' },
      history: { type: 'boolean' },
      'public-origin': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const portText = values.port ?? process.env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${portText}"`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail('--today must be YYYY-MM-DD');
  const publicOriginText = values['public-origin'] ?? (process.env.KADER_PUBLIC_ORIGIN || undefined);
  let publicOrigin: string | undefined;
  try {
    publicOrigin = publicOriginText === undefined ? undefined : parsePublicOrigin(publicOriginText);
  } catch (err) {
    fail(`--public-origin: ${(err as Error).message}`);
  }
  return {
    command: positionals[0],
    rest: positionals.slice(1),
    help: values.help ?? false,
    options: {
      db: path.resolve(values.db ?? process.env.KADER_DB ?? './data/kader.db'),
      port,
      host: values.host ?? process.env.HOST ?? '0.0.0.0',
      staticDir: path.resolve(values.static ?? process.env.KADER_STATIC_DIR ?? DEFAULT_STATIC_DIR),
      today: values.today,
      applications: values.applications,
      username: values.username,
      name: values.name,
      secureCookies: values['secure-cookies'] ?? process.env.KADER_SECURE_COOKIES === '1',
      publicOrigin,
      history: values.history ?? false,
    },
  };
}

function fail(message: string): never {
  console.error(`kader: ${message}`);
  process.exit(2);
}

function open(file: string): DbHandle {
  mkdirSync(path.dirname(file), { recursive: true });
  return openDatabase(file);
}

function migrate(handle: DbHandle, file: string) {
  migrateDatabase(handle);
  console.log(`database ready: ${file}`);
}

/** Kemendagri's regions for the address picker: loaded at the first start and after an upgrade of the package. */
function loadRegions(handle: DbHandle) {
  const { loaded, dataset, ms } = ensureRegions(handle);
  if (loaded) {
    const { province, regency, district, village } = dataset.counts;
    console.log(
      `regions loaded from ${dataset.package} ${dataset.version} in ${Math.round(ms)} ms: ${province} provinces, ${regency} regencies/cities, ${district} districts, ${village} villages`,
    );
  }
}

async function seed(handle: DbHandle, today: string | undefined, history: boolean) {
  let shown = 0;
  const { seeded } = await seedDemo(handle, {
    ...(today ? { today } : {}),
    history,
    // every 5 %: on one line in a terminal, a line each in a log (a container's, CI's)
    onHistoryProgress: (done, total) => {
      if (done < total && done - shown < total / 20) return;
      shown = done;
      const text = `the Madiun history: ${Math.floor((100 * done) / total)}% of ${total.toLocaleString('en-US')} commands`;
      if (!process.stdout.isTTY) console.log(text);
      else process.stdout.write(`\r${text}${done === total ? '\n' : ''}`);
    },
  });
  console.log(seeded ? 'demo data seeded' : 'demo data skipped: the database already has data');
}

/** The generated programme, with progress on one line; a database that holds data is refused. */
async function seedBulkData(handle: DbHandle, applications: number, today: string | undefined) {
  let shown = 0;
  const summary = await seedBulk(handle, {
    applications,
    today,
    onProgress: (done, total) => {
      // about every 2%, so a long fill shows it moves without flooding a log
      if (done === shown || (done < total && done - shown < total / 50)) return;
      shown = done;
      process.stdout.write(`\rgenerating: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} applications`);
    },
  }).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
  process.stdout.write('\n');
  const count = (n: number) => n.toLocaleString('en-US');
  console.log(
    `generated in ${summary.seconds.toFixed(0)} s: ${count(summary.applications)} applications, ${count(summary.candidates)} candidates, ` +
      `${count(summary.contracts)} contract years, ${count(summary.auditRows)} audit rows (today ${summary.today})`,
  );
  console.log(`serve it with: kader demo --db ${handle.file}`);
  printDemoUsers();
  console.log('  and for each other branch rekruter.<city>, penyelia.<city>, pimpinan.<city> (e.g. rekruter.surabaya)');
}

function printDemoUsers() {
  console.log(`DEMO mode: sign in as one of these users, password "${DEMO_PASSWORD}":`);
  for (const u of DEMO_USERS)
    console.log(`  ${u.username.padEnd(18)} ${u.role}${u.branch ? ` (${u.branch})` : ' (Kantor Pusat)'}`);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.KADER_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password for the new admin (at least 10 characters): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.replace(/\r$/, '');
}

async function makeAdmin(handle: DbHandle, username: string, name: string | undefined, password: string) {
  try {
    const admin = await createFirstAdmin(handle, { username, name, password });
    console.log(`admin created: ${admin.username}`);
  } catch (err) {
    fail(refusalText(err));
  }
}

/** Why the admin was not created, from the message catalogue in the CLI's language (English). */
function refusalText(err: unknown): string {
  const issues = (err as { issues?: Parameters<typeof issueMessage>[0][] }).issues;
  if (issues) return issues.map((i) => render('en', issueMessage(i))).join('; ');
  if (err instanceof DomainError) return render('en', err.reason);
  return err instanceof Error ? err.message : String(err);
}

/** A production start needs a real admin and refuses demo data (whose passwords are public). */
async function checkProductionDatabase(handle: DbHandle) {
  const status = adminStatus(handle);
  if (status.demo) {
    fail(
      'this database holds demo data and demo users with published passwords; use `kader demo`, or --db <another file> for production',
    );
  }
  if (status.admins > 0) return;
  const username = process.env.KADER_ADMIN_USERNAME;
  const password = process.env.KADER_ADMIN_PASSWORD;
  if (username && password) {
    await makeAdmin(handle, username, process.env.KADER_ADMIN_NAME, password);
    return;
  }
  fail(
    'no admin yet. Create one with `kader create-admin --username <name>` (password from KADER_ADMIN_PASSWORD or standard input), or set KADER_ADMIN_USERNAME and KADER_ADMIN_PASSWORD for this first start',
  );
}

async function serve(handle: DbHandle, options: Options) {
  const staticDir = existsSync(path.join(options.staticDir, 'index.html')) ? options.staticDir : null;
  if (!staticDir) {
    console.warn(`admin UI not found at ${options.staticDir}: serving the API only (build it with \`npx pnpm@10 build\`)`);
  }
  const running = await createServer({
    handle,
    staticDir,
    port: options.port,
    host: options.host,
    secureCookies: options.secureCookies,
    publicOrigin: options.publicOrigin,
  });
  console.log(`Kader is listening on ${running.url}`);
  const scheduler = startScheduler(handle);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    scheduler.stop();
    console.log(`${signal}: finishing in-flight requests`);
    running
      .close()
      .then(() => {
        handle.close();
        console.log('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        console.error('shutdown failed', err);
        handle.close();
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function main(argv: string[]) {
  const { command, rest, options, help } = parse(argv);
  if (help || !command) {
    console.log(USAGE);
    process.exit(command || help ? 0 : 2);
  }

  switch (command) {
    case 'start': {
      const handle = open(options.db);
      migrate(handle, options.db);
      await checkProductionDatabase(handle);
      loadRegions(handle);
      await serve(handle, options);
      return;
    }
    case 'demo': {
      const handle = open(options.db);
      migrate(handle, options.db);
      await seed(handle, options.today, options.history);
      loadRegions(handle);
      if (adminStatus(handle).demo) printDemoUsers();
      else
        fail(
          `this database holds data but no demo users (real data, or a demo made by an older Kader): use \`kader start\`, or remove ${options.db} for a fresh demo`,
        );
      await serve(handle, options);
      return;
    }
    case 'create-admin': {
      if (!options.username) fail('create-admin needs --username <name>');
      const handle = open(options.db);
      try {
        migrate(handle, options.db);
        await makeAdmin(handle, options.username, options.name, await readPassword());
      } finally {
        handle.close();
      }
      return;
    }
    case 'migrate': {
      const handle = open(options.db);
      try {
        migrate(handle, options.db);
      } finally {
        handle.close();
      }
      return;
    }
    case 'seed-demo': {
      const handle = open(options.db);
      try {
        migrate(handle, options.db);
        await seed(handle, options.today, options.history);
        loadRegions(handle);
      } finally {
        handle.close();
      }
      return;
    }
    case 'seed-bulk': {
      const applications = Number(options.applications);
      if (!Number.isInteger(applications) || applications < 1) fail('seed-bulk needs --applications <n>, a whole number >= 1');
      const handle = open(options.db);
      try {
        migrate(handle, options.db);
        await seedBulkData(handle, applications, options.today);
      } finally {
        handle.close();
      }
      return;
    }
    case 'verify-audit': {
      if (!existsSync(options.db)) fail(`no database at ${options.db}`);
      const handle = openDatabase(options.db);
      try {
        const progress = verifyProgressPrinter();
        const { checked, mismatches } = await verifyAuditLogInParallel(handle, {
          onProgress: progress.update,
          // the report is the same without it, only slower: said on stderr, the report stays on stdout
          onWorkerFailure: (error) =>
            console.error(`verify-audit: a worker thread stopped (${error.message}); going on in fewer threads`),
        });
        progress.finish();
        console.log(`checked ${checked} application(s) and contract(s) against their audit log`);
        for (const m of mismatches) console.log(`MISMATCH ${m.kind} ${m.id}: ${m.reason}`);
        if (mismatches.length > 0) {
          console.log(`${mismatches.length} mismatch(es)`);
          process.exitCode = 1;
        } else {
          console.log('audit log consistent');
        }
      } finally {
        handle.close();
      }
      return;
    }
    case 'backup': {
      const target = rest[0];
      if (!target) fail('backup needs a target file: kader backup <file>');
      if (!existsSync(options.db)) fail(`no database at ${options.db}`);
      const dest = path.resolve(target);
      if (existsSync(dest)) fail(`${dest} exists; choose a new file`);
      const handle = openDatabase(options.db);
      try {
        mkdirSync(path.dirname(dest), { recursive: true });
        await handle.sqlite.backup(dest);
        console.log(`backup written: ${dest}`);
      } finally {
        handle.close();
      }
      return;
    }
    default:
      console.error(`kader: unknown command "${command}"\n`);
      console.error(USAGE);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
