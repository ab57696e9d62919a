import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appRouter } from '@kader/api';
import type { DbHandle } from '@kader/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlainRequest, plainCalls } from '../src/plainCalls';
import { createServer, type RunningServer } from '../src/server';
import { REQUEST_HEADERS, signIn } from './http';
import { type RawResponse, raw } from './raw';
import { openSeededCopy } from './seeded';

/**
 * The direct answer to plain calls (`plainCalls.ts`) must be the answer tRPC's `resolveResponse`
 * gives: two servers over two copies of the same demo data, one answering plain calls itself and
 * one sending everything through tRPC, get the same requests in the same order; status, the
 * headers tRPC sets and the body must agree (times of day aside: each write stamps its own clock).
 */
type Side = { app: RunningServer; handle: DbHandle; cookies: Record<string, string> };
const dir = mkdtempSync(path.join(tmpdir(), 'kader-plain-'));
let direct: Side;
let viaTrpc: Side;

async function side(name: string, plain: boolean): Promise<Side> {
  const handle = openSeededCopy(path.join(dir, `${name}.db`));
  const app = await createServer({ handle, staticDir: null, port: 0, host: '127.0.0.1', log: () => {}, plainCalls: plain });
  const cookies: Record<string, string> = {};
  for (const user of ['rekruter.madiun', 'pemantau.pusat']) cookies[user] = await signIn(app.url, user);
  return { app, handle, cookies };
}

