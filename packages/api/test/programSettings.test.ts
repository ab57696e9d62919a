import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAT_25_PERCENT_FEE_SCHEDULE } from '@kader/workflow';
import { createCaller } from '../src/index';
import { seededDatabase, userContext } from './helpers';

let db: ReturnType<typeof seededDatabase>;
beforeAll(async () => {
  db = seededDatabase();
});
afterAll(() => db.cleanup());

const as = (u: string) => createCaller({ ...userContext(db.handle, u), now: () => new Date('2026-11-23T03:00:00Z') });

describe('versioned programme settings', () => {
  it('a fee schedule from a future date applies to months from then on, not before', async () => {
    const before = await as('admin.pusat').settings.list();
    expect(before.fee.map((f) => f.effectiveFrom)).toEqual(['2017-01-01']);
    await expect(
      as('admin.pusat').settings.add({ kind: 'fee', value: { ...FLAT_25_PERCENT_FEE_SCHEDULE, effectiveFrom: '2026-11-01' } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: {
        reason: { reason: 'EFFECTIVE_DATE_NOT_FUTURE' },
        message: 'Tanggal berlaku harus setelah hari ini',
        details: { fields: [{ path: 'value.effectiveFrom', reason: 'EFFECTIVE_DATE_NOT_FUTURE' }] },
      },
    });
    // A schedule that breaks its schema names each field under `value.`.
    await expect(
      as('admin.pusat').settings.add({
        kind: 'fee',
        value: {
          effectiveFrom: '2027-01-01',
          kind: 'tiered',
          tiers: [
            { fromMonths: 2, toMonths: 7, rateBasisPoints: 700 },
            { fromMonths: 7, toMonths: 12, rateBasisPoints: 1000 },
          ],
        },
      }),
    ).rejects.toMatchObject({
      cause: {
        reason: { reason: 'INVALID_INPUT', params: { count: 1 } },
        details: {
          fields: [
            {
              path: 'value.tiers.1.fromMonths',
              reason: 'TIERS_OVERLAP',
              params: { from: 7, to: 12, otherFrom: 2, otherTo: 7 },
            },
          ],
        },
      },
    });
    const after = await as('admin.pusat').settings.add({
      kind: 'fee',
      value: { ...FLAT_25_PERCENT_FEE_SCHEDULE, effectiveFrom: '2026-12-01' },
    });
    expect(after.fee.map((f) => f.effectiveFrom)).toEqual(['2017-01-01', '2026-12-01']);

    const contract = db.handle.sqlite.prepare("select id from contracts where agreement_number like 'PKS/050/%'").get() as {
      id: number;
    };
    const sup = as('penyelia.madiun');
    const c = await sup.contracts.get({ id: contract.id });
    const record = {
      month: '2026-12',
      familiesVisited: 400,
      visits: 420,
      collections: [{ arrearsMonths: 5, amount: 1_000_000 }],
      reportDeliveredOn: '2027-01-04',
      meetingsHeld: 2,
      meetingsAttended: 2,
    };
    // December 2026 is within this agreement only if it has not ended; the seed's agreement runs until Dec 2026.
    if (c.endDate >= '2026-12-01') {
      const d = await sup.contracts.recordMonth({ contractId: c.id, revision: null, record });
      const dec = d.months.find((m) => m.month === '2026-12')!;
      expect(dec.fee.totals.fee).toBe(250_000); // 25% flat
      const nov = d.months.find((m) => m.month < '2026-12')!;
      expect(nov.fee.lines[0]!.rateBasisPoints).not.toBe(2500);
    }
    const audit = db.handle.sqlite.prepare("select actor from audit_events where type = 'SETTING_ADDED'").get();
    expect(audit).toEqual({ actor: 'admin.pusat' });
  });
});
