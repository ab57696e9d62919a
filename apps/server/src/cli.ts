import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedDemo, verifyAuditLog } from '@kader/api';
import { migrateDatabase, openDatabase, type DbHandle } from '@kader/db';
import { createServer } from './server';

const USAGE = `Kader server

Usage: kader <command> [options]

Commands:
  start         migrate the database, then serve the API and the admin UI
  demo          migrate, seed demo data when the database is empty, then start
  migrate       apply pending database migrations and exit
  seed-demo     migrate, then seed demo data when the database is empty
  verify-audit  replay every application's audit log against its stored state;
                exits 1 when any differ
  backup <file> write a consistent copy of the database to <file> (safe while serving)

Options (environment variable in brackets):
  --db <file>       SQLite database file [KADER_DB]     default ./data/kader.db
  --port <n>        port to listen on [PORT]           default 3000 (0 = any free port)
  --host <addr>     address to listen on [HOST]        default 0.0.0.0
  --static <dir>    built admin UI [KADER_STATIC_DIR]  default apps/admin/dist
  --today <date>    seed-demo/demo: the demo's "today", YYYY-MM-DD
  -h, --help        show this help
`;

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../admin/dist', import.meta.url));

type Options = { db: string; port: number; host: string; staticDir: string; today: string | undefined };

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const portText = values.port ?? process.env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${portText}"`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail('--today must be YYYY-MM-DD');
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

function seed(handle: DbHandle, today: string | undefined) {
  const { seeded } = seedDemo(handle, today ? { today } : undefined);
  console.log(seeded ? 'demo data seeded' : 'demo data skipped: the database already has data');
}

async function serve(handle: DbHandle, options: Options) {
  const staticDir = existsSync(path.join(options.staticDir, 'index.html')) ? options.staticDir : null;
  if (!staticDir) {
    console.warn(`admin UI not found at ${options.staticDir}: serving the API only (build it with \`npx pnpm@10 build\`)`);
  }
  const running = await createServer({ handle, staticDir, port: options.port, host: options.host });
  console.log(`Kader is listening on ${running.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
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
      await serve(handle, options);
      return;
    }
    case 'demo': {
      const handle = open(options.db);
      migrate(handle, options.db);
      seed(handle, options.today);
      await serve(handle, options);
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
        seed(handle, options.today);
      } finally {
        handle.close();
      }
      return;
    }
    case 'verify-audit': {
      if (!existsSync(options.db)) fail(`no database at ${options.db}`);
      const handle = openDatabase(options.db);
      try {
        const { checked, mismatches } = verifyAuditLog(handle);
        console.log(`checked ${checked} application(s) against their audit log`);
        for (const m of mismatches) console.log(`MISMATCH application ${m.applicationId}: ${m.reason}`);
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
