import { findContractByApplication } from '@kader/db';
import { registerCandidateSchema } from '@kader/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getApplication, registerCandidate, sendApplicationEvent } from '../src/index';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { candidateInput, contextFor, fixedClock, REQUIRED_DOCS, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ctx: ReturnType<typeof contextFor>;
let ids: ReturnType<typeof seedBranch>;
let clock: ReturnType<typeof fixedClock>;

beforeEach(() => {
  db = tempDatabase();
  clock = fixedClock('2026-03-01T02:00:00.000Z');
  ctx = contextFor(db.handle, clock.now, 'penyelia-uji');
  ids = seedBranch(db.handle, 5);
});
afterEach(() => db.cleanup());

/**
 * Moves the clock on to 09.00 WIB of `date` unless it already stands later, and gives the date an
 * event recorded now carries: `date`, or today for a cadre registered after it (the date rules
 * refuse a signing or debriefing dated after the day it is recorded, or before the registration).
 */
function recordedOn(date: string): string {
  const ms = Date.parse(`${date}T02:00:00.000Z`) - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
  return clock.now().toISOString().slice(0, 10);
}

/** A cadre whose agreement runs 2026-04-01 .. 2027-03-31 (evaluation due 2027-03-01). */
function activeCadre(nik: string) {
  const { applicationId: id } = registerCandidate({
    ctx,
    input: registerCandidateSchema.parse(candidateInput(ids.period.id, ids.area.id, nik)),
  });
  const send = (event: Record<string, unknown>) =>
    sendApplicationEvent({ ctx, input: { id, revision: getApplication({ ctx, input: { id } }).revision, event } });
  send({ type: 'BEGIN_ADMIN_CHECK' });
  for (const document of REQUIRED_DOCS) send({ type: 'VERIFY_DOCUMENT', document });
  send({ type: 'COMPLETE_ADMIN_CHECK' });
  send({ type: 'RECORD_WRITTEN_TEST_SCORE', score: 80 });
  send({ type: 'RECORD_INTERVIEW_SCORE', score: 80 });
  send({
    type: 'SIGN_AGREEMENT',
    agreementNumber: `PKS/${nik.slice(-3)}/KC-MDN/2026`,
    signedOn: recordedOn('2026-03-20'),
    startDate: '2026-04-01',
  });
  send({ type: 'COMPLETE_DEBRIEFING', debriefedOn: recordedOn('2026-03-25') });
  const contract = findContractByApplication(db.handle.db, id);
  if (!contract) throw new Error('no contract started');
  return contract;
}

describe('scheduler with a corrupt contract row', () => {
  it('still sends the due event to the good contract and reports the bad one', () => {
    const bad = activeCadre('3577015208900001');
    const good = activeCadre('3577015208900002');
    // A snapshot no machine state matches: restoring it throws, as any damaged row would.
    db.handle.sqlite
      .prepare('update contracts set snapshot = ? where id = ?')
      .run(JSON.stringify({ status: 'active', value: 'noSuchState', context: {} }), bad.id);

    const run = runContractScheduler(db.handle, new Date('2027-03-01T02:00:00Z'));

    expect(run.checked).toBe(2);
    expect(run.sent).toEqual([{ contractId: good.id, type: 'EVALUATION_DUE', to: 'evaluationDue' }]);
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toMatchObject({ contractId: bad.id });
    expect(run.failures[0]?.error).toMatch(/\S/);
    const states = db.handle.sqlite.prepare('select id, state from contracts order by id').all();
    expect(states).toEqual([
      { id: bad.id, state: 'active' },
      { id: good.id, state: 'evaluationDue' },
    ]);
  });
});
