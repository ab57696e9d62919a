import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  buildRecruitmentMachine,
  migrateRecruitmentSnapshot,
  RECRUITMENT_MACHINE_VERSION,
  recruitmentMachine,
  replayRecruitment,
  restore,
  DEFAULT_RECRUITMENT_RULES,
  type RecruitmentInput,
} from '../src/index';

/** A snapshot persisted by the v1 definition, captured when v1 was current (do not regenerate). */
import v1Fixture from './fixtures/recruitment-v1-writtenTest.json';

const v1Snapshot = JSON.parse(JSON.stringify(v1Fixture));
const reschedule = { type: 'SCHEDULE_WRITTEN_TEST', date: '2026-10-27', time: '13:00', place: 'Aula 2' } as const;

describe('recruitment snapshot migration v1 -> v2 -> v3', () => {
  it('the current definition is v3', () => expect(RECRUITMENT_MACHINE_VERSION).toBe(3));

  it('a v1 snapshot restored through the migrations keeps working under the current version', () => {
    const snapshot = restore({ version: 1, persisted: v1Snapshot });
    expect(snapshot.value).toBe('writtenTest');
    expect(snapshot.context.schedules.writtenTest).toEqual({
      date: '2026-10-20',
      time: '09:00',
      place: 'Aula KC Madiun',
      previous: [],
    });
    const [next] = transition(recruitmentMachine, snapshot, reschedule);
    expect(next.context.schedules.writtenTest).toEqual({
      date: '2026-10-27',
      time: '13:00',
      place: 'Aula 2',
      previous: [{ date: '2026-10-20', time: '09:00', place: 'Aula KC Madiun' }],
    });
    // Everything else came across untouched.
    expect(next.context.verifiedDocuments).toEqual(v1Snapshot.context.verifiedDocuments);
    expect(next.context.rules).toEqual(v1Snapshot.context.rules);
  });

  it('without the migrations the v1 snapshot breaks (the steps do real work)', () => {
    const unmigrated = recruitmentMachine.resolveState(v1Snapshot);
    expect(() => transition(recruitmentMachine, unmigrated, reschedule)).toThrow();
  });

  it('does not change its input and refuses a snapshot from the future', () => {
    const copy = JSON.parse(JSON.stringify(v1Snapshot));
    migrateRecruitmentSnapshot(1, copy);
    expect(copy).toEqual(v1Snapshot);
    expect(() => migrateRecruitmentSnapshot(4, v1Snapshot)).toThrow(/newer/);
  });

  it('replays events recorded under v1 and then v2, migrating at the boundary', () => {
    const input: RecruitmentInput = {
      rules: DEFAULT_RECRUITMENT_RULES,
      applicant: { ageAtRegistration: 35, education: 'SMK' },
      registeredOn: '2026-10-01',
    };
    const v1 = [
      { type: 'BEGIN_ADMIN_CHECK', payload: {} },
      ...['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN'].map((document) => ({
        type: 'VERIFY_DOCUMENT',
        payload: { document },
      })),
      { type: 'COMPLETE_ADMIN_CHECK', payload: {} },
      { type: 'SCHEDULE_WRITTEN_TEST', payload: { date: '2026-10-20', time: '09:00', place: 'Aula KC Madiun' } },
    ].map((e, i) => ({ ...e, seq: i + 2, machineVersion: 1 }));
    const { type: _t, ...payload } = reschedule;
    const events = [
      ...v1,
      { seq: 11, type: reschedule.type, payload, machineVersion: 2 },
      { seq: 12, type: 'RECORD_WRITTEN_TEST_SCORE', payload: { score: 55, notes: '' }, machineVersion: 3 },
      {
        seq: 13,
        type: 'CORRECT_WRITTEN_TEST_SCORE',
        payload: { score: 65, reason: 'salah ketik 55, lembar jawaban 65' },
        machineVersion: 3,
      },
    ];
    const replay = replayRecruitment({ input, machineVersion: 1 }, events);
    expect(replay).toMatchObject({ ok: true, machineVersion: 3, state: 'interview' });
    if (!replay.ok) return;
    expect((replay.persisted as typeof v1Snapshot).context.schedules.writtenTest.previous).toHaveLength(1);
    // The v1 part of the replay reproduces the captured v1 snapshot exactly.
    const v1Only = replayRecruitment({ input, machineVersion: 1 }, v1);
    expect(v1Only.ok && v1Only.persisted).toEqual(v1Snapshot);
    expect(buildRecruitmentMachine(1)).not.toBe(recruitmentMachine);
  });
});
