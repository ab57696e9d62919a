import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChainHead } from '@kader/db';
import { parseNik, RECRUITMENT_STATES } from '@kader/workflow';
import { getApplication, runContractScheduler, seedBulk, sendApplicationEvent, verifyAuditLog } from '../src/index';
import type { BulkSeedSummary } from '../src/services/bulkSeed';
import { contextFor, tempDatabase } from './helpers';

const OPTIONS = { applications: 800, measuredShare: 0.5, today: '2026-06-15', seed: 7, perTransaction: 150 };

let db: ReturnType<typeof tempDatabase>;
let summary: BulkSeedSummary;
const progress: [number, number][] = [];

beforeAll(async () => {
  db = tempDatabase();
  summary = await seedBulk(db.handle, { ...OPTIONS, onProgress: (done, total) => progress.push([done, total]) });
});
afterAll(() => db.cleanup());

const countBy = (sql: string) =>
  Object.fromEntries((db.handle.sqlite.prepare(sql).raw().all() as [string, number][]).map(([k, n]) => [k, n]));

describe('seedBulk', () => {
  it('writes what verify-audit accepts: every history replays to its row, the hash chain unbroken', () => {
    const { checked, mismatches } = verifyAuditLog(db.handle);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(summary.applications + summary.contracts);
  });

  it('holds the counts it was asked for and reports, state by state', () => {
    expect(summary.applications).toBe(800);
    const stored = countBy('SELECT state, count(*) FROM applications GROUP BY state');
    for (const state of RECRUITMENT_STATES) expect(stored[state] ?? 0).toBe(summary.applicationsByState[state]);
    expect(countBy('SELECT state, count(*) FROM contracts GROUP BY state')).toEqual(summary.contractsByState);
    const measured = countBy(
      `SELECT state, count(*) FROM applications WHERE period_id = ${summary.measured.periodId} GROUP BY state`,
    );
    expect(Object.values(measured).reduce((a, b) => a + b, 0)).toBe(400);
    // the measured period has every column of the board, and the closed years only ended applications
    for (const state of RECRUITMENT_STATES) {
      expect(measured[state] ?? 0).toBe(summary.measured.byState[state]);
      expect(summary.measured.byState[state], state).toBeGreaterThan(0);
    }
    const openInClosedYears = db.handle.sqlite
      .prepare(
        `SELECT count(*) FROM applications a JOIN recruitment_periods p ON p.id = a.period_id
         WHERE p.year < 2026 AND a.state NOT IN ('active', 'rejected', 'withdrawn')`,
      )
      .pluck()
      .get();
    expect(openInClosedYears).toBe(0);
    const appRows = db.handle.sqlite
      .prepare("SELECT count(*) FROM audit_events WHERE entity_type IN ('application', 'contract')")
      .pluck();
    expect(appRows.get()).toBe(summary.auditRows);
    expect(progress.at(-1)).toEqual([800, 800]);
  });

  it('gives cadres contract years up to today: renewed, ended and due for the decision now', () => {
    const states = summary.contractsByState;
    for (const state of ['active', 'renewed', 'dropped', 'lapsed']) expect(states[state] ?? 0, state).toBeGreaterThan(0);
    // the renewal queue's rows: due for the decision, decided, or with the evaluation within 30 days
    const queue = db.handle.sqlite
      .prepare(
        `SELECT count(*) FROM contracts WHERE state IN ('evaluationDue', 'decided')
           OR (state = 'active' AND evaluation_due_on <= date(?, '+30 days'))`,
      )
      .pluck()
      .get(OPTIONS.today);
    expect(queue).toBeGreaterThan(0);
    // every renewal follows the year it renews, the day after it ended
    const broken = db.handle.sqlite
      .prepare(
        `SELECT count(*) FROM contracts c JOIN contracts p ON p.id = c.previous_contract_id
         WHERE p.state <> 'renewed' OR c.start_date <> date(p.end_date, '+1 day')`,
      )
      .pluck()
      .get();
    expect(broken).toBe(0);
    // the scheduler finds the data up to date: nothing is owed on the data's today
    const run = runContractScheduler(db.handle, new Date(summary.now));
    expect(run.failures).toEqual([]);
    expect(run.sent).toEqual([]);
  });

  it('gives every candidate a valid NIK of their own, matching the birth date and sex stored', () => {
    const rows = db.handle.sqlite.prepare('SELECT nik, birth_date, sex FROM candidates').all() as {
      nik: string;
      birth_date: string;
      sex: string;
    }[];
    expect(new Set(rows.map((r) => r.nik)).size).toBe(rows.length);
    for (const r of rows) {
      const parsed = parseNik(r.nik, OPTIONS.today);
      expect(parsed.ok && { birthDate: parsed.value.birthDate, sex: parsed.value.sex }, r.nik).toEqual({
        birthDate: r.birth_date,
        sex: r.sex,
      });
    }
    // some people applied again in a later year after an earlier application ended
    const returning = db.handle.sqlite
      .prepare('SELECT count(*) FROM candidates c WHERE (SELECT count(*) FROM applications a WHERE a.candidate_id = c.id) > 1')
      .pluck()
      .get();
    expect(returning).toBeGreaterThan(0);
  });

  it('leaves applications the services act on: a check, a signing in a free place, a debriefing into a contract', () => {
    const ctx = contextFor(db.handle, () => new Date(summary.now));
    const send = (id: number, event: Record<string, unknown>) =>
      sendApplicationEvent({ ctx, input: { id, revision: getApplication({ ctx, input: { id } }).revision, event } });
    const checking = summary.sample.adminCheck[0]!;
    expect(send(checking, { type: 'VERIFY_DOCUMENT', document: 'KTP' }).state).toBe('administrativeCheck');
    const signing = summary.sample.agreementSigning[0]!;
    expect(summary.measured.freePlaces).toBeGreaterThan(0);
    const signed = send(signing, {
      type: 'SIGN_AGREEMENT',
      agreementNumber: 'PKS/UJI-1/KC-MDN/2026',
      signedOn: OPTIONS.today,
      startDate: OPTIONS.today,
    });
    expect(signed.state).toBe('debriefing');
    expect(send(signing, { type: 'COMPLETE_DEBRIEFING', debriefedOn: OPTIONS.today }).state).toBe('active');
    const contract = db.handle.sqlite.prepare('SELECT state FROM contracts WHERE application_id = ?').pluck().get(signing);
    expect(contract).toBe('active');
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
  });

  it('is the same data for the same seed, and refuses a database that already holds data', async () => {
    const again = tempDatabase();
    try {
      const other = await seedBulk(again.handle, OPTIONS);
      expect({ ...other, seconds: 0 }).toEqual({ ...summary, seconds: 0 });
      expect(auditChainHead(again.handle.sqlite)?.hash).toBeTruthy();
      const headOf = (h: typeof again.handle) =>
        h.sqlite.prepare(`SELECT hash FROM audit_events WHERE id = ?`).pluck().get(summary.auditRows) as string;
      expect(headOf(again.handle)).toBe(headOf(db.handle));
      await expect(seedBulk(again.handle, OPTIONS)).rejects.toThrow(/already holds data/);
    } finally {
      again.cleanup();
    }
  });
});
