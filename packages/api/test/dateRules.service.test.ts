import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertPeriod } from '@kader/db';
import { DEFAULT_RECRUITMENT_RULES, registerCandidateSchema, render } from '@kader/workflow';
import { DomainError, getApplication, registerCandidate, sendApplicationEvent } from '../src/index';
import { candidateInput, contextFor, fixedClock, REQUIRED_DOCS, seedBranch, tempDatabase } from './helpers';

const DAY = 86_400_000;
let db: ReturnType<typeof tempDatabase>;
let clock: ReturnType<typeof fixedClock>;
let ctx: ReturnType<typeof contextFor>;
let ids: ReturnType<typeof seedBranch>;

// Registered on 2 Nov 2026 (09.00 WIB); the dated events are sent on 29 Nov 2026, KC Madiun's today.
beforeEach(() => {
  db = tempDatabase();
  clock = fixedClock('2026-11-02T02:00:00.000Z');
  ctx = contextFor(db.handle, clock.now);
  ids = seedBranch(db.handle, 5);
});
afterEach(() => db.cleanup());

const register = (periodId = ids.period.id) =>
  registerCandidate({ ctx, input: registerCandidateSchema.parse(candidateInput(periodId, ids.area.id)) }).applicationId;

const send = (id: number, event: Record<string, unknown>) =>
  sendApplicationEvent({ ctx, input: { id, revision: getApplication({ ctx, input: { id } }).revision, event } });

/** Registered on 2 Nov, through the interview; the clock then stands on 29 Nov. */
function atSigning(): number {
  const id = register();
  send(id, { type: 'BEGIN_ADMIN_CHECK' });
  for (const document of REQUIRED_DOCS) send(id, { type: 'VERIFY_DOCUMENT', document });
  send(id, { type: 'COMPLETE_ADMIN_CHECK' });
  send(id, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 75 });
  send(id, { type: 'RECORD_INTERVIEW_SCORE', score: 80 });
  clock.advance(27 * DAY);
  return id;
}

const sign = (id: number, signedOn: string, startDate: string) =>
  send(id, { type: 'SIGN_AGREEMENT', agreementNumber: `PKS/${id}/2026`, signedOn, startDate });

function written(id: number) {
  const row = db.handle.sqlite.prepare('select state, revision from applications where id = ?').get(id);
  const audit = db.handle.sqlite
    .prepare("select count(*) n from audit_events where entity_type = 'application' and entity_id = ?")
    .get(id) as { n: number };
  const contracts = (db.handle.sqlite.prepare('select count(*) n from contracts').get() as { n: number }).n;
  return { row, audit: audit.n, contracts };
}

/** The refusal's code and named fields, checking that nothing was written. */
function refused(id: number, fn: () => unknown) {
  const before = written(id);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  expect(written(id)).toEqual(before);
  const fields = error.details.fields ?? [];
  return {
    code: error.code,
    fields: fields.map((f) => f.path),
    // what an API client reads: each field's Indonesian sentence
    messages: fields.map((f) => ({ path: f.path, message: render('id', f) })),
    reasons: fields.map(({ path, reason, params }) => ({ path, reason, params })),
    message: error.message,
  };
}

