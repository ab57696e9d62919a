/**
 * Malformed input to every procedure of the router, over real HTTP against the real server and a
 * real SQLite file: wrong methods and content types, bodies that are not JSON, input that fails
 * the procedure's schema (wrong types, huge and deeply nested values), prototype keys and
 * prototype names. Nothing may answer 500 and nothing may be written but the sign-in bookkeeping.
 * The cases come from the router (`fuzz/cases.ts`), so a new procedure is covered unedited.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { appRouter } from '@kader/api';
import type { DbHandle } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { casesFor, proceduresOf, type FuzzRequest, type ProcedureInfo } from './fuzz/cases';
import { REQUEST_HEADERS, signIn } from './http';
import { startSeededServer } from './seeded';

/** Tables a refused request may still write: failed sign-ins are counted, sessions are touched. */
const BOOKKEEPING = new Set(['login_failures', 'sessions']);

/** Who calls each procedure: someone it lets in, so the input is what gets refused. */
const USER_FOR_ROLE: Record<string, string> = {
  supervisor: 'penyelia.madiun',
  recruiter: 'rekruter.madiun',
  admin: 'admin.pusat',
  viewer: 'pimpinan.madiun',
};

let stop: () => Promise<void>;
let handle: DbHandle;
let app: RunningServer;
const cookies = new Map<string, string>();

beforeAll(async () => {
  ({ app, handle, stop } = await startSeededServer('kader-fuzz-'));
  for (const username of Object.values(USER_FOR_ROLE)) cookies.set(username, await signIn(app.url, username));
});

afterAll(() => stop?.());

function userFor(p: ProcedureInfo): string | null {
  if (p.access === 'anyone') return null;
  if (p.access === 'signedIn') return USER_FOR_ROLE.supervisor!;
  const role = ['supervisor', 'recruiter', 'admin', 'viewer'].find((r) => (p.access as readonly string[]).includes(r));
  return role ? USER_FOR_ROLE[role]! : null;
}

type Answer = { status: number; body: string };

/** node:http, not fetch: fetch refuses TRACE and rewrites some of what is sent here. */
function send(req: FuzzRequest, cookie: string | null): Promise<Answer> {
  const { hostname, port } = new URL(app.url);
  const headers: Record<string, string | number> = { ...REQUEST_HEADERS, ...req.headers };
  if (cookie) headers.cookie = cookie;
  if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
  return new Promise((resolve, reject) => {
    const r = http.request({ host: hostname, port, path: req.url, method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** A fingerprint of every table but the bookkeeping ones: any insert, update or delete changes it. */
function tableFingerprints(): Map<string, string> {
  const tables = handle.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string }[];
  const out = new Map<string, string>();
  for (const { name } of tables) {
    if (BOOKKEEPING.has(name)) continue;
    const rows = handle.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    out.set(name, createHash('sha256').update(JSON.stringify(rows)).digest('hex'));
  }
  return out;
}

/** A refusal a person can read: a message in the JSON error, for every call of a batch. */
function messagesOf(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items
    .map((i) => (i as { error?: { message?: unknown } })?.error?.message)
    .filter((m): m is string => typeof m === 'string' && m.length > 0);
}

const procedures = proceduresOf(appRouter as never);

type Planned = { request: FuzzRequest; procedure: ProcedureInfo; user: string | null };

/** Sends each request as its user; a sign-out gets a session of its own, made beforehand. */
async function run(planned: Planned[], tally: { requests: number; status4xx: number; status5xx: number }) {
  const endsSession = (x: Planned) => x.user !== null && x.procedure.type === 'mutation' && !x.procedure.input;
  const ownSessions: string[] = [];
  for (const x of planned) if (endsSession(x)) ownSessions.push(await signIn(app.url, x.user!));
  return async () => {
    // A few requests in flight at once, as browsers send them; answers keep the planned order.
    const answers: Array<Planned & Answer> = new Array(planned.length);
    let next = 0;
    const worker = async () => {
      while (next < planned.length) {
        const i = next++;
        const x = planned[i]!;
        const cookie = endsSession(x) ? ownSessions.pop()! : x.user ? cookies.get(x.user)! : null;
        const answer = await send(x.request, cookie);
        tally.requests++;
        if (answer.status >= 500) tally.status5xx++;
        if (answer.status >= 400 && answer.status < 500) tally.status4xx++;
        answers[i] = { ...x, ...answer };
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    return answers;
  };
}

const where = (a: Planned & Answer) =>
  `${a.request.method} ${a.request.procedure} — ${a.request.label}: ${a.status} ${a.body.slice(0, 200)}`;

describe('fuzzing every procedure over HTTP', () => {
  it('answers every malformed request with a 4xx and a message, never a 500, and writes nothing', async () => {
    const planned = procedures.flatMap((procedure) =>
      casesFor(procedure).map((request) => ({ request, procedure, user: userFor(procedure) })),
    );
    const invalid = planned.filter((x) => x.request.kind === 'invalid');
    const edge = planned.filter((x) => x.request.kind === 'edge');
    const tally = { requests: 0, status4xx: 0, status5xx: 0 };

    // Invalid input first, fenced by fingerprints: sessions for sign-out are made before the fence.
    const sendInvalid = await run(invalid, tally);
    const before = tableFingerprints();
    const invalidAnswers = await sendInvalid();
    const after = tableFingerprints();
    const written = [...before.keys()].filter((t) => before.get(t) !== after.get(t));

    // Then input that passes the schema with prototype names in it: it reaches the services.
    const edgeAnswers = await (await run(edge, tally))();

    const failures = [
      ...invalidAnswers.filter((a) => a.status < 400 || a.status >= 500).map(where),
      ...invalidAnswers
        .filter((a) => a.status >= 400 && a.status < 500 && messagesOf(a.body).length === 0)
        .map((a) => `${where(a)} (no message)`),
      ...edgeAnswers.filter((a) => a.status >= 500 || a.status === 0).map(where),
    ];

    // The server still answers.
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    console.log(
      `fuzz: ${procedures.length} procedures, ${tally.requests} requests (${invalid.length} invalid, ${edge.length} passing the schema), ` +
        `${tally.status4xx} answered 4xx, ${tally.status5xx} answered 5xx, tables written by invalid input: ${written.length ? written.join(', ') : 'none'}`,
    );
    expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
    expect(written).toEqual([]);
    expect(invalid.length).toBeGreaterThan(procedures.length * 20);
  });
});
