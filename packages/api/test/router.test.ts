import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toClientError } from '../src/errors';
import { createCaller } from '../src/index';
import { candidateInput, contextFor, fixedClock, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let caller: ReturnType<typeof createCaller>;
let ids: ReturnType<typeof seedBranch>;

beforeEach(() => {
  db = tempDatabase();
  ids = seedBranch(db.handle, 3);
  caller = createCaller(contextFor(db.handle, fixedClock().now));
});
afterEach(() => db.cleanup());

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describe('router (createCaller)', () => {
  it('lists periods with branch, zone, areas, grades and quota use', async () => {
    const [period] = await caller.periods.list();
    expect(period).toMatchObject({
      year: 2026,
      quota: 3,
      quotaUsed: 0,
      writtenTestGrade: 60,
      interviewGrade: 60,
      branch: { name: 'KC Madiun', timeZone: 'Asia/Jakarta' },
      workAreas: [{ name: 'Kabupaten Ngawi' }, { name: 'Kota Madiun' }],
    });
  });

  it('registers, shows the card on the board and finds it by name or NIK', async () => {
    const { applicationId } = await caller.candidates.register(candidateInput(ids.period.id, ids.area.id));
    const board = await caller.applications.board({ periodId: ids.period.id, search: '0890 0001' });
    const column = board.columns.find((c) => c.state === 'registered')!;
    expect(column.total).toBe(1);
    expect(column.items[0]).toMatchObject({ id: applicationId, nikMasked: '3577 •••• •••• 0001', workArea: 'Kota Madiun' });
    const byName = await caller.applications.board({ periodId: ids.period.id, search: 'rahayu' });
    expect(byName.columns.find((c) => c.state === 'registered')!.total).toBe(1);
    const none = await caller.applications.board({ periodId: ids.period.id, search: 'Budi' });
    expect(none.columns.every((c) => c.total === 0)).toBe(true);
  });

  it("paginates each column on its own and shows the current stage's schedule", async () => {
    const niks = ['3577011203850001', '3577011203850002', '3577011203850003'];
    for (const nik of niks)
      await caller.candidates.register(candidateInput(ids.period.id, ids.area.id, nik, `Calon ${nik.slice(-1)}`));
    const { applicationId } = await caller.candidates.register(
      candidateInput(ids.period.id, ids.other.id, '3577011203850004', 'Calon 4'),
    );
    await caller.applications.send({ id: applicationId, revision: 1, event: { type: 'BEGIN_ADMIN_CHECK' } });
    const first = (await caller.applications.board({ periodId: ids.period.id, pageSize: 2 })).columns.find(
      (c) => c.state === 'registered',
    )!;
    expect([first.total, first.items.length]).toEqual([3, 2]);
    expect(first.next).toEqual({ stateEnteredAt: first.items[1]!.stateEnteredAt, id: first.items[1]!.id });
    // the next page starts after the last card shown, in the same order, and is the last one
    const page1 = await caller.applications.board({ periodId: ids.period.id, pageSize: 2, after: { registered: first.next! } });
    const registered = page1.columns.find((c) => c.state === 'registered')!;
    expect([registered.total, registered.items.length, registered.next]).toEqual([3, 1, null]);
    const all = [...first.items, ...registered.items];
    expect(new Set(all.map((i) => i.id)).size).toBe(3);
    expect(all.map((i) => i.stateEnteredAt)).toEqual(all.map((i) => i.stateEnteredAt).sort());
    // the other columns still start at their first page
    expect(page1.columns.find((c) => c.state === 'administrativeCheck')!.items.map((i) => i.id)).toEqual([applicationId]);
    const area = await caller.applications.board({ periodId: ids.period.id, workAreaId: ids.other.id });
    expect(area.columns.find((c) => c.state === 'administrativeCheck')!.items.map((i) => i.id)).toEqual([applicationId]);
    expect(area.columns.find((c) => c.state === 'registered')!.total).toBe(0);
  });

  it('maps domain errors to tRPC codes with the allowed events', async () => {
    const { applicationId: id } = await caller.candidates.register(candidateInput(ids.period.id, ids.area.id));
    const invalid = await rejection(
      caller.applications.send({ id, revision: 1, event: { type: 'COMPLETE_DEBRIEFING', debriefedOn: '2026-12-01' } }),
    );
    expect(invalid.code).toBe('UNPROCESSABLE_CONTENT');
    expect(toClientError(invalid).data).toMatchObject({
      code: 'INVALID_TRANSITION',
      allowedEvents: ['BEGIN_ADMIN_CHECK', 'REJECT', 'WITHDRAW'],
      machine: 'recruitment',
    });
    // the sentence names the actions allowed now by their labels, never by their codes
    expect(invalid.message).not.toContain('BEGIN_ADMIN_CHECK');
    const stale = await rejection(caller.applications.send({ id, revision: 7, event: { type: 'BEGIN_ADMIN_CHECK' } }));
    expect(stale.code).toBe('CONFLICT');
    expect(toClientError(stale).data).toMatchObject({ reason: 'CONFLICT' });
    expect(stale.message).toContain('Muat ulang');
    const missing = await rejection(caller.applications.get({ id: 999 }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(toClientError(missing).data).toMatchObject({ reason: 'NOT_FOUND', params: { entity: 'application', id: 999 } });
  });

  it('refuses bad input with BAD_REQUEST naming the fields', async () => {
    const bad = candidateInput(ids.period.id, ids.area.id, '3577019999900001');
    const e = await rejection(caller.candidates.register(bad));
    expect(e.code).toBe('BAD_REQUEST');
    expect(toClientError(e).data).toMatchObject({ code: 'VALIDATION', reason: 'INVALID_INPUT' });
    expect(toClientError(e).data.fields?.map((f) => f.path)).toContain('candidate.nik');
  });

  it('never leaks an unexpected error', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    db.handle.sqlite.exec('drop table audit_events');
    const e = await rejection(caller.candidates.register(candidateInput(ids.period.id, ids.area.id)));
    expect(e.code).toBe('INTERNAL_SERVER_ERROR');
    expect(e.message).not.toMatch(/audit_events|SQLITE|no such table/i);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    // Nothing half-written: the transaction rolled back the candidate too.
    expect(db.handle.sqlite.prepare('select count(*) n from candidates').get()).toEqual({ n: 0 });
  });
});