describe('dates checked against the branch today', () => {
  it('a signing dated 2030 and a debriefing dated 2031 on 29 Nov 2026 are refused, naming the field', () => {
    const id = atSigning();
    expect(refused(id, () => sign(id, '2030-01-10', '2030-02-01'))).toMatchObject({
      code: 'VALIDATION',
      fields: ['event.signedOn', 'event.startDate'],
      message: 'Tanggal tidak dapat diterima: periksa 2 tanggal yang ditandai.',
    });
    sign(id, '2026-11-27', '2026-12-01');
    expect(refused(id, () => send(id, { type: 'COMPLETE_DEBRIEFING', debriefedOn: '2031-01-05' }))).toEqual({
      code: 'VALIDATION',
      fields: ['event.debriefedOn'],
      messages: [{ path: 'event.debriefedOn', message: 'Tanggal pembekalan tidak boleh setelah hari ini (29 Nov 2026).' }],
      reasons: [{ path: 'event.debriefedOn', reason: 'DEBRIEFED_AFTER_TODAY', params: { date: '2026-11-29' } }],
      message: 'Tanggal tidak dapat diterima: periksa tanggal yang ditandai.',
    });
    expect(getApplication({ ctx, input: { id } }).state).toBe('debriefing');
  });

  it('SIGN_AGREEMENT: signedOn after today or before registration, startDate outside the period year', () => {
    const id = atSigning();
    expect(refused(id, () => sign(id, '2026-11-30', '2026-12-01')).fields).toEqual(['event.signedOn']);
    expect(refused(id, () => sign(id, '2026-11-01', '2026-12-01')).fields).toEqual(['event.signedOn']);
    expect(refused(id, () => sign(id, '2026-11-20', '2027-01-01'))).toMatchObject({
      code: 'VALIDATION',
      messages: [
        { path: 'event.startDate', message: 'Tanggal mulai harus dalam tahun periode 2026 (1 Jan 2026 – 31 Des 2026).' },
      ],
      reasons: [
        {
          path: 'event.startDate',
          reason: 'START_OUTSIDE_PERIOD_YEAR',
          params: { year: 2026, from: '2026-01-01', to: '2026-12-31' },
        },
      ],
    });
    expect(sign(id, '2026-11-29', '2026-12-31').state).toBe('debriefing');
  });

  it('COMPLETE_DEBRIEFING before the signing is a VALIDATION on event.debriefedOn, not a bare refusal', () => {
    const id = atSigning();
    sign(id, '2026-11-20', '2026-12-01');
    expect(refused(id, () => send(id, { type: 'COMPLETE_DEBRIEFING', debriefedOn: '2026-11-19' }))).toMatchObject({
      code: 'VALIDATION',
      fields: ['event.debriefedOn'],
      messages: [
        { path: 'event.debriefedOn', message: 'Tanggal pembekalan tidak boleh sebelum tanggal tanda tangan PKS (20 Nov 2026).' },
      ],
      reasons: [{ path: 'event.debriefedOn', reason: 'DEBRIEFED_BEFORE_SIGNING', params: { date: '2026-11-20' } }],
    });
    expect(send(id, { type: 'COMPLETE_DEBRIEFING', debriefedOn: '2026-11-29' }).state).toBe('active');
  });

  it('SCHEDULE_WRITTEN_TEST and SCHEDULE_INTERVIEW: not before registration, at most a year after today', () => {
    const id = register();
    send(id, { type: 'BEGIN_ADMIN_CHECK' });
    for (const document of REQUIRED_DOCS) send(id, { type: 'VERIFY_DOCUMENT', document });
    send(id, { type: 'COMPLETE_ADMIN_CHECK' });
    clock.advance(27 * DAY);
    const at = (type: string, date: string) => () => send(id, { type, date, time: '09:00', place: 'Aula KC Madiun' });
    expect(refused(id, at('SCHEDULE_WRITTEN_TEST', '2026-11-01')).fields).toEqual(['event.date']);
    expect(refused(id, at('SCHEDULE_WRITTEN_TEST', '2027-11-30')).fields).toEqual(['event.date']);
    expect(at('SCHEDULE_WRITTEN_TEST', '2026-11-02')().state).toBe('writtenTest');
    expect(at('SCHEDULE_WRITTEN_TEST', '2027-11-29')().state).toBe('writtenTest');
    send(id, { type: 'RECORD_WRITTEN_TEST_SCORE', score: 75 });
    expect(refused(id, at('SCHEDULE_INTERVIEW', '2026-11-01')).fields).toEqual(['event.date']);
    expect(refused(id, at('SCHEDULE_INTERVIEW', '2028-01-01')).fields).toEqual(['event.date']);
    expect(at('SCHEDULE_INTERVIEW', '2026-12-03')().state).toBe('interview');
  });

  it("today is the branch's date, not UTC's: 01.00 WIB on 29 Nov is still 28 Nov in UTC", () => {
    const id = atSigning();
    clock.advance(-8 * 3_600_000);
    expect(ctx.now().toISOString()).toBe('2026-11-28T18:00:00.000Z');
    expect(sign(id, '2026-11-29', '2026-12-01').state).toBe('debriefing');
  });

  it('an event the stage does not take is still an INVALID_TRANSITION, whatever its dates', () => {
    const id = register();
    clock.advance(27 * DAY);
    expect(refused(id, () => sign(id, '2030-01-10', '2030-02-01')).code).toBe('INVALID_TRANSITION');
  });
});

describe('registration into a period', () => {
  it('refuses a period whose year has ended, naming periodId, and writes nothing', () => {
    const past = insertPeriod(db.handle.db, {
      branchId: ids.branch.id,
      year: 2025,
      quota: 5,
      rules: DEFAULT_RECRUITMENT_RULES,
    });
    const count = (t: string) => (db.handle.sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
    const before = [count('candidates'), count('applications'), count('audit_events')];
    let error: unknown;
    try {
      register(past.id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).details.fields).toEqual([
      { path: 'periodId', reason: 'PERIOD_YEAR_ENDED', params: { year: 2025 } },
    ]);
    expect((error as DomainError).message).toBe(
      'Periode rekrutmen 2025 sudah berakhir; pilih periode tahun ini atau tahun berikutnya.',
    );
    expect([count('candidates'), count('applications'), count('audit_events')]).toEqual(before);
  });

  it('accepts this year and next year', () => {
    const next = insertPeriod(db.handle.db, { branchId: ids.branch.id, year: 2027, quota: 5, rules: DEFAULT_RECRUITMENT_RULES });
    expect(register()).toBeGreaterThan(0);
    const other = registerCandidateSchema.parse(candidateInput(next.id, ids.area.id, '3577011203850002', 'Budi'));
    expect(registerCandidate({ ctx, input: other }).applicationId).toBeGreaterThan(0);
  });
});
