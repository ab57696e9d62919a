/**
 * The Madiun history as demo data (issue 12): seeded through the services beside today's demo, it
 * gives the study's figures (cadres per year, 2020 by area, targets achieved), a funnel with
 * people leaving at every stage, and ends cleanly; the seed is deterministic and idempotent.
 * Targets achieved are computed by the pure targetsAchievedByYear over the stored records, whose
 * own definition is checked first on a hand-worked example.
 */
import { getSetting, type DbHandle } from '@kader/db';
import { DEFAULT_KPI_SETTINGS, type MonthlyRecord, parseNik } from '@kader/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { seedDemoHistory } from '../src/services/demo/history';
import { STUDY_CADRES_2020_BY_AREA, STUDY_CADRES_PER_YEAR, STUDY_TARGETS_ACHIEVED } from '../src/services/demo/madiunStudy';
import { distribute } from '../src/services/demo/monthlyRecords';
import { targetsAchievedByYear } from '../src/services/demo/targetsAchieved';
import { seedDemo } from '../src/services/seedDemo';
import { tempDatabase } from './helpers';
import { TEMPLATE_DAY } from './demoTemplate';

const targets = DEFAULT_KPI_SETTINGS.targets;
const month = (m: string, visited: number, collections: MonthlyRecord['collections'], assigned = 500) => ({
  record: { month: m, familiesAssigned: assigned, familiesVisited: visited, collections },
  targets,
});

describe('targets achieved, by hand', () => {
  it('sums visits against families assigned × share, and dues on arrears 2-24 months against the target × months', () => {
    const half = { ...targets, familiesVisitedShare: 0.5 };
    const years = targetsAchievedByYear([
      month('2018-11', 100, [
        { arrearsMonths: 3, amount: 4_000_000 },
        // under 2 and over 24 months: collected, but not the cadre's target
        { arrearsMonths: 1, amount: 900_000 },
        { arrearsMonths: 25, amount: 800_000 },
      ]),
      month('2018-12', 50, [{ arrearsMonths: 24, amount: 2_000_000 }], 400),
      // another contract's targets: half the families
      { ...month('2019-01', 100, [{ arrearsMonths: 2, amount: 15_000_000 }], 400), targets: half },
    ]);
    // 2018: (100 + 50) / (500 + 400) = 16.67 %; (4 + 2) M / (2 × 10 M) = 30 %
    expect(years.map((y) => [y.year, y.months, y.visits.percent.toFixed(2), y.dues.percent.toFixed(2)])).toEqual([
      [2018, 2, '16.67', '30.00'],
      // 2019: 100 / (400 × 0.5) = 50 %; 15 M / 10 M = 150 %
      [2019, 1, '50.00', '150.00'],
    ]);
  });

  it('distributes a total exactly, none over the cap', () => {
    const out = distribute(1000, [1, 1, 10, 0.5], 500);
    expect(out.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...out)).toBe(500);
    // 500 held at the cap, the other 500 shared 1 : 1 : 0.5
    expect(out).toEqual([200, 200, 500, 100]);
  });
});

