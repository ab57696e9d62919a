import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  buildRecruitmentMachine,
  canonicalJson,
  DEFAULT_RECRUITMENT_RULES,
  migrateRecruitmentSnapshot,
  type RecordedEvent,
  type RecruitmentInput,
  replayRecruitment,
} from '../src/index';
/** A snapshot persisted by the v1 definition, captured when v1 was current (do not regenerate). */
import v1Fixture from './fixtures/recruitment-v1-writtenTest.json';

const input: RecruitmentInput = {
  rules: DEFAULT_RECRUITMENT_RULES,
  applicant: { ageAtRegistration: 35, education: 'SMK' },
  registeredOn: '2026-10-01',
};

/** The events that led to the v1 fixture, recorded under v1. */
const v1Events: RecordedEvent[] = [
  { type: 'BEGIN_ADMIN_CHECK', payload: {} },
  ...['KTP', 'KK', 'IJAZAH', 'SIM', 'PAS_FOTO', 'SURAT_LAMARAN'].map((document) => ({
    type: 'VERIFY_DOCUMENT',
    payload: { document },
  })),
  { type: 'COMPLETE_ADMIN_CHECK', payload: {} },
  { type: 'SCHEDULE_WRITTEN_TEST', payload: { date: '2026-10-20', time: '09:00', place: 'Aula KC Madiun' } },
].map((e, i) => ({ ...e, seq: i + 2, machineVersion: 1 }));

const reschedule = { type: 'SCHEDULE_WRITTEN_TEST', date: '2026-10-27', time: '13:00', place: 'Aula 2' } as const;
const score = { type: 'RECORD_WRITTEN_TEST_SCORE', score: 55, notes: '' } as const;
const recorded = (seq: number, { type, ...payload }: { type: string }, machineVersion: number): RecordedEvent => ({
  seq,
  type,
  payload,
  machineVersion,
});

/**
 * What the service of each era stored, built by hand rather than by the replay: the v2 code restored
 * a v1 row with the v1 -> v2 step alone (it knew nothing of v3) and stored the v2 machine's snapshot;
 * the v3 code restores a v2 row with the v2 -> v3 step and stores v3's.
 */
function storedByV2(): unknown {
  const v2 = buildRecruitmentMachine(2);
  const fixture = JSON.parse(JSON.stringify(v1Fixture));
  // The v1 -> v2 step as the v2 code had it: every schedule gains an empty `previous`.
  fixture.context.schedules.writtenTest = { ...fixture.context.schedules.writtenTest, previous: [] };
  const restored = v2.resolveState(fixture);
  const [next] = transition(v2, restored, reschedule);
  return v2.getPersistedSnapshot(next);
}

function storedByV3(v2Stored: unknown): unknown {
  const v3 = buildRecruitmentMachine(3);
  const restored = v3.resolveState(migrateRecruitmentSnapshot(2, v2Stored) as Parameters<typeof v3.resolveState>[0]);
  const [next] = transition(v3, restored, score);
  return v3.getPersistedSnapshot(next);
}

describe('replay across machine versions migrates only up to the version of the next event', () => {
  it('a history that stops at v2 replays to the v2 snapshot the v2 code stored', () => {
    const result = replayRecruitment({ input, machineVersion: 1 }, [...v1Events, recorded(11, reschedule, 2)]);
    expect(result).toMatchObject({ ok: true, machineVersion: 2, state: 'writtenTest' });
    if (!result.ok) return;
    // v2 had no corrections: a replayed v2 snapshot must not carry the v3 field.
    expect((result.persisted as { context: object }).context).not.toHaveProperty('corrections');
    expect(canonicalJson(result.persisted)).toBe(canonicalJson(storedByV2()));
  });

  it('a history that goes on to v3 replays to the v3 snapshot the v3 code stored', () => {
    const result = replayRecruitment({ input, machineVersion: 1 }, [
      ...v1Events,
      recorded(11, reschedule, 2),
      recorded(12, score, 3),
    ]);
    expect(result).toMatchObject({ ok: true, machineVersion: 3 });
    if (!result.ok) return;
    expect(canonicalJson(result.persisted)).toBe(canonicalJson(storedByV3(storedByV2())));
  });

  it('a history that jumps from v1 straight to v3 migrates through every step', () => {
    const result = replayRecruitment({ input, machineVersion: 1 }, [...v1Events, recorded(11, score, 3)]);
    expect(result).toMatchObject({ ok: true, machineVersion: 3 });
    if (!result.ok) return;
    const context = (result.persisted as { context: { corrections: unknown; schedules: { writtenTest: unknown } } }).context;
    expect(context.corrections).toEqual([]);
    expect(context.schedules.writtenTest).toMatchObject({ previous: [] });
  });

  it('an event recorded under an older version than the one before it is reported, not replayed', () => {
    const result = replayRecruitment({ input, machineVersion: 1 }, [
      ...v1Events,
      recorded(11, reschedule, 2),
      recorded(12, score, 1),
    ]);
    expect(result).toMatchObject({ ok: false, seq: 12 });
  });

  it('migrating to a version in between stops there', () => {
    const v2 = migrateRecruitmentSnapshot(1, v1Fixture, 2) as { context: object };
    expect(v2.context).not.toHaveProperty('corrections');
    expect(() => migrateRecruitmentSnapshot(2, v1Fixture, 1)).toThrow(/older/);
  });
});