beforeAll(async () => {
  direct = await side('direct', true);
  viaTrpc = await side('trpc', false);
});
afterAll(async () => {
  for (const s of [direct, viaTrpc]) {
    await s?.app.close();
    s?.handle.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

type Ask = { method: 'GET' | 'POST'; path: string; as?: string; body?: unknown; headers?: Record<string, string> };

function ask(s: Side, q: Ask): Promise<RawResponse> {
  const cookie = q.as ? s.cookies[q.as] : undefined;
  return raw(s.app.url, {
    method: q.method,
    path: q.path,
    headers: {
      ...REQUEST_HEADERS,
      ...(q.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
      ...q.headers,
    },
    body: q.body === undefined ? undefined : typeof q.body === 'string' ? q.body : JSON.stringify(q.body),
  });
}

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

async function expectSameAnswer(q: Ask): Promise<RawResponse> {
  const a = await ask(direct, q);
  const b = await ask(viaTrpc, q);
  const what = `${q.method} ${q.path}`;
  expect(a.status, what).toBe(b.status);
  for (const header of ['content-type', 'vary', 'content-length']) {
    if (header === 'content-length' && ISO_TIME.test(b.body)) continue;
    expect(a.headers[header], `${what}: ${header}`).toBe(b.headers[header]);
  }
  expect(JSON.parse(a.body.replace(ISO_TIME, 'T')), what).toEqual(JSON.parse(b.body.replace(ISO_TIME, 'T')));
  return a;
}

function madiunApplication(s: Side): { id: number; revision: number } {
  return s.handle.sqlite
    .prepare(
      `select a.id, a.revision from applications a join recruitment_periods p on p.id = a.period_id
       join branches b on b.id = p.branch_id where b.code = 'KC-MDN' and a.state = 'administrativeCheck' order by a.id limit 1`,
    )
    .get() as { id: number; revision: number };
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('a plain call answered directly', () => {
  it('answers what resolveResponse answers: queries, batches, a send, and each kind of refusal', async () => {
    const app = madiunApplication(direct);
    expect(madiunApplication(viaTrpc)).toEqual(app);
    const send = (revision: number, event: unknown) => ({ id: app.id, revision, event });
    const asks: Ask[] = [
      { method: 'GET', path: '/trpc/auth.me', as: 'rekruter.madiun' },
      { method: 'GET', path: '/trpc/auth.me' },
      { method: 'GET', path: '/trpc/periods.list', as: 'rekruter.madiun' },
      { method: 'GET', path: `/trpc/applications.get?input=${input({ id: app.id })}`, as: 'rekruter.madiun' },
      { method: 'GET', path: `/trpc/auth.me,periods.list?batch=1&input=${input({})}`, as: 'rekruter.madiun' },
      // one call refused, one answered: 207
      {
        method: 'GET',
        path: `/trpc/applications.get,auth.me?batch=1&input=${input({ 0: { id: 999_999 } })}`,
        as: 'rekruter.madiun',
      },
      {
        method: 'POST',
        path: '/trpc/applications.send',
        as: 'rekruter.madiun',
        body: send(app.revision, { type: 'VERIFY_DOCUMENT', document: 'KTP' }),
      },
      // the same revision again: a conflict
      {
        method: 'POST',
        path: '/trpc/applications.send',
        as: 'rekruter.madiun',
        body: send(app.revision, { type: 'VERIFY_DOCUMENT', document: 'KK' }),
      },
      // an event the state does not take, a payload the schema refuses, no session, a role that may not
      {
        method: 'POST',
        path: '/trpc/applications.send',
        as: 'rekruter.madiun',
        body: send(app.revision + 1, { type: 'SIGN_AGREEMENT' }),
      },
      {
        method: 'POST',
        path: '/trpc/applications.send',
        as: 'rekruter.madiun',
        body: send(app.revision + 1, { type: 'VERIFY_DOCUMENT', document: 'NOPE' }),
      },
      {
        method: 'POST',
        path: '/trpc/applications.send',
        body: send(app.revision + 1, { type: 'VERIFY_DOCUMENT', document: 'KK' }),
      },
      {
        method: 'POST',
        path: '/trpc/applications.send',
        as: 'pemantau.pusat',
        body: send(app.revision + 1, { type: 'VERIFY_DOCUMENT', document: 'KK' }),
      },
      {
        method: 'POST',
        path: '/trpc/applications.send,applications.send?batch=1',
        as: 'rekruter.madiun',
        body: { 0: send(app.revision + 1, { type: 'VERIFY_DOCUMENT', document: 'KK' }), 1: { id: 'x' } },
      },
    ];
    const statuses: number[] = [];
    for (const q of asks) statuses.push((await expectSameAnswer(q)).status);
    // The comparison covered answers and refusals alike, not one kind only.
    expect(statuses).toEqual([200, 401, 200, 200, 200, 207, 200, 409, expect.any(Number), 400, 401, 403, 207]);
    expect(statuses[8]).toBeGreaterThanOrEqual(400);
  });

  it('leaves to tRPC what is not plain, and tRPC words it the same either way', async () => {
    const notPlain: Ask[] = [
      { method: 'GET', path: '/trpc/no.such', as: 'rekruter.madiun' },
      { method: 'GET', path: '/trpc/constructor', as: 'rekruter.madiun' },
      { method: 'POST', path: '/trpc/auth.me', as: 'rekruter.madiun', body: {} },
      { method: 'GET', path: '/trpc/applications.send', as: 'rekruter.madiun' },
      { method: 'POST', path: '/trpc/applications.send', as: 'rekruter.madiun', body: '{"id": 1,' },
      { method: 'GET', path: '/trpc/auth.me?input=%7Bnot-json', as: 'rekruter.madiun' },
      { method: 'GET', path: '/trpc/auth.me,periods.list?batch=1&input=%5B1%5D', as: 'rekruter.madiun' },
    ];
    for (const q of notPlain) await expectSameAnswer(q);
  });
});

describe('plainCalls', () => {
  const plainRequest = (over: Partial<PlainRequest>): PlainRequest => ({
    method: 'GET',
    path: 'auth.me',
    search: new URLSearchParams(),
    contentType: undefined,
    wantsStream: false,
    body: undefined,
    ...over,
  });

  it('takes JSON queries by GET and mutations by POST, alone or batched, with their inputs', () => {
    expect(plainCalls(appRouter, plainRequest({}), 10)?.calls.map((c) => c.path)).toEqual(['auth.me']);
    const batch = plainCalls(
      appRouter,
      plainRequest({ path: 'auth.me%2Cperiods.list', search: new URLSearchParams({ batch: '1', input: '{"1":{"a":1}}' }) }),
      10,
    );
    expect(batch).toMatchObject({
      batch: true,
      calls: [
        { path: 'auth.me', input: undefined },
        { path: 'periods.list', input: { a: 1 } },
      ],
    });
    const send = plainCalls(
      appRouter,
      plainRequest({
        method: 'POST',
        path: 'applications.send',
        contentType: 'application/json; charset=utf-8',
        body: Buffer.from('{"id":3}'),
      }),
      10,
    );
    expect(send).toMatchObject({ batch: false, calls: [{ path: 'applications.send', input: { id: 3 } }] });
  });

  it('leaves everything else to resolveResponse', () => {
    const post = { method: 'POST', path: 'applications.send', contentType: 'application/json', body: Buffer.from('{}') };
    const refused: Partial<PlainRequest>[] = [
      { path: 'no.such' },
      { path: 'toString' },
      { path: 'applications.send' },
      { path: '%E0%A4%A' },
      { method: 'HEAD' },
      { wantsStream: true },
      { contentType: 'multipart/form-data' },
      { ...post, contentType: undefined },
      { ...post, contentType: 'text/plain' },
      { ...post, body: Buffer.alloc(0) },
      { ...post, body: Buffer.from('{"id":') },
      { ...post, path: 'auth.me' },
      { search: new URLSearchParams({ input: '{' }) },
      { path: 'auth.me,auth.me', search: new URLSearchParams({ batch: '1', input: '[1]' }) },
      { path: 'auth.me,auth.me,auth.me', search: new URLSearchParams({ batch: '1' }) },
    ];
    for (const over of refused) expect(plainCalls(appRouter, plainRequest(over), 2), JSON.stringify(over)).toBeNull();
  });
});
