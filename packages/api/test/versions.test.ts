import { appendAudit, insertApplication, insertCandidate } from '@kader/db';
import { DEFAULT_RECRUITMENT_RULES, replayRecruitment, type RecruitmentEvent, type RecruitmentInput } from '@kader/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getApplication, sendApplicationEvent, verifyAuditLog } from '../src/index';
import { contextFor, fixedClock, REQUIRED_DOCS, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  db = tempDatabase();
});
afterEach(() => db.cleanup());

/** Writes an application exactly as the v1 code did: v1 snapshot, version 1 on the row and audit rows. */
function applicationWrittenByV1() {
  const { area, period } = seedBranch(db.handle);
  const input: RecruitmentInput = {
    rules: DEFAULT_RECRUITMENT_RULES,
    applicant: { ageAtRegistration: 35, education: 'SMK' },
    registeredOn: '2026-10-01',
  };
  const events: RecruitmentEvent[] = [
    { type: 'BEGIN_ADMIN_CHECK' },
    ...REQUIRED_DOCS.map((document) => ({ type: 'VERIFY_DOCUMENT' as const, document })),
    { type: 'COMPLETE_ADMIN_CHECK' },
    { type: 'SCHEDULE_WRITTEN_TEST', date: '2026-10-20', time: '09:00', place: 'Aula KC Madiun' },
  ];
  // Stepping the v1 definition is what a replay under version 1 does.
  const stepV1 = (n: number) => {
    const r = replayRecruitment(
      { input, machineVersion: 1 },
      events.slice(0, n).map(({ type, ...payload }, i) => ({ seq: i + 2, type, payload, machineVersion: 1 })),
    );
    if (!r.ok) throw new Error(r.reason);
    return r;
  };
  const candidate = insertCandidate(db.handle.db, {
    nik: '3577014502870099',
    name: 'Rahayu',
    phone: '+6281234567890',
    birthDate: '1987-02-05',
    sex: 'F',
    education: 'SMK',
    street: 'Jl. Pahlawan 3',
    rtRw: '001/001',
    village: 'Kartoharjo',
    district: 'Kartoharjo',
    regency: 'Kota Madiun',
  });
  const at = '2026-10-01T02:00:00.000Z';
  const app = insertApplication(db.handle.db, {
    candidateId: candidate.id,
    periodId: period.id,
    workAreaId: area.id,
    machineId: 'recruitment',
    machineVersion: 1,
    state: 'registered',
    snapshot: {},
    revision: 1,
    stateEnteredAt: at,
    createdAt: at,
    updatedAt: at,
  });
  const audit = { entityType: 'application', entityId: app.id, actor: 'v1', at, machineVersion: 1 };
  appendAudit(db.handle.db, { ...audit, type: 'REGISTERED', payload: { input }, fromState: null, toState: 'registered' });
  events.forEach(({ type, ...payload }, i) => {
    const fromState = stepV1(i).state;
    appendAudit(db.handle.db, { ...audit, type, payload, fromState, toState: stepV1(i + 1).state });
  });
  const last = stepV1(events.length);
  db.handle.sqlite
    .prepare('update applications set snapshot = ?, state = ?, revision = ? where id = ?')
    .run(JSON.stringify(last.persisted), last.state, events.length + 1, app.id);
  return app.id;
}

describe('an application in flight across a machine definition change', () => {
  it('is read and moved on under the current version (v3), and its audit log still replays', () => {
    const id = applicationWrittenByV1();
    expect(verifyAuditLog(db.handle).mismatches).toEqual([]);
    const ctx = contextFor(db.handle, fixedClock().now);
    const before = getApplication({ ctx, input: { id } });
    expect(before.machine.version).toBe(1);
    expect(before.context.schedules.writtenTest?.previous).toEqual([]);

    const after = sendApplicationEvent({
      ctx,
      input: {
        id,
        revision: before.revision,
        event: { type: 'SCHEDULE_WRITTEN_TEST', date: '2026-10-27', time: '13:00', place: 'Aula 2' },
      },
    });
    expect(after.machine.version).toBe(3);
    expect(after.context.schedules.writtenTest).toEqual({
      date: '2026-10-27',
      time: '13:00',
      place: 'Aula 2',
      previous: [{ date: '2026-10-20', time: '09:00', place: 'Aula KC Madiun' }],
    });
    const versions = db.handle.sqlite
      .prepare('select machine_version v from audit_events where entity_id = ? order by seq')
      .all(id);
    expect(versions.map((r) => (r as { v: number }).v)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
    expect(verifyAuditLog(db.handle)).toEqual({ checked: 1, mismatches: [] });

    const passed = sendApplicationEvent({
      ctx,
      input: { id, revision: after.revision, event: { type: 'RECORD_WRITTEN_TEST_SCORE', score: 60 } },
    });
    expect(passed.state).toBe('interview');
  });
});
