/**
 * The HTTP section: transitions per second over HTTP at concurrency 32 and latency at concurrency
 * 1, Kader's real server (built, `node apps/server/dist/cli.js start`, tRPC `applications.send` with
 * a signed-in recruiter's session cookie) beside a bare node:http server doing only the raw
 * transaction (http/bareServer.ts), and the same bare server calling Kader's service directly
 * (`--service`: the command without tRPC and the session, the floor of any server running it).
 * Servers and the load generator (http/load.ts) are separate processes on loopback; each round starts each server on a fresh copy of one seeded file, warms
 * it up, then measures; bare and Kader rounds are interleaved (the order turns round each round)
 * and the median is reported. Also the built server's start time and idle memory beside the same
 * server started under tsx (how it ran before it was built).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { median, ms, rate, roundsNote } from './figures';
import { type HttpFixture, seedHttpTemplate, shareOut } from './http/fixture';
import type { LoadPlan, LoadResult, Target } from './http/load';
import { runToEnd, type ServerProcess, startServer } from './http/processes';
import type { Section, SectionRun } from './section';
import { copyOf, removeCopy } from './workloads';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));
const BUILT_CLI = join(SERVER_DIR, 'dist/cli.js');
const BARE_SERVER = fileURLToPath(new URL('./http/bareServer.ts', import.meta.url));
const LOAD = fileURLToPath(new URL('./http/load.ts', import.meta.url));
/** Kader's CLI as `pnpm cli` runs it (before the build): the tsx binary and its child process. */
const TSX = join(SERVER_DIR, 'node_modules/.bin/tsx');

const CONCURRENCY = 32;
/** Idle memory is read this long after the "listening on" line (the scheduler's first run is done). */
const IDLE_MS = 1000;

const httpSizes = (smoke: boolean) =>
  smoke
    ? { applications: CONCURRENCY, rounds: 1, warmupMs: 500, c32Ms: 1500, c1Ms: 1000, underTsx: false }
    : { applications: 4 * CONCURRENCY, rounds: 3, warmupMs: 3000, c32Ms: 8000, c1Ms: 4000, underTsx: true };

type Sizes = ReturnType<typeof httpSizes>;
type Round = { c32: LoadResult; c1: LoadResult };
type Start = { startMs: number; rss: number };

async function load(target: Target, fixture: HttpFixture, sizes: Sizes): Promise<Round> {
  const plan: LoadPlan = {
    target,
    clients: shareOut(fixture.applications, CONCURRENCY),
    phases: [
      { name: 'warm-up', concurrency: CONCURRENCY, ms: sizes.warmupMs, measured: false },
      { name: 'c32', concurrency: CONCURRENCY, ms: sizes.c32Ms, measured: true },
      { name: 'c1', concurrency: 1, ms: sizes.c1Ms, measured: true },
    ],
  };
  const out = await runToEnd(process.execPath, ['--import', 'tsx', LOAD, JSON.stringify(plan)], BENCH_DIR);
  const results = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LoadResult);
  const failed = results.find((r) => r.failures > 0);
  if (failed) {
    throw new Error(
      `${target.url}${target.path}: ${failed.failures} request(s) failed in ${failed.phase}: ${failed.firstFailure}`,
    );
  }
  const phase = (name: string) => results.find((r) => r.phase === name) ?? failWith(`no ${name} result:\n${out}`);
  return { c32: phase('c32'), c1: phase('c1') };
}

function failWith(message: string): never {
  throw new Error(message);
}

