/**
 * The funnel's read model (funnel_* tables, kept by triggers on the audit log) against the
 * report's definition computed from the log itself (`funnelStagesFromLog`): after random
 * histories sent through the real services (corrections, reopenings, rejections, withdrawals,
 * stays across midnight in two zones), after the bulk generator, and as verify-audit checks it.
 */
import {
  type FunnelFilter,
  type FunnelStageRow,
  funnelCounts,
  funnelCountsFromApplications,
  funnelOutcomes,
  funnelOutcomesFromApplications,
  funnelStages,
  funnelStagesFromLog,
  insertBranch,
  insertPeriod,
  insertWorkArea,
} from '@kader/db';
import { BRANCH_TIME_ZONES, DEFAULT_RECRUITMENT_RULES, dateInZone, registerCandidateSchema } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context';
import { DomainError } from '../src/errors';
import { getApplication } from '../src/services/getApplication';
import { registerCandidate } from '../src/services/registerCandidate';
import { seededRandom } from '../src/services/bulk/random';
import { seedBulk } from '../src/services/bulkSeed';
import { shiftOf } from '../src/services/reports/filter';
import { sendApplicationEvent } from '../src/services/sendApplicationEvent';
import { readModelMismatches } from '../src/services/verify/readModels';
import { verifyAuditLog } from '../src/services/verifyAuditLog';
import { candidateInput, contextFor, REQUIRED_DOCS, tempDatabase } from './helpers';

type Event = Record<string, unknown>;
type Place = { periodId: number; areaId: number; zone: string; code: string };

const ADMIN_DONE: Event[] = [
  ...REQUIRED_DOCS.map((document) => ({ type: 'VERIFY_DOCUMENT', document })),
  { type: 'COMPLETE_ADMIN_CHECK' },
];
const reject = { type: 'REJECT', reasonCode: 'DOCUMENTS_INCOMPLETE', note: '' };
const withdraw = { type: 'WITHDRAW', reasonCode: 'OTHER_JOB', note: '' };
const reopen = { type: 'REOPEN', reason: 'Dibuka kembali untuk uji' };
const correct = (type: string, score: number) => ({ type, score, reason: 'Koreksi nilai untuk uji' });

/**
 * What may happen next in each state, weighted by repetition; `null` ends the history. Some are
 * refused by the machine in some histories (a correction of a rejection not for a score): a
 * refused event writes nothing and the history goes on.
 */
function menu(state: string, signing: () => Event[], debriefing: () => Event[]): (Event[] | null)[] {
  switch (state) {
    case 'registered':
      return [
        [{ type: 'BEGIN_ADMIN_CHECK' }],
        [{ type: 'BEGIN_ADMIN_CHECK' }],
        [{ type: 'BEGIN_ADMIN_CHECK' }],
        [reject],
        [withdraw],
      ];
    case 'administrativeCheck':
      return [ADMIN_DONE, ADMIN_DONE, ADMIN_DONE, [reject], [withdraw]];
    case 'writtenTest': {
      const pass = [{ type: 'RECORD_WRITTEN_TEST_SCORE', score: 80 }];
      return [pass, pass, pass, [{ type: 'RECORD_WRITTEN_TEST_SCORE', score: 40 }], [withdraw]];
    }
    case 'interview': {
      const pass = [{ type: 'RECORD_INTERVIEW_SCORE', score: 80 }];
      return [
        pass,
        pass,
        [{ type: 'RECORD_INTERVIEW_SCORE', score: 30 }],
        // a passing score corrected to a fail rejects where it stands; to another pass keeps the state
        [correct('CORRECT_WRITTEN_TEST_SCORE', 20)],
        [correct('CORRECT_WRITTEN_TEST_SCORE', 90)],
        [withdraw],
      ];
    }
    case 'agreementSigning':
      return [signing(), signing(), [correct('CORRECT_INTERVIEW_SCORE', 10)], [withdraw]];
    case 'debriefing':
      return [debriefing(), debriefing(), [withdraw]];
    case 'rejected':
      return [[reopen], [reopen], [correct('CORRECT_WRITTEN_TEST_SCORE', 85)], [correct('CORRECT_INTERVIEW_SCORE', 85)], null];
    case 'withdrawn':
      return [[reopen], null];
    default:
      return [null];
  }
}

/**
 * `count` applications spread over the places, each with its own clock starting in the first
 * quarter of 2026 and moving on 0 to 60 hours (to the minute) before each event, so stays cross
 * midnight in both zones. Returns how many events of each type were accepted.
 */
