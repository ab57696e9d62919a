import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_HEADERS, signIn } from './http';
import { openSeededCopy } from './seeded';

/**
 * A malformed agreement-number pattern once made the server search for a free number forever:
 * the process stopped answering and held SQLite's write lock. The server runs in its own process
 * here (the CLI's `demo`), so a hang shows as a request that times out, not as a frozen test.
 */
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Far longer than any answer takes, even on a loaded machine; a hang never answers. */
const ANSWER_WITHIN_MS = 15_000;
const BAD_PATTERNS = ['{seq', '{seq:}', '{seq:x}', 'PKS-{seq', '{seq:99999999}', 'PKS/{seq:7}/{kode}', 'PKS/{nomor}/{seq}'];

let dir: string;
let file: string;
let server: ChildProcess | undefined;
let url: string;
let signingId: number;
let interviewId: number;

/** Starts `kader demo` on the prepared database and waits for its address. */
function startServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        'demo',
        '--db',
        file,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--static',
        path.join(dir, 'no-ui'),
      ],
      { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server = child;
    let out = '';
    const collect = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /Kader is listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

type Answer = {
  status: number;
  body: {
    result?: { data: unknown };
    error?: {
      message: string;
      data: {
        kader: {
          code: string;
          reason: string;
          message: string;
          fields?: { path: string; reason: string; params: Record<string, unknown>; message: string }[];
        };
      };
    };
  };
};

/** One tRPC call over HTTP, given up after ANSWER_WITHIN_MS. */
async function call(cookie: string, kind: 'query' | 'mutation', procedure: string, input: unknown): Promise<Answer> {
  const headers = { ...REQUEST_HEADERS, cookie, 'content-type': 'application/json' };
  const signal = AbortSignal.timeout(ANSWER_WITHIN_MS);
  const res =
    kind === 'query'
      ? await fetch(
          `${url}/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers, signal },
        )
      : await fetch(`${url}/trpc/${procedure}`, { method: 'POST', headers, body: JSON.stringify(input), signal });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kader-pattern-test-'));
  file = path.join(dir, 'kader.db');
  const handle = openSeededCopy(file, 'fixed');
  const idOf = (name: string) =>
    (
      handle.sqlite
        .prepare('select a.id from applications a join candidates c on c.id = a.candidate_id where c.name = ?')
        .get(name) as { id: number }
    ).id;
  signingId = idOf('Dewi Lestari'); // at the signing stage
  interviewId = idOf('Eko Prasetyo'); // at the interview
  // Written before patterns were checked: KC Madiun's malformed pattern, and the one "number" it
  // ever makes already in use, so a search for a free one can never succeed.
  handle.sqlite.prepare("update branches set agreement_number_pattern = 'PKS-{seq' where code = 'KC-MDN'").run();
  handle.sqlite
    .prepare(
      "update contracts set agreement_number = 'PKS-{seq' where id = (select min(c.id) from contracts c join branches b on b.id = c.branch_id where b.code = 'KC-MDN')",
    )
    .run();
  handle.close();
  url = await startServer();
}, 60_000);

afterAll(() => {
  server?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('agreement-number patterns over HTTP', () => {
  it.each(BAD_PATTERNS)(
    'head office creating a branch with the pattern %j gets a 400 naming agreementNumberPattern; nothing is written',
    async (pattern) => {
      const admin = await signIn(url, 'admin.pusat');
      const before = await call(admin, 'query', 'branches.list', undefined);
      const code = `KC-T${BAD_PATTERNS.indexOf(pattern)}X`;
      const res = await call(admin, 'mutation', 'branches.create', {
        code,
        name: 'KC Uji Pola',
        timeZone: 'Asia/Jakarta',
        workAreas: ['Kota Uji'],
        agreementNumberPattern: pattern,
      });
      expect(res.status).toBe(400);
      const kader = res.body.error!.data.kader;
      expect(kader).toMatchObject({ code: 'VALIDATION', reason: 'INVALID_INPUT' });
      expect(kader.fields?.length).toBeGreaterThan(0);
      for (const f of kader.fields!) {
        expect(f).toMatchObject({ path: 'agreementNumberPattern', reason: 'AGREEMENT_PATTERN_INVALID' });
        expect(f.message).toMatch(/^Pola nomor PKS tidak valid: /);
      }
      const after = await call(admin, 'query', 'branches.list', undefined);
      expect(after.body.result!.data).toEqual(before.body.result!.data);
      expect(JSON.stringify(after.body.result!.data)).not.toContain(code);
    },
  );

  it('a well-formed pattern is kept', async () => {
    const admin = await signIn(url, 'admin.pusat');
    const res = await call(admin, 'mutation', 'branches.create', {
      code: 'KC-KDR',
      name: 'KC Kediri',
      timeZone: 'Asia/Jakarta',
      workAreas: ['Kota Kediri'],
      agreementNumberPattern: 'PKS/{seq:3}/{kode}/{romawi}/{yyyy}',
    });
    expect(res.status).toBe(200);
  });

  it('with a malformed pattern already stored, the signing-stage application still answers, naming the problem', async () => {
    const recruiter = await signIn(url, 'rekruter.madiun');
    const res = await call(recruiter, 'query', 'applications.get', { id: signingId });
    expect(res.status).toBe(200);
    const detail = res.body.result!.data as {
      state: string;
      suggestedAgreementNumber: string | null;
      agreementNumberProblem: { reason: string; params: Record<string, unknown>; message: string } | null;
    };
    expect(detail.state).toBe('agreementSigning');
    expect(detail.suggestedAgreementNumber).toBeNull();
    expect(detail.agreementNumberProblem).toMatchObject({
      reason: 'AGREEMENT_PATTERN_BROKEN',
      params: { branch: 'KC Madiun', pattern: 'PKS-{seq' },
    });
    expect(detail.agreementNumberProblem!.message).toMatch(
      /Pola nomor PKS KC Madiun \("PKS-\{seq"\) tidak valid: tanda "\{" pada posisi 5 tidak ditutup/,
    );
  });

  it('moving an application into the signing stage answers, and the write lock is free afterwards', async () => {
    const recruiter = await signIn(url, 'rekruter.madiun');
    const { revision } = (await call(recruiter, 'query', 'applications.get', { id: interviewId })).body.result!.data as {
      revision: number;
    };
    const moved = await call(recruiter, 'mutation', 'applications.send', {
      id: interviewId,
      revision,
      event: { type: 'RECORD_INTERVIEW_SCORE', score: 80, notes: '' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.result!.data).toMatchObject({ state: 'agreementSigning', suggestedAgreementNumber: null });
    // Another write goes through: nothing holds SQLite's write lock.
    const next = await call(recruiter, 'mutation', 'applications.send', {
      id: interviewId,
      revision: revision + 1,
      event: { type: 'REJECT', reasonCode: 'OTHER', note: 'Uji: kunci tulis sudah lepas' },
    });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
  });

  it('a signing carries the number the recruiter typed, so a malformed stored pattern does not block it', async () => {
    // The pattern only suggests a number: refusing signings over it would stop a branch's
    // recruitment until someone edits the database by hand.
    const recruiter = await signIn(url, 'rekruter.madiun');
    const { revision } = (await call(recruiter, 'query', 'applications.get', { id: signingId })).body.result!.data as {
      revision: number;
    };
    const signed = await call(recruiter, 'mutation', 'applications.send', {
      id: signingId,
      revision,
      event: { type: 'SIGN_AGREEMENT', agreementNumber: 'PKS/777/KC-MDN/2026', signedOn: '2026-11-27', startDate: '2026-12-01' },
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.result!.data).toMatchObject({ state: 'debriefing' });
  });
});