/** Signs in through the API as the browser does, and returns the session cookie (`name=value`). */
async function signIn(url: string, fixture: HttpFixture): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kader-request': '1', origin: url },
    body: JSON.stringify({ username: fixture.username, password: fixture.password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kader_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

/** The production command on a copy: `start` (refuses demo data, wants an admin), API only. */
function kaderArgs(file: string, dir: string): string[] {
  return ['start', '--db', file, '--port', '0', '--host', '127.0.0.1', '--static', join(dir, 'no-admin-build')];
}

async function withServer<T>(started: Promise<ServerProcess>, use: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await started;
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

async function runHttp({ smoke, dir }: SectionRun) {
  const sizes = httpSizes(smoke);
  const t0 = performance.now();
  // Always from the current sources: the figure is the server as it is now.
  await runToEnd(process.execPath, ['--import', 'tsx', 'build.ts'], SERVER_DIR);
  const fixture = await seedHttpTemplate(join(dir, 'template.db'), sizes.applications);
  console.log(
    `http: built the server and seeded ${sizes.applications} applications in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  mkdirSync(join(dir, 'no-admin-build'), { recursive: true });

  let copies = 0;
  const onCopy = async <T>(use: (file: string) => Promise<T>): Promise<T> => {
    const file = copyOf(fixture.file, join(dir, `round-${++copies}.db`));
    try {
      return await use(file);
    } finally {
      removeCopy(file);
    }
  };

  const bare: Round[] = [];
  const service: Round[] = [];
  const kader: Round[] = [];
  const built: Start[] = [];
  const underTsx: Start[] = [];
  const idle = async (server: ServerProcess): Promise<Start> => {
    await sleep(IDLE_MS);
    return { startMs: server.startMs, rss: server.rss() };
  };
  const steps: (() => Promise<void>)[] = [
    () =>
      onCopy((file) =>
        withServer(startServer(process.execPath, ['--import', 'tsx', BARE_SERVER, file], BENCH_DIR), async (server) => {
          bare.push(await load({ url: server.url, path: '/send', headers: {} }, fixture, sizes));
        }),
      ),
    () =>
      onCopy((file) =>
        withServer(
          startServer(process.execPath, ['--import', 'tsx', BARE_SERVER, file, '--service'], BENCH_DIR),
          async (server) => {
            service.push(await load({ url: server.url, path: '/send', headers: {} }, fixture, sizes));
          },
        ),
      ),
    () =>
      onCopy((file) =>
        withServer(startServer(process.execPath, [BUILT_CLI, ...kaderArgs(file, dir)], SERVER_DIR), async (server) => {
          built.push(await idle(server));
          const cookie = await signIn(server.url, fixture);
          const headers = { cookie, 'x-kader-request': '1', origin: server.url };
          kader.push(await load({ url: server.url, path: '/trpc/applications.send', headers }, fixture, sizes));
        }),
      ),
  ];
  // The server as it ran before it was built: a few seconds a round, so not in a smoke run.
  if (sizes.underTsx) {
    steps.push(() =>
      onCopy((file) =>
        withServer(startServer(TSX, ['src/cli.ts', ...kaderArgs(file, dir)], SERVER_DIR), async (server) => {
          underTsx.push(await idle(server));
        }),
      ),
    );
  }
  for (let r = 0; r < sizes.rounds; r++) {
    for (const step of r % 2 ? [...steps].reverse() : steps) await step();
    const b = bare[r]!;
    const v = service[r]!;
    const k = kader[r]!;
    const tsx = underTsx[r];
    console.log(
      `http round ${r + 1}/${sizes.rounds}: c=32 bare ${Math.round(b.c32.perSecond)}/s p99 ${ms(b.c32.p99Ms)}, ` +
        `service ${Math.round(v.c32.perSecond)}/s, Kader ${Math.round(k.c32.perSecond)}/s p99 ${ms(k.c32.p99Ms)}; ` +
        `c=1 p50 bare ${ms(b.c1.p50Ms)}, service ${ms(v.c1.p50Ms)}, Kader ${ms(k.c1.p50Ms)}; ` +
        `start ${ms(built[r]!.startMs)} built${tsx ? `, ${ms(tsx.startMs)} under tsx` : ''}`,
    );
  }

  const med = (rounds: Round[], pick: (r: Round) => number) => median(rounds.map(pick));
  const c32 = (rs: Round[]) =>
    `**${rate(med(rs, (r) => r.c32.perSecond))}** (p50 ${ms(med(rs, (r) => r.c32.p50Ms))}, p99 ${ms(med(rs, (r) => r.c32.p99Ms))}${roundsNote(
      rs.map((r) => r.c32.perSecond),
      (x) => Math.round(x).toLocaleString('en-US'),
    )})`;
  const c1 = (rs: Round[]) =>
    `**${ms(med(rs, (r) => r.c1.p50Ms))}** (p99 ${ms(med(rs, (r) => r.c1.p99Ms))}, ${rate(med(rs, (r) => r.c1.perSecond))}${roundsNote(
      rs.map((r) => r.c1.p50Ms),
      ms,
    )})`;
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  const start = (xs: Start[]) =>
    xs.length === 0
      ? '— (full run only)'
      : `**${ms(median(xs.map((x) => x.startMs)))}**, idle RSS **${mb(median(xs.map((x) => x.rss)))}**${roundsNote(
          xs.map((x) => x.startMs),
          ms,
        )}`;
  const ratio = (k: number, b: number) => (k / b).toFixed(3);
  return {
    rows: [
      `| HTTP transitions/s at concurrency ${CONCURRENCY} (p50, p99) | ${c32(bare)} | ${c32(kader)} | ${ratio(
        med(kader, (r) => r.c32.perSecond),
        med(bare, (r) => r.c32.perSecond),
      )}; p99 ${(med(kader, (r) => r.c32.p99Ms) / med(bare, (r) => r.c32.p99Ms)).toFixed(1)}x |`,
      `| HTTP at concurrency 1, p50 | ${c1(bare)} | ${c1(kader)} | ${(med(kader, (r) => r.c1.p50Ms) / med(bare, (r) => r.c1.p50Ms)).toFixed(1)}x |`,
      `| the same over bare node:http around Kader's own service call (no tRPC, session or checks), in the Kader column; concurrency 32 (limit column: its ratio to bare) | ${ratio(
        med(service, (r) => r.c32.perSecond),
        med(bare, (r) => r.c32.perSecond),
      )} of bare | ${c32(service)} | Kader ${ratio(
        med(kader, (r) => r.c32.perSecond),
        med(service, (r) => r.c32.perSecond),
      )} of it |`,
      `| the same at concurrency 1, p50: the floor for any server running Kader's command | bare ${ms(med(bare, (r) => r.c1.p50Ms))} | ${c1(service)} | Kader ${(med(kader, (r) => r.c1.p50Ms) / med(service, (r) => r.c1.p50Ms)).toFixed(1)}x of it |`,
      `| the server's start (to listening) and idle RSS: under tsx (limit column) / built (Kader column) | ${start(underTsx)} | ${start(built)} | ${underTsx.length ? ratio(median(built.map((x) => x.startMs)), median(underTsx.map((x) => x.startMs))) : '—'} |`,
    ],
    notes: [
      `http: ${sizes.applications} applications in the administrative check, ${sizes.applications / CONCURRENCY} per virtual client (each client owns its own: no conflicts); each request verifies or un-verifies one application's KTP`,
      `http, per round and server: a fresh copy of the seeded file, ${sizes.warmupMs / 1000} s warm-up at concurrency ${CONCURRENCY}, ${sizes.c32Ms / 1000} s at ${CONCURRENCY}, ${sizes.c1Ms / 1000} s at 1; ${sizes.rounds} round(s), interleaved, median reported; every answer must be a 2xx or the run fails`,
      'http limit: a bare node:http server (`apps/bench/src/http/bareServer.ts`) that parses the JSON body and runs the raw transaction (select, update checked against the revision, chained audit insert) with prepared statements',
      "http service: the same bare server calling Kader's `sendApplicationEvent` as the system (`bareServer.ts --service`) and answering what it returns: the command's own cost over HTTP, without tRPC, the session, the origin and batch checks or the request log",
      "http Kader: `node apps/server/dist/cli.js start` (built from the current sources by `apps/server/build.ts`), tRPC `applications.send` with the session cookie of a recruiter signed in through the API, the browser's `x-kader-request` and `Origin` headers; its request log goes to a pipe the benchmark drains",
      "http load: a separate Node process (`apps/bench/src/http/load.ts`), node:http keep-alive agent, one connection per virtual client, one request at a time each; servers and load share the machine's cores on loopback",
      `start: spawn to the "listening on" line; idle RSS ${IDLE_MS / 1000} s later, summed over the process and its children (tsx runs the server in a child of its own process)`,
    ],
  };
}

export const http: Section = { name: 'http', run: runHttp };