function randomHistories(db: ReturnType<typeof tempDatabase>, places: Place[], seed: number, count: number) {
  const { next } = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const accepted = new Map<string, number>();
  let signed = 0;
  for (let i = 0; i < count; i++) {
    const place = pick(places);
    let now = new Date(Date.UTC(2026, 0, 5) + Math.floor(next() * 80 * 24 * 60) * 60_000);
    const ctx: Context = contextFor(db.handle, () => now, 'penyelia-uji');
    const nik = `357701520890${String((seed % 10) * 1000 + i + 1).padStart(4, '0')}`;
    const { applicationId: id } = registerCandidate({
      ctx,
      input: registerCandidateSchema.parse(candidateInput(place.periodId, place.areaId, nik, `Calon Uji ${i}`)),
    });
    const today = () => dateInZone(now, place.zone);
    const signing = () => [
      {
        type: 'SIGN_AGREEMENT',
        agreementNumber: `PKS/${seed}${String(++signed).padStart(3, '0')}/${place.code}/2026`,
        signedOn: today(),
        startDate: today(),
      },
    ];
    const debriefing = () => [{ type: 'COMPLETE_DEBRIEFING', debriefedOn: today() }];
    for (let step = 0; step < 16; step++) {
      const events = pick(menu(getApplication({ ctx, input: { id } }).state, signing, debriefing));
      if (events === null) break;
      now = new Date(now.getTime() + Math.floor(next() * 60 * 60) * 60_000);
      for (const event of events) {
        try {
          sendApplicationEvent({ ctx, input: { id, revision: getApplication({ ctx, input: { id } }).revision, event } });
          accepted.set(String(event.type), (accepted.get(String(event.type)) ?? 0) + 1);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }
  }
  return accepted;
}

const sorted = (rows: FunnelStageRow[]) =>
  [...rows].sort(
    (a, b) => a.periodId - b.periodId || a.kind.localeCompare(b.kind) || String(a.state).localeCompare(String(b.state)),
  );
const canonical = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Both sides for one filter: the read model must give exactly the log's rows. */
function expectSameFigures(db: ReturnType<typeof tempDatabase>, filter: Omit<FunnelFilter, 'shifts'>) {
  const zones = db.handle.sqlite.prepare('SELECT id, time_zone AS zone FROM branches').all() as { id: number; zone: string }[];
  const f = { ...filter, shifts: Object.fromEntries(zones.map((z) => [z.id, shiftOf(z.zone)])) };
  const fromLog = sorted(funnelStagesFromLog(db.handle.db, f));
  expect(fromLog.length).toBeGreaterThan(0);
  expect(sorted(funnelStages(db.handle.db, f))).toEqual(fromLog);
  // the counts by state and channel and the outcomes, from their tables and from the applications
  const counts = canonical(funnelCountsFromApplications(db.handle.db, f));
  expect(counts.length).toBeGreaterThan(0);
  expect(canonical(funnelCounts(db.handle.db, f))).toEqual(counts);
  expect(canonical(funnelOutcomes(db.handle.db, f))).toEqual(canonical(funnelOutcomesFromApplications(db.handle.db, f)));
}

describe('the funnel read model after random histories through the services', () => {
  let db: ReturnType<typeof tempDatabase>;
  let places: Place[];
  let jayapuraId: number;
  beforeAll(() => {
    db = tempDatabase();
    const madiun = insertBranch(db.handle.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
    const jayapura = insertBranch(db.handle.db, { code: 'KC-JAP', name: 'KC Jayapura', timeZone: 'Asia/Jayapura' });
    const period = (branchId: number) =>
      insertPeriod(db.handle.db, { branchId, year: 2026, quota: 1000, rules: DEFAULT_RECRUITMENT_RULES }).id;
    const area = (branchId: number, name: string, regionCode: string) =>
      insertWorkArea(db.handle.db, { branchId, name, regionCode }).id;
    const mdn = period(madiun.id);
    const jap = period(jayapura.id);
    jayapuraId = jayapura.id;
    places = [
      { periodId: mdn, areaId: area(madiun.id, 'Kota Madiun', '35.77'), zone: 'Asia/Jakarta', code: 'KC-MDN' },
      { periodId: mdn, areaId: area(madiun.id, 'Kabupaten Ngawi', '35.21'), zone: 'Asia/Jakarta', code: 'KC-MDN' },
      { periodId: jap, areaId: area(jayapura.id, 'Kota Jayapura', '94.71'), zone: 'Asia/Jayapura', code: 'KC-JAP' },
    ];
  });
  afterAll(() => db.cleanup());

  it.each([11, 12, 13])('seed %i: every figure equals the log-based one, for every filter', (seed) => {
    const accepted = randomHistories(db, places, seed, 45);
    // the histories did what the definition is about (seeded: the same every run)
    for (const type of [
      'REJECT',
      'WITHDRAW',
      'REOPEN',
      'RECORD_WRITTEN_TEST_SCORE',
      'CORRECT_WRITTEN_TEST_SCORE',
      'SIGN_AGREEMENT',
      'COMPLETE_DEBRIEFING',
    ]) {
      expect(accepted.get(type) ?? 0, type).toBeGreaterThan(0);
    }
    const all = { branchId: null, regionCode: null, fromYear: 2026, toYear: 2026 };
    expectSameFigures(db, all);
    expectSameFigures(db, { ...all, regionCode: '35' });
    expectSameFigures(db, { ...all, regionCode: '35.21' });
    expectSameFigures(db, { ...all, branchId: jayapuraId });
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
  });

  it('verify-audit reports a read model changed behind the triggers, naming the period or the application', () => {
    const sqlite = db.handle.sqlite;
    const bucket = sqlite
      .prepare("SELECT rowid, period_id AS periodId FROM funnel_stage_days WHERE n > 0 AND stage = 'writtenTest' LIMIT 1")
      .get() as { rowid: number; periodId: number };
    sqlite.prepare('UPDATE funnel_stage_days SET n = n + 1 WHERE rowid = ?').run(bucket.rowid);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      {
        kind: 'funnel',
        id: bucket.periodId,
        reason: expect.stringMatching(
          /^funnel read model of period \d+ differs from its audit log: read model writtenTest n \d+/,
        ),
      },
    ]);
    sqlite.prepare('UPDATE funnel_stage_days SET n = n - 1 WHERE rowid = ?').run(bucket.rowid);

    const reached = sqlite.prepare('SELECT rowid, period_id AS periodId FROM funnel_furthest WHERE n > 0 LIMIT 1').get() as {
      rowid: number;
      periodId: number;
    };
    sqlite.prepare('UPDATE funnel_furthest SET n = n + 2 WHERE rowid = ?').run(reached.rowid);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      { kind: 'funnel', id: reached.periodId, reason: expect.stringContaining('went furthest to stage') },
    ]);
    sqlite.prepare('UPDATE funnel_furthest SET n = n - 2 WHERE rowid = ?').run(reached.rowid);

    // an outcome and a count by channel changed: both named in the period's mismatch
    const outcome = sqlite.prepare('SELECT rowid, period_id AS periodId FROM funnel_outcomes WHERE n > 0 LIMIT 1').get() as {
      rowid: number;
      periodId: number;
    };
    const count = sqlite
      .prepare('SELECT min(rowid) FROM funnel_counts WHERE period_id = ? AND n > 0')
      .pluck()
      .get(outcome.periodId);
    sqlite.prepare('UPDATE funnel_outcomes SET n = n - 1 WHERE rowid = ?').run(outcome.rowid);
    sqlite.prepare('UPDATE funnel_counts SET n = n + 1 WHERE rowid = ?').run(count);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      { kind: 'funnel', id: outcome.periodId, reason: expect.stringMatching(/heard from .* at .* for /) },
    ]);
    sqlite.prepare('UPDATE funnel_outcomes SET n = n + 1 WHERE rowid = ?').run(outcome.rowid);
    sqlite.prepare('UPDATE funnel_counts SET n = n - 1 WHERE rowid = ?').run(count);

    // counted in the other area of its period: the period's totals agree, the application does not
    const app = sqlite
      .prepare('SELECT application_id AS id, work_area_id AS area FROM funnel_applications WHERE work_area_id = ? LIMIT 1')
      .get(places[0]!.areaId) as { id: number; area: number };
    sqlite.prepare('UPDATE funnel_applications SET work_area_id = ? WHERE application_id = ?').run(places[1]!.areaId, app.id);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      { kind: 'application', id: app.id, reason: 'funnel read model counts it in another period or work area' },
    ]);
    sqlite.prepare('UPDATE funnel_applications SET work_area_id = ? WHERE application_id = ?').run(app.area, app.id);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);

    // an application's own rows: checked against its audit rows, named by the application alone
    // (the period's histograms are checked against the recomputed rows, so they still agree)
    const stay = sqlite
      .prepare(
        `SELECT s.rowid, s.application_id AS id, s.stage, s.days FROM funnel_application_stages s
         JOIN funnel_applications f ON f.application_id = s.application_id WHERE s.stage IS NOT f.state LIMIT 1`,
      )
      .get() as { rowid: number; id: number; stage: string; days: number };
    sqlite.prepare('UPDATE funnel_application_stages SET days = days + 3 WHERE rowid = ?').run(stay.rowid);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      {
        kind: 'application',
        id: stay.id,
        reason: `funnel read model differs from its audit log: read model ${stay.days + 3} days in ${stay.stage}; audit log ${stay.days} days in ${stay.stage}`,
      },
    ]);
    sqlite.prepare('UPDATE funnel_application_stages SET days = days - 3 WHERE rowid = ?').run(stay.rowid);

    // a stage row the log does not give (only the store has it: found although every recomputed row is)
    sqlite.prepare("INSERT INTO funnel_application_stages (application_id, stage, days) VALUES (?, 'nowhere', 4)").run(stay.id);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      {
        kind: 'application',
        id: stay.id,
        reason: 'funnel read model differs from its audit log: read model 4 days in nowhere; audit log none',
      },
    ]);
    sqlite.prepare("DELETE FROM funnel_application_stages WHERE application_id = ? AND stage = 'nowhere'").run(stay.id);

    // the standing changed: both rows shown, the state on each side
    const standing = sqlite.prepare('SELECT state FROM funnel_applications WHERE application_id = ?').pluck();
    const state = standing.get(stay.id) as string;
    const other = state === 'interview' ? 'debriefing' : 'interview';
    sqlite.prepare('UPDATE funnel_applications SET state = ? WHERE application_id = ?').run(other, stay.id);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([
      {
        kind: 'application',
        id: stay.id,
        reason: expect.stringMatching(
          new RegExp(
            `^funnel read model differs from its audit log: read model in ${other} since day \\d+, .*; audit log in ${state} since`,
          ),
        ),
      },
    ]);
    sqlite.prepare('UPDATE funnel_applications SET state = ? WHERE application_id = ?').run(state, stay.id);
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
  });
});

