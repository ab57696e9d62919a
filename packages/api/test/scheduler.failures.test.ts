import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { contextFor, fixedClock, seedBranch, tempDatabase, recruitCadre } from './helpers';

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

/** A cadre whose agreement runs 2026-04-01 .. 2027-03-31 (evaluation due 2027-03-01). */
const activeCadre = (nik: string) => recruitCadre(db.handle, ctx, clock, ids, nik);

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
