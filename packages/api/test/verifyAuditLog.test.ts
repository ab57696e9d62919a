import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, type DbHandle, openDatabase } from '@kader/db';
import { registerCandidateSchema } from '@kader/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCandidate, verifyAuditLog, verifyAuditLogInParallel, type VerifyProgress } from '../src/index';
import { type TaskRunner, verifyByTasks } from '../src/services/verify/parallel';
import { runTask } from '../src/services/verify/tasks';
import { sendApplicationEvent } from '../src/services/sendApplicationEvent';
import { candidateInput, contextFor, fixedClock, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ctx: ReturnType<typeof contextFor>;
let ids: ReturnType<typeof seedBranch>;

beforeEach(() => {
  db = tempDatabase();
  ctx = contextFor(db.handle, fixedClock().now);
  ids = seedBranch(db.handle, 5);
});
afterEach(() => db.cleanup());

const register = (nik: string, name: string) =>
  registerCandidate({ ctx, input: registerCandidateSchema.parse(candidateInput(ids.period.id, ids.area.id, nik, name)) })
    .applicationId;

/** Someone with the database file in hand: the triggers are only in their way. */
function dropTriggers() {
  const sqlite = db.handle.sqlite;
  for (const { name } of sqlite.prepare("select name from sqlite_master where type = 'trigger'").all() as { name: string }[]) {
    sqlite.exec(`drop trigger ${name}`);
  }
}

/** Three applications with some history, then the log and the rows tampered with behind the triggers, several ways. */
function tamperedLog() {
  const a = register('3577015208900001', 'Sri Rahayu');
  const b = register('3577011203850002', 'Budi Santoso');
  const c = register('3577014507920003', 'Dewi Lestari');
  sendApplicationEvent({ ctx, input: { id: b, revision: 1, event: { type: 'BEGIN_ADMIN_CHECK' } } });
  const sqlite = db.handle.sqlite;
  dropTriggers();
  sqlite.prepare("update audit_events set actor = 'someone else' where entity_type = 'application' and entity_id = ?").run(a);
  sqlite.prepare("update applications set state = 'active' where id = ?").run(b);
  sqlite.prepare("update audit_events set payload = 'not json' where entity_type = 'application' and entity_id = ?").run(c);
  return { a, b, c };
}

describe('verify-audit in parts', () => {
  it('gives the one-thread report, in the same order, when its tasks are run apart', async () => {
    const { a, b, c } = tamperedLog();
    const expected = verifyAuditLog(db.handle);
    // the chain's breaks first (a's and c's rewritten rows), then the replays' (b's state, c's
    // payload), then the funnel's read model, which no longer agrees with b's state column
    expect(expected.mismatches).toEqual([
      { kind: 'application', id: a, seq: 1, reason: expect.stringContaining('does not match its content') },
      { kind: 'application', id: c, seq: 1, reason: expect.stringContaining('does not match its content') },
      { kind: 'application', id: b, reason: expect.stringMatching(/^state column says active, replay says /) },
      { kind: 'application', id: c, reason: expect.stringMatching(/^cannot be replayed: SyntaxError: /) },
      { kind: 'funnel', id: expect.any(Number), reason: expect.stringContaining('1 active heard from not recorded') },
    ]);

    // the report tables' checks are tasks too, taken first, their findings still reported last
    const inThread: TaskRunner = { run: async (task) => runTask(db.handle, task) };
    expect(await verifyByTasks(db.handle, [inThread, inThread])).toEqual(expected);
    // a runner handed two tasks at a time (as a worker is), answering them out of order
    let delay = 0;
    const twoAtATime: TaskRunner = {
      inFlight: 2,
      run: async (task) => {
        await new Promise((resolve) => setTimeout(resolve, delay++ % 2 ? 0 : 5));
        return runTask(db.handle, task);
      },
    };
    expect(await verifyByTasks(db.handle, [twoAtATime, inThread])).toEqual(expected);
    // and this thread's way: its tasks from the end of the plan, the other runner's from the start
    expect(await verifyByTasks(db.handle, [twoAtATime, { ...inThread, fromTheEnd: true }])).toEqual(expected);
    // here (vitest) no worker can load the TypeScript source, so the check runs in this thread
    expect(await verifyAuditLogInParallel(db.handle, { workersFrom: 0 })).toEqual(expected);
  });

  it('checks the seal of every audit row of an application or a contract, also one without its stored row', async () => {
    const a = register('3577015208900001', 'Sri Rahayu');
    const b = register('3577011203850002', 'Budi Santoso');
    // a contract's row with no contract stored (none is): no replay page holds a stored contract
    appendAudit(db.handle.db, { entityType: 'contract', entityId: 7, type: 'NOTE', payload: {}, actor: 'a', at: 't' });
    const sqlite = db.handle.sqlite;
    dropTriggers();
    sqlite.pragma('foreign_keys = OFF');
    // b, the last application, loses its stored row; its first audit row and the contract's are rewritten
    sqlite.prepare('delete from applications where id = ?').run(b);
    sqlite.prepare("update audit_events set actor = 'someone else' where entity_type = 'application' and entity_id = ?").run(b);
    sqlite.prepare("update audit_events set payload = '{\"note\":1}' where entity_type = 'contract'").run();
    const changed = expect.stringContaining('does not match its content');
    const expected = verifyAuditLog(db.handle);
    expect(expected.mismatches.filter((m) => m.reason.includes('does not match its content'))).toEqual([
      { kind: 'application', id: b, seq: 1, reason: changed },
      { kind: 'contract', id: 7, seq: 1, reason: changed },
    ]);
    expect(expected.mismatches.filter((m) => m.kind === 'application' && m.id === a)).toEqual([]);
    const inThread: TaskRunner = { run: async (task) => runTask(db.handle, task) };
    expect(await verifyByTasks(db.handle, [inThread, inThread])).toEqual(expected);
  });

  it('reads a page of applications as of one moment, though a command commits between its two reads', () => {
    const a = register('3577015208900001', 'Sri Rahayu');
    // the server: another connection to the file, whose command commits right after the check has
    // read the stored applications and before it reads their audit rows
    const server = openDatabase(db.file);
    const serverCtx = contextFor(server, fixedClock().now);
    let sent = false;
    const commitBetween = () => {
      if (sent) return;
      sent = true;
      sendApplicationEvent({ ctx: serverCtx, input: { id: a, revision: 1, event: { type: 'BEGIN_ADMIN_CHECK' } } });
    };
    type Statement = ReturnType<DbHandle['sqlite']['prepare']>;
    const real = db.handle.sqlite;
    const watched = (sql: string, statement: Statement): Statement =>
      new Proxy(statement, {
        get: (target, key) => {
          if (key === 'raw') return (...args: unknown[]) => watched(sql, target.raw(...(args as [boolean])));
          if (key === 'all' && sql.includes('FROM applications'))
            return (...args: unknown[]) => {
              const rows = (target.all as (...params: unknown[]) => unknown[])(...args);
              commitBetween();
              return rows;
            };
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const sqlite = new Proxy(real, {
      get: (target, key) => {
        if (key === 'prepare') return (sql: string) => watched(sql, target.prepare(sql));
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      const result = runTask({ ...db.handle, sqlite }, { kind: 'replay', entity: 'application', fromId: 1, toId: a });
      expect(sent).toBe(true);
      expect(result).toMatchObject({ kind: 'replay', mismatches: [], checked: 1 });
      // the command did commit: the next check sees it, whole
      expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
      expect(real.prepare('select revision from applications where id = ?').pluck().get(a)).toBe(2);
    } finally {
      server.close();
    }
  });

  it('goes on in this thread when a worker cannot start, and says so', async () => {
    tamperedLog();
    const expected = verifyAuditLog(db.handle);
    // a bundle that cannot load (as one built where better-sqlite3 cannot be found from)
    const worker = join(mkdtempSync(join(tmpdir(), 'kader-worker-')), 'verify-worker.mjs');
    writeFileSync(worker, "throw new Error('cannot find better-sqlite3');\n");
    const failures: Error[] = [];
    const report = await verifyAuditLogInParallel(db.handle, {
      workersFrom: 0,
      worker,
      onWorkerFailure: (e) => failures.push(e),
    });
    expect(report).toEqual(expected);
    expect(failures.map((e) => e.message)).toEqual(['cannot find better-sqlite3']);
  });

  it('reports a chain it cannot check (a log older than the hash chain) the same way in parts', async () => {
    register('3577015208900001', 'Sri Rahayu');
    const sqlite = db.handle.sqlite;
    dropTriggers();
    sqlite.exec('alter table audit_events drop column hash');
    const expected = verifyAuditLog(db.handle);
    expect(expected.mismatches).toEqual([
      { kind: 'audit_events', id: 0, reason: expect.stringMatching(/^hash chain not checked: the audit log has no hash chain/) },
    ]);
    const inThread: TaskRunner = { run: async (task) => runTask(db.handle, task) };
    expect(await verifyByTasks(db.handle, [inThread, inThread])).toEqual(expected);
  });

  it('reports progress up to every audit row, in both phases, and every report table checked', async () => {
    register('3577015208900001', 'Sri Rahayu');
    const rows = db.handle.sqlite.prepare('select count(*) from audit_events').pluck().get() as number;
    const replayed = db.handle.sqlite
      .prepare("select count(*) from audit_events where entity_type in ('application', 'contract')")
      .pluck()
      .get() as number;
    for (const check of [
      (onProgress: (p: VerifyProgress) => void) => verifyAuditLog(db.handle, { onProgress }),
      (onProgress: (p: VerifyProgress) => void) =>
        verifyByTasks(db.handle, [{ run: async (task) => runTask(db.handle, task) }], onProgress),
    ]) {
      const seen: VerifyProgress[] = [];
      await check((p) => seen.push(p));
      expect(seen.filter((p) => p.phase === 'chain').at(-1)).toEqual({ phase: 'chain', done: rows, total: rows });
      expect(seen.filter((p) => p.phase === 'replay').at(-1)).toEqual({ phase: 'replay', done: replayed, total: replayed });
      expect(seen.filter((p) => p.phase === 'readModels').at(-1)).toEqual({ phase: 'readModels', done: 3, total: 3 });
    }
  });
});