describe('the Madiun history, seeded beside today’s demo', () => {
  let db: { handle: DbHandle; cleanup: () => void };
  let handle: DbHandle;
  const progress: number[] = [];
  const all = <T>(sql: string, ...params: unknown[]) => handle.sqlite.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => handle.sqlite.prepare(sql).get(...params) as T;
  const branchId = (code: string) => one<{ id: number }>('SELECT id FROM branches WHERE code = ?', code).id;

  beforeAll(async () => {
    db = tempDatabase();
    handle = db.handle;
    const { seeded } = await seedDemo(handle, {
      today: TEMPLATE_DAY,
      history: true,
      onHistoryProgress: (done, total) => progress.push(done / total),
    });
    expect(seeded).toBe(true);
  }, 300_000);
  afterAll(() => db?.cleanup());

  it('reports its progress to the end', () => {
    expect(progress.length).toBeGreaterThan(1000);
    expect(progress.at(-1)).toBe(1);
  });

  it('makes the study’s agreements per year: 12 recruited in 2017; 12 renewed and 40 recruited in 2018; 34 and 15 renewed', () => {
    const rows = all<{ year: string; recruited: number; renewed: number }>(
      `SELECT substr(start_date, 1, 4) AS year, count(application_id) AS recruited, count(previous_contract_id) AS renewed
       FROM contracts WHERE branch_id = ? AND start_date < '2021-01-01' GROUP BY year ORDER BY year`,
      branchId('KC-MDN'),
    );
    expect(rows).toEqual([
      { year: '2017', recruited: 12, renewed: 0 },
      { year: '2018', recruited: 40, renewed: 12 },
      { year: '2019', recruited: 0, renewed: 34 },
      { year: '2020', recruited: 0, renewed: 15 },
    ]);
    expect(Object.fromEntries(rows.map((r) => [Number(r.year), r.recruited + r.renewed]))).toEqual(STUDY_CADRES_PER_YEAR);
  });

  it('puts the 15 agreements of 2020 in the study’s areas, the 2020 period split the same way', () => {
    const rows = all<{ name: string; regionCode: string; n: number }>(
      `SELECT w.name, w.region_code AS regionCode, count(*) AS n FROM contracts c JOIN work_areas w ON w.id = c.work_area_id
       WHERE c.branch_id = ? AND c.start_date LIKE '2020-%' GROUP BY w.id`,
      branchId('KC-MDN'),
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.n]))).toEqual(STUDY_CADRES_2020_BY_AREA);
    expect(rows.every((r) => /^35\.\d{2}$/.test(r.regionCode))).toBe(true);
    const split = all<{ name: string; quota: number }>(
      `SELECT w.name, q.quota FROM period_area_quotas q JOIN work_areas w ON w.id = q.work_area_id
       JOIN recruitment_periods p ON p.id = q.period_id WHERE p.branch_id = ? AND p.year = 2020`,
      branchId('KC-MDN'),
    );
    expect(Object.fromEntries(split.map((r) => [r.name, r.quota]))).toEqual(STUDY_CADRES_2020_BY_AREA);
  });

  it('gives the study’s targets achieved per calendar year from the stored monthly records', () => {
    const months = all<{ record: string }>(
      `SELECT m.record FROM monthly_reports m JOIN contracts c ON c.id = m.contract_id
       WHERE c.branch_id = ? AND c.start_date < '2021-01-01'`,
      branchId('KC-MDN'),
    ).map((r) => ({ record: JSON.parse(r.record) as MonthlyRecord, targets }));
    const years = targetsAchievedByYear(months).filter((y) => y.year <= 2020);
    expect(
      Object.fromEntries(
        years.map((y) => [y.year, { visits: Number(y.visits.percent.toFixed(1)), dues: Number(y.dues.percent.toFixed(1)) }]),
      ),
    ).toEqual(STUDY_TARGETS_ACHIEVED);
    // every cadre-month of 2017 reported: twelve cadres, April to December
    expect(years[0]!.months).toBe(12 * 9);
    // not every cadre alike
    const visited = new Set(months.filter((m) => m.record.month === '2019-08').map((m) => m.record.familiesVisited));
    expect(visited.size).toBeGreaterThan(20);
  });

  it('reports one month twice: a typo, then its correction', () => {
    const updated = all<{ type: string }>(
      `SELECT type FROM audit_events WHERE entity_type = 'contract' AND type = 'MONTH_UPDATED'`,
    );
    expect(updated).toHaveLength(1);
  });

  it('ends every agreement of 2017-2020 with its decision or a resignation: the scheduler at start marks nothing lapsed', () => {
    const states = all<{ state: string; n: number }>(
      `SELECT state, count(*) AS n FROM contracts WHERE start_date < '2021-01-01' GROUP BY state ORDER BY state`,
    );
    expect(states.map((s) => s.state)).toEqual(['dropped', 'renewed', 'resigned']);
    const run = runContractScheduler(handle, new Date(`${TEMPLATE_DAY}T03:00:00.000Z`));
    expect(run.failures).toEqual([]);
    expect(run.sent.filter((s) => s.to === 'lapsed')).toEqual([]);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM contracts WHERE state = 'lapsed'`).n).toBe(0);
    // decisions were the supervisor's, with the scorecard's recommendation recorded
    const decisions = all<{ payload: string }>(`SELECT payload FROM audit_events WHERE type = 'DECIDE_RENEWAL'`).map(
      (r) => JSON.parse(r.payload) as { recommendation: string },
    );
    expect(new Set(decisions.map((d) => d.recommendation))).toEqual(new Set(['renew', 'drop']));
  });

  it('loses candidates at every stage in 2017 and 2018, with reason codes, channels, a reopening and a score correction', () => {
    for (const year of [2017, 2018]) {
      const left = all<{ type: string; stage: string }>(
        `SELECT a.type, a.from_state AS stage FROM audit_events a JOIN applications ap ON ap.id = a.entity_id
         JOIN recruitment_periods p ON p.id = ap.period_id
         WHERE a.entity_type = 'application' AND a.type IN ('REJECT', 'WITHDRAW', 'RECORD_WRITTEN_TEST_SCORE', 'RECORD_INTERVIEW_SCORE')
           AND a.to_state IN ('rejected', 'withdrawn') AND p.year = ? AND p.branch_id = ?`,
        year,
        branchId('KC-MDN'),
      );
      const stages = new Set(left.map((l) => l.stage));
      for (const stage of ['administrativeCheck', 'writtenTest', 'interview', 'agreementSigning', 'debriefing']) {
        expect(stages, `${year} ${stage}`).toContain(stage);
      }
      const channels = all<{ heardFrom: string | null }>(
        `SELECT heard_from AS heardFrom FROM applications ap JOIN recruitment_periods p ON p.id = ap.period_id
         WHERE p.year = ? AND p.branch_id = ?`,
        year,
        branchId('KC-MDN'),
      );
      expect(new Set(channels.map((c) => c.heardFrom)).size).toBeGreaterThan(3);
    }
    const corrections = all<{ type: string }>(
      `SELECT type FROM audit_events WHERE type IN ('REOPEN', 'CORRECT_WRITTEN_TEST_SCORE') ORDER BY type`,
    );
    expect(corrections.map((c) => c.type)).toEqual(['CORRECT_WRITTEN_TEST_SCORE', 'REOPEN']);
  });

  it('gives every person a valid NIK of their work area, and every work area its region code', () => {
    const people = all<{ nik: string; regionCode: string }>(
      `SELECT DISTINCT c.nik, w.region_code AS regionCode FROM candidates c JOIN applications ap ON ap.candidate_id = c.id
       JOIN work_areas w ON w.id = ap.work_area_id JOIN branches b ON b.id = w.branch_id WHERE b.code IN ('KC-MDN', 'KC-BGR')`,
    );
    expect(people.length).toBeGreaterThan(180);
    for (const p of people) {
      const nik = parseNik(p.nik, TEMPLATE_DAY);
      expect(nik.ok, p.nik).toBe(true);
      expect(p.nik.slice(0, 4), p.nik).toBe(p.regionCode.replace('.', ''));
    }
  });

  it('opens KC Bogor: its areas with region codes, a 2019 period with cadres, and a period open today', () => {
    const bogor = branchId('KC-BGR');
    expect(
      all<{ name: string; regionCode: string }>(
        'SELECT name, region_code AS regionCode FROM work_areas WHERE branch_id = ? ORDER BY name',
        bogor,
      ),
    ).toEqual([
      { name: 'Kabupaten Bogor', regionCode: '32.01' },
      { name: 'Kota Bogor', regionCode: '32.71' },
    ]);
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM contracts WHERE branch_id = ? AND start_date LIKE '2019-%'`, bogor).n,
    ).toBe(8);
    const now = one<{ opensOn: string; closesOn: string; registered: number }>(
      `SELECT p.registration_opens_on AS opensOn, p.registration_closes_on AS closesOn,
         (SELECT count(*) FROM applications ap WHERE ap.period_id = p.id) AS registered
       FROM recruitment_periods p WHERE p.branch_id = ? AND p.year = ?`,
      bogor,
      Number(TEMPLATE_DAY.slice(0, 4)),
    );
    expect(now.opensOn <= TEMPLATE_DAY && TEMPLATE_DAY <= now.closesOn).toBe(true);
    expect(now.registered).toBeGreaterThan(5);
  });

  it('keeps today’s demo in the same KC Madiun, and does nothing when run again', async () => {
    expect(
      all<{ year: number }>('SELECT year FROM recruitment_periods WHERE branch_id = ? ORDER BY year', branchId('KC-MDN')).map(
        (p) => p.year,
      ),
    ).toEqual([2017, 2018, 2019, 2020, 2025, 2026, 2027]);
    expect(getSetting(handle.db, 'mode')).toBe('demo');
    const audit = one<{ n: number }>('SELECT count(*) AS n FROM audit_events').n;
    expect((await seedDemo(handle, { today: TEMPLATE_DAY, history: true })).seeded).toBe(false);
    expect(seedDemoHistory(handle, { today: TEMPLATE_DAY }).seeded).toBe(false);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM audit_events').n).toBe(audit);
  });

  it('is the same history on every run (the same seed): the audit chain’s hash at its end is the same', () => {
    const again = tempDatabase();
    try {
      seedDemoHistory(again.handle, { today: TEMPLATE_DAY });
      const last = again.handle.sqlite.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        hash: string;
      };
      expect(one<{ hash: string }>('SELECT hash FROM audit_events WHERE id = ?', last.id).hash).toBe(last.hash);
    } finally {
      again.cleanup();
    }
  }, 300_000);
});
