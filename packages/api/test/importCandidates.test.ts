import { verifyAuditLog } from '../src/services/verifyAuditLog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRPCError } from '@trpc/server';
import { toClientError } from '../src/errors';
import { createCaller } from '../src/index';
import { CANDIDATE_HEADER, candidateLine, candidatesCsv } from './candidateCsvRows';
import { fixedClock, madiun2026, seededDatabase, userContext } from './helpers';

let db: ReturnType<typeof seededDatabase>;
let periodId: number;
let area: string;
const clock = fixedClock();

beforeAll(() => {
  db = seededDatabase();
  periodId = madiun2026(db.handle);
  area = (
    db.handle.sqlite
      .prepare(
        'select w.name from work_areas w join recruitment_periods p on p.branch_id = w.branch_id where p.id = ? order by w.name',
      )
      .get(periodId) as { name: string }
  ).name;
});
afterAll(() => db.cleanup());

const recruiter = () => createCaller(userContext(db.handle, 'rekruter.madiun', clock.now));
const count = (sql: string) => (db.handle.sqlite.prepare(sql).get() as { n: number }).n;
const applications = () => count('select count(*) n from applications');
const audits = () => count('select count(*) n from audit_events');
const lines = (...rows: string[]) => [CANDIDATE_HEADER, ...rows].join('\r\n');

/** A candidate of the demo with an application under way in the 2026 period, and that application. */
function existing() {
  return db.handle.sqlite
    .prepare(
      `select c.nik, a.id, a.state from applications a join candidates c on c.id = a.candidate_id
       where a.period_id = ? and a.state = 'registered' limit 1`,
    )
    .get(periodId) as { nik: string; id: number; state: string };
}