describe('the funnel read model’s calendar', () => {
  it('counts days on each zone’s calendar: the trigger’s shift is shiftOf(zone) for every branch zone', () => {
    const db = tempDatabase();
    try {
      const sqlite = db.handle.sqlite;
      const day = sqlite.prepare('SELECT CAST(julianday(date(?, ?)) AS INTEGER)').pluck();
      BRANCH_TIME_ZONES.forEach((zone, z) => {
        const branch = insertBranch(db.handle.db, { code: `KC-Z${z}`, name: `KC Zona ${z}`, timeZone: zone });
        const areaId = insertWorkArea(db.handle.db, { branchId: branch.id, name: 'Wilayah', regionCode: null }).id;
        const period = insertPeriod(db.handle.db, {
          branchId: branch.id,
          year: 2026,
          quota: 5,
          rules: DEFAULT_RECRUITMENT_RULES,
        });
        // registered on the hour and at :59 from 12.00 to 19.59 UTC: midnight in each of the three zones falls in it
        const register = (at: string) => {
          const registered = sqlite.prepare('SELECT count(*) FROM applications').pluck().get() as number;
          const nik = `357701520890${String(9000 + registered + 1)}`;
          const ctx = contextFor(db.handle, () => new Date(at));
          const { applicationId } = registerCandidate({
            ctx,
            input: registerCandidateSchema.parse(candidateInput(period.id, areaId, nik, 'Calon Zona')),
          });
          return sqlite
            .prepare('SELECT entered_day FROM funnel_applications WHERE application_id = ?')
            .pluck()
            .get(applicationId);
        };
        for (let hour = 12; hour < 20; hour++) {
          for (const minute of [0, 59]) {
            const at = `2026-03-10T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
            expect(register(at), `${zone} ${at}`).toBe(day.get(at, shiftOf(zone)));
          }
        }
      });
    } finally {
      db.cleanup();
    }
  });
});

describe('the funnel read model behind the bulk generator', () => {
  it('keeps up with seedBulk (its own statements, not the services): same figures as the log', async () => {
    const db = tempDatabase();
    try {
      await seedBulk(db.handle, { applications: 600, measuredShare: 0.5, today: '2026-06-15', seed: 5, perTransaction: 100 });
      const counted = db.handle.sqlite.prepare('SELECT count(*) FROM funnel_applications').pluck().get();
      expect(counted).toBe(600);
      const years = db.handle.sqlite
        .prepare('SELECT min(year) AS fromYear, max(year) AS toYear FROM recruitment_periods')
        .get() as {
        fromYear: number;
        toYear: number;
      };
      expectSameFigures(db, { branchId: null, regionCode: null, ...years });
      // verify-audit's row-by-row check agrees on the generator's periods, areas and three zones
      expect(readModelMismatches(db.handle)).toEqual([]);
    } finally {
      db.cleanup();
    }
  });
});
