import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getPeriod, listAudit } from '@kader/db';
import { registerCandidateSchema } from '@kader/workflow';
import type { TRPCError } from '@trpc/server';
import { toClientError } from '../src/errors';
import { createCaller } from '../src/index';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { runContractScheduler } from '../src/services/contracts/scheduler';
import { setAreaQuotas } from '../src/services/planning/setAreaQuotas';
import { registerCandidate } from '../src/services/registerCandidate';
import { periodPlanningView } from '../src/services/periods';
import {
  candidateInput,
  contextFor,
  fixedClock,
  madiun2026,
  recordedOnAt,
  recruitCadre,
  seedBranch,
  seededDatabase,
  tempDatabase,
  toSigningStage,
  userContext,
} from './helpers';

/** What a client reads of a refusal (`data.kader`). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => toClientError(e).data,
  );

describe('a period as a campaign (seeded demo, 23 Nov 2026 09.00 WIB)', () => {
  let db: ReturnType<typeof seededDatabase>;
  const clock = fixedClock();
  const as = (username: string) => createCaller(userContext(db.handle, username, clock.now));
  const count = (table: string) => (db.handle.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  const period = async () => (await as('admin.pusat').periods.list()).find((p) => p.id === madiun2026(db.handle))!;

  beforeAll(() => {
    db = seededDatabase('fixed');
  });
  afterAll(() => db.cleanup());

  it('a new period takes registrations from 1 July of the year before to its end, and has no area split', async () => {
    expect(await period()).toMatchObject({
      registrationOpensOn: '2025-07-01',
      registrationClosesOn: '2026-12-31',
      channels: [],
      areaQuotas: expect.arrayContaining([expect.objectContaining({ name: 'Kota Madiun', quota: null })]),
    });
  });

  it('refuses a registration after the window closed, naming the dates, and writes nothing', async () => {
    const p = await period();
    const closed = await as('admin.pusat').periods.setRegistrationWindow({
      periodId: p.id,
      revision: p.revision,
      year: 2026,
      opensOn: '2026-02-01',
      closesOn: '2026-11-20',
    });
    expect(closed).toMatchObject({
      registrationOpensOn: '2026-02-01',
      registrationClosesOn: '2026-11-20',
      revision: p.revision + 1,
    });
    const before = [count('candidates'), count('applications'), count('audit_events')];
    const input = {
      ...candidateInput(p.id, p.workAreas[0]!.id, '3577014101990007', 'Dewi Lestari'),
      heardFrom: 'BANNER' as const,
    };
    expect(await refusal(as('rekruter.madiun').candidates.register(input))).toMatchObject({
      code: 'VALIDATION',
      reason: 'REGISTRATION_CLOSED',
      params: { year: 2026, opensOn: '2026-02-01', closesOn: '2026-11-20' },
      message: 'Pendaftaran periode rekrutmen 2026 sudah ditutup: dibuka 1 Februari 2026 sampai 20 November 2026.',
      fields: [{ path: 'periodId', reason: 'REGISTRATION_CLOSED' }],
    });
    expect([count('candidates'), count('applications'), count('audit_events')]).toEqual(before);
  });

  it('head office extends the close date (audited: who, old and new dates); registration then records the channel', async () => {
    const p = await period();
    // a branch recruiter may not, and a stale revision is a conflict
    expect(
      await refusal(
        as('rekruter.madiun').periods.setRegistrationWindow({
          periodId: p.id,
          revision: p.revision,
          year: 2026,
          opensOn: '2026-02-01',
          closesOn: '2026-12-15',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await refusal(
        as('admin.pusat').periods.setRegistrationWindow({
          periodId: p.id,
          revision: p.revision - 1,
          year: 2026,
          opensOn: '2026-02-01',
          closesOn: '2026-12-15',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    await as('admin.pusat').periods.setRegistrationWindow({
      periodId: p.id,
      revision: p.revision,
      year: 2026,
      opensOn: '2026-02-01',
      closesOn: '2026-12-15',
    });
    const last = listAudit(db.handle.db, { entityType: 'period', entityId: p.id }).at(-1)!;
    expect(last).toMatchObject({
      type: 'REGISTRATION_EXTENDED',
      actor: 'admin.pusat',
      payload: { opensOn: '2026-02-01', closesOn: '2026-12-15', before: { opensOn: '2026-02-01', closesOn: '2026-11-20' } },
    });

    const input = {
      ...candidateInput(p.id, p.workAreas[0]!.id, '3577014101990007', 'Dewi Lestari'),
      heardFrom: 'BILLBOARD' as const,
    };
    const { applicationId } = await as('rekruter.madiun').candidates.register(input);
    expect(db.handle.sqlite.prepare('select heard_from h from applications where id = ?').get(applicationId)).toEqual({
      h: 'BILLBOARD',
    });
    // a channel the list does not know is refused on its field before anything is read
    const bad = await refusal(
      as('rekruter.madiun').candidates.register({
        ...candidateInput(p.id, p.workAreas[0]!.id, '3577014101990015', 'Eka'),
        heardFrom: 'RADIO' as 'BANNER',
      }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'heardFrom', reason: 'CHANNEL_CHOOSE' }] });
  });

  it('the branch records the channels it announced on (audited); another branch cannot see the period', async () => {
    const p = await period();
    const set = await as('rekruter.madiun').periods.setChannels({
      periodId: p.id,
      revision: p.revision,
      channels: ['SOCIAL_MEDIA', 'BANNER', 'KELURAHAN_OFFICE'],
    });
    expect(set.channels).toEqual(['BANNER', 'KELURAHAN_OFFICE', 'SOCIAL_MEDIA']);
    expect(listAudit(db.handle.db, { entityType: 'period', entityId: p.id }).at(-1)).toMatchObject({
      type: 'CHANNELS_SET',
      actor: 'rekruter.madiun',
      payload: { channels: ['BANNER', 'KELURAHAN_OFFICE', 'SOCIAL_MEDIA'], version: 1, before: { channels: [] } },
    });
    expect(
      await refusal(as('rekruter.makassar').periods.setChannels({ periodId: p.id, revision: set.revision, channels: [] })),
    ).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'period', id: p.id } });
    expect(
      await refusal(as('pimpinan.madiun').periods.setChannels({ periodId: p.id, revision: set.revision, channels: [] })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a split over the total naming both numbers, and a total below the split, writing nothing', async () => {
    const p = await period();
    const [a, b] = p.areaQuotas;
    const over = p.quota - a!.taken + 1;
    const before = [count('period_area_quotas'), count('audit_events')];
    expect(
      await refusal(
        as('penyelia.madiun').periods.setAreaQuotas({
          periodId: p.id,
          revision: p.revision,
          areas: [
            { workAreaId: a!.workAreaId, quota: a!.taken },
            { workAreaId: b!.workAreaId, quota: over },
          ],
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      reason: 'AREA_SPLIT_OVER_TOTAL',
      params: { sum: a!.taken + over, total: p.quota },
      fields: [{ path: 'areas', reason: 'AREA_SPLIT_OVER_TOTAL' }],
    });
    expect([count('period_area_quotas'), count('audit_events')]).toEqual(before);
    expect((await period()).revision).toBe(p.revision);

    const split = await as('penyelia.madiun').periods.setAreaQuotas({
      periodId: p.id,
      revision: p.revision,
      areas: [
        { workAreaId: a!.workAreaId, quota: a!.taken + 1 },
        { workAreaId: b!.workAreaId, quota: 1 },
      ],
    });
    expect(split.areaQuotas.slice(0, 2).map((x) => x.quota)).toEqual([a!.taken + 1, 1]);
    expect(listAudit(db.handle.db, { entityType: 'period', entityId: p.id }).at(-1)).toMatchObject({
      type: 'AREA_QUOTAS_SET',
      actor: 'penyelia.madiun',
      payload: { total: p.quota, before: [] },
    });
    const sum = a!.taken + 2;
    expect(
      await refusal(as('admin.pusat').periods.setQuota({ branchId: p.branch.id, year: 2026, quota: sum - 1 })),
    ).toMatchObject({
      code: 'VALIDATION',
      reason: sum - 1 < p.quotaUsed ? 'QUOTA_BELOW_TAKEN' : 'QUOTA_BELOW_AREA_SPLIT',
    });
  });
});

describe('signing with places per work area', () => {
  let h: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    h = tempDatabase();
  });
  afterEach(() => h.cleanup());

  it('refuses a signing when the area is full though the branch is not, naming the area and its places', () => {
    const clock = fixedClock('2026-03-02T02:00:00.000Z');
    const ctx = contextFor(h.handle, clock.now);
    const ids = seedBranch(h.handle, 5);
    const planned = setAreaQuotas({
      ctx,
      input: { periodId: ids.period.id, revision: 1, areas: [{ workAreaId: ids.area.id, quota: 1 }] },
    });
    expect(planned.areaQuotas).toEqual([
      { workAreaId: ids.other.id, name: 'Kabupaten Ngawi', quota: null, taken: 0 },
      { workAreaId: ids.area.id, name: 'Kota Madiun', quota: 1, taken: 0 },
    ]);
    recruitCadre(h.handle, ctx, clock, ids, '3577015208900001');
    const { send } = toSigningStage(ctx, ids.period.id, ids.area.id, '3577014101990007');
    const sign = (nik: string) => ({
      type: 'SIGN_AGREEMENT',
      agreementNumber: `PKS/${nik.slice(-3)}/KC-MDN/2026`,
      signedOn: recordedOnAt(clock, '2026-03-20'),
      startDate: '2026-04-01',
    });
    const audits = h.handle.sqlite.prepare('select count(*) n from audit_events').get();
    expect(() => send(sign('3577014101990007'))).toThrow(
      expect.objectContaining({
        code: 'QUOTA_EXCEEDED',
        reason: {
          reason: 'AREA_QUOTA_FULL',
          params: { area: 'Kota Madiun', year: 2026, used: 1, quota: 1, signing: true },
        },
      }),
    );
    expect(h.handle.sqlite.prepare('select count(*) n from audit_events').get()).toEqual(audits);
    // the branch still has places: the other area (no places of its own) signs
    const other = toSigningStage(ctx, ids.period.id, ids.other.id, '3577015208900019');
    expect(() => other.send(sign('3577015208900019'))).not.toThrow();
    expect(periodPlanningView(h.handle.db, getPeriod(h.handle.db, ids.period.id)!)).toMatchObject({
      quotaUsed: 2,
      areaQuotas: [
        { name: 'Kabupaten Ngawi', quota: null, taken: 1 },
        { name: 'Kota Madiun', quota: 1, taken: 1 },
      ],
    });
  });

  it('registration is refused before the window opens, in the branch zone', () => {
    const ids = seedBranch(h.handle, 5);
    h.handle.sqlite
      .prepare("update recruitment_periods set registration_opens_on = '2026-03-02', registration_closes_on = '2026-03-31'")
      .run();
    // 1 March 23.30 WIB is still 1 March in Madiun (16.30 UTC), though
    const ctx = contextFor(h.handle, () => new Date('2026-03-01T16:30:00.000Z'));
    const input = registerCandidateSchema.parse(candidateInput(ids.period.id, ids.area.id));
    expect(() => registerCandidate({ ctx, input })).toThrow(
      expect.objectContaining({ reason: expect.objectContaining({ reason: 'REGISTRATION_NOT_OPEN' }) }),
    );
    const ctx2 = contextFor(h.handle, () => new Date('2026-03-01T17:00:00.000Z'));
    expect(registerCandidate({ ctx: ctx2, input }).applicationId).toBeGreaterThan(0);
  });
});

describe('renewal with places per work area', () => {
  let h: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    h = tempDatabase();
  });
  afterEach(() => h.cleanup());

  it("refuses a renewal when the area's places next year are taken though the branch has some left", () => {
    const clock = fixedClock('2026-03-01T02:00:00.000Z');
    const ctx = contextFor(h.handle, clock.now, 'penyelia-uji');
    const ids = seedBranch(h.handle, 5);
    const month = (m: string) => ({
      month: m,
      familiesVisited: 500,
      visits: 600,
      collections: [{ arrearsMonths: 5, amount: 10_000_000 }],
      reportDeliveredOn: `${m}-28`,
      meetingsHeld: 2,
      meetingsAttended: 2,
    });
    const due = (nik: string) => {
      const c = recruitCadre(h.handle, ctx, clock, ids, nik);
      for (const m of ['2026-04', '2026-05', '2026-06'])
        recordMonth({ ctx, input: { contractId: c.id, revision: null, record: month(m) } });
      return c;
    };
    const a = due('3577015208900001');
    const b = due('3577011203850002');
    runContractScheduler(h.handle, new Date('2027-03-01T02:00:00Z'));
    // next year: 5 places for the branch, 1 of them for Kota Madiun (where both cadres work)
    const next = insertNextYear(h, ids.branch.id);
    setAreaQuotas({ ctx, input: { periodId: next, revision: 1, areas: [{ workAreaId: ids.area.id, quota: 1 }] } });
    const decide = (id: number) => {
      const d = getContractDetail({ ctx, input: { id } });
      return decideRenewal({ ctx, input: { id, revision: d.revision, decision: 'renew', reason: '' } });
    };
    decide(a.id);
    expect(() => decide(b.id)).toThrow(
      expect.objectContaining({
        code: 'QUOTA_EXCEEDED',
        reason: { reason: 'AREA_RENEWAL_QUOTA_FULL', params: { area: 'Kota Madiun', year: 2027, used: 1, quota: 1 } },
      }),
    );
    expect(h.handle.sqlite.prepare('select state from contracts where id = ?').get(b.id)).toEqual({ state: 'evaluationDue' });
  });
});

/** Head office opens next year (2027) for the branch with 5 places, as `periods.setQuota` would. */
function insertNextYear(h: ReturnType<typeof tempDatabase>, branchId: number): number {
  return (
    h.handle.sqlite
      .prepare(
        'insert into recruitment_periods (branch_id, year, quota, rules) select ?, 2027, 5, rules from recruitment_periods returning id',
      )
      .get(branchId) as { id: number }
  ).id;
}