describe('importing candidates from CSV', () => {
  it('a dry run answers every row and writes nothing; duplicates against the database name the existing application', async () => {
    const known = existing();
    const csv = lines(
      candidateLine(0, area),
      candidateLine(1, area, { nik: known.nik }),
      candidateLine(2, area, { pendidikan: 'SLTA' }),
      candidateLine(3, area),
    );
    const [apps, log] = [applications(), audits()];
    const dry = await recruiter().candidates.importCsv({ periodId, csv, acceptValidRows: false, dryRun: true });
    expect(applications()).toBe(apps);
    expect(audits()).toBe(log);
    expect(dry).toMatchObject({ rows: 4, ready: [2, 5], registered: [], written: false, errorCount: 2 });
    expect(dry.errors).toMatchObject([
      {
        row: 3,
        column: 'nik',
        reason: 'NIK_ALREADY_IN_PERIOD',
        params: { year: 2026, applicationId: known.id },
        existing: { applicationId: known.id, year: 2026, state: known.state, branch: 'KC Madiun' },
      },
      { row: 4, column: 'pendidikan', reason: 'IMPORT_CELL_CHOOSE' },
    ]);
    expect(dry.errors[0]!.message).toMatch(/sudah terdaftar pada periode 2026/);
    // the columns as the file writes them, also for what the registration found
    const shouted = csv.replace(/^nik;nama/, 'NIK;Nama');
    const again = await recruiter().candidates.importCsv({ periodId, csv: shouted, acceptValidRows: false, dryRun: true });
    expect(again.errors.map((e) => e.column)).toEqual(['NIK', 'pendidikan']);
  });

  it('a file with errors writes nothing unless the valid rows are asked for; then each row is its own audited registration', async () => {
    const known = existing();
    const csv = lines(candidateLine(10, area), candidateLine(11, area, { nik: known.nik }), candidateLine(12, area));
    const [apps, log] = [applications(), audits()];
    const refused = await recruiter().candidates.importCsv({ periodId, csv, acceptValidRows: false, dryRun: false });
    expect(refused).toMatchObject({ written: false, registered: [], errorCount: 1 });
    expect([applications(), audits()]).toEqual([apps, log]);
    // a part without errors of a file with one elsewhere (a bad cell) writes nothing either
    const badCell = lines(candidateLine(10, area), candidateLine(11, area, { rt_rw: 'satu' }));
    const part = await recruiter().candidates.importCsv({
      periodId,
      csv: badCell,
      acceptValidRows: false,
      dryRun: false,
      rows: { from: 2, to: 2 },
    });
    expect(part).toMatchObject({ written: false, registered: [], errors: [], errorCount: 1 });
    expect([applications(), audits()]).toEqual([apps, log]);

    const done = await recruiter().candidates.importCsv({ periodId, csv, acceptValidRows: true, dryRun: false });
    expect(done.written).toBe(true);
    expect(done.registered.map((r) => [r.row, r.name])).toEqual([
      [2, 'Calon Impor 11'],
      [4, 'Calon Impor 13'],
    ]);
    expect(done.errors).toMatchObject([{ row: 3, column: 'nik', reason: 'NIK_ALREADY_IN_PERIOD' }]);
    expect(applications()).toBe(apps + 2);
    for (const { applicationId } of done.registered) {
      const audit = db.handle.sqlite
        .prepare("select type, actor, meta from audit_events where entity_type = 'application' and entity_id = ?")
        .all(applicationId) as { type: string; actor: string; meta: string }[];
      expect(audit).toMatchObject([{ type: 'REGISTERED', actor: 'rekruter.madiun' }]);
      expect(JSON.parse(audit[0]!.meta)).toMatchObject({ periodId });
    }
    // importing the same file again: both are now registered, named with their applications
    const again = await recruiter().candidates.importCsv({ periodId, csv, acceptValidRows: false, dryRun: true });
    expect(again.errors.map((e) => [e.row, e.reason, e.existing?.applicationId])).toEqual([
      [2, 'NIK_ALREADY_IN_PERIOD', done.registered[0]!.applicationId],
      [3, 'NIK_ALREADY_IN_PERIOD', known.id],
      [4, 'NIK_ALREADY_IN_PERIOD', done.registered[1]!.applicationId],
    ]);
    const verified = verifyAuditLog(db.handle);
    expect(verified.mismatches).toEqual([]);
  });

  it('registers a large file in parts by row range; the whole file is checked each time', async () => {
    const csv = candidatesCsv(500, area, 100);
    let started = performance.now();
    const dry = await recruiter().candidates.importCsv({ periodId, csv, acceptValidRows: false, dryRun: true });
    const checkMs = performance.now() - started;
    expect(dry.errorCount).toBe(0);
    expect(dry.ready).toHaveLength(500);
    const apps = applications();
    started = performance.now();
    const registered: number[] = [];
    for (let from = 0; from < dry.ready.length; from += 200) {
      const part = dry.ready.slice(from, from + 200);
      const r = await recruiter().candidates.importCsv({
        periodId,
        csv,
        acceptValidRows: false,
        dryRun: false,
        rows: { from: part[0]!, to: part.at(-1)! },
      });
      expect(r.errorCount).toBe(0);
      registered.push(...r.registered.map((x) => x.row));
    }
    const writeMs = performance.now() - started;
    expect(registered).toEqual(dry.ready);
    expect(applications()).toBe(apps + 500);
    console.info(`[import] 500 rows: check ${checkMs.toFixed(0)} ms, register in parts of 200 ${writeMs.toFixed(0)} ms`);
  });

  it('a refusal about the period stops the whole import with its message', async () => {
    const other = db.handle.sqlite
      .prepare("select p.id from recruitment_periods p join branches b on b.id = p.branch_id where b.code <> 'KC-MDN' limit 1")
      .get() as { id: number };
    const csv = lines(candidateLine(900, area));
    await expect(
      recruiter().candidates.importCsv({ periodId: other.id, csv, acceptValidRows: false, dryRun: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recruiter().candidates.importCsv({ periodId, csv, acceptValidRows: false, dryRun: false, rows: { from: 5, to: 2 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // registration closed since 1 November: every row would be refused for it, so the import is
    const window = db.handle.sqlite
      .prepare('select registration_opens_on o, registration_closes_on c from recruitment_periods where id = ?')
      .get(periodId) as { o: string; c: string };
    db.handle.sqlite
      .prepare(
        "update recruitment_periods set registration_opens_on = '2026-01-01', registration_closes_on = '2026-11-01' where id = ?",
      )
      .run(periodId);
    try {
      const apps = applications();
      const refused = await recruiter()
        .candidates.importCsv({ periodId, csv, acceptValidRows: true, dryRun: false })
        .then(
          () => null,
          (e: TRPCError) => toClientError(e).data,
        );
      expect(refused).toMatchObject({ code: 'VALIDATION', reason: 'REGISTRATION_CLOSED', fields: [{ path: 'periodId' }] });
      expect(applications()).toBe(apps);
    } finally {
      db.handle.sqlite
        .prepare('update recruitment_periods set registration_opens_on = ?, registration_closes_on = ? where id = ?')
        .run(window.o, window.c, periodId);
    }
  });
});
