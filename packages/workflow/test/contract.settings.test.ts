import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEE_SCHEDULE,
  DEFAULT_KPI_SETTINGS,
  effectiveAt,
  effectiveForMonth,
  feeScheduleSchema,
  FLAT_25_PERCENT_FEE_SCHEDULE,
  kpiSettingsSchema,
  versionsSchema,
  type FeeSchedule,
  issueMessage,
  render,
} from '../src/index';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error ? r.error.issues.map((i) => i.path.map(String).join('.')) : [];

describe('effective dates', () => {
  const versions = [
    { effectiveFrom: '2019-09-01', name: 'flat' },
    { effectiveFrom: '2017-01-01', name: 'first' },
    { effectiveFrom: '2027-01-01', name: 'next' },
  ];

  it('picks the latest version that has started, in any order', () => {
    expect(effectiveAt(versions, '2017-01-01').name).toBe('first');
    expect(effectiveAt(versions, '2019-08-31').name).toBe('first');
    expect(effectiveAt(versions, '2019-09-01').name).toBe('flat');
    expect(effectiveAt(versions, '2026-12-31').name).toBe('flat');
    expect(effectiveAt(versions, '2027-01-01').name).toBe('next');
  });

  it('a schedule effective 2027-01-01 does not apply to a December 2026 month, and does to January', () => {
    expect(effectiveForMonth(versions, '2026-12').name).toBe('flat');
    expect(effectiveForMonth(versions, '2027-01').name).toBe('next');
    // A version starting mid-month applies from the next month.
    expect(effectiveForMonth([...versions, { effectiveFrom: '2027-03-15', name: 'mid' }], '2027-03').name).toBe('next');
  });

  it('throws when nothing is in force yet, or when two versions start the same day', () => {
    expect(() => effectiveAt(versions, '2016-12-31')).toThrow(/no version in force on 2016-12-31/);
    expect(() => effectiveAt([], '2027-01-01')).toThrow(/no version/);
    expect(() => effectiveAt([...versions, { effectiveFrom: '2019-09-01', name: 'dup' }], '2020-01-01')).toThrow(/ambiguous/);
    // A duplicate that is not (or no longer) the one in force does not matter.
    expect(effectiveAt([...versions, { effectiveFrom: '2019-09-01', name: 'dup' }], '2027-02-01').name).toBe('next');
  });

  it('a list of versions refuses two starting the same day', () => {
    const schema = versionsSchema(feeScheduleSchema);
    expect(schema.safeParse([DEFAULT_FEE_SCHEDULE, FLAT_25_PERCENT_FEE_SCHEDULE]).success).toBe(true);
    const dup = schema.safeParse([
      DEFAULT_FEE_SCHEDULE,
      { ...FLAT_25_PERCENT_FEE_SCHEDULE, effectiveFrom: DEFAULT_FEE_SCHEDULE.effectiveFrom },
    ]);
    expect(paths(dup)).toEqual(['1.effectiveFrom']);
    expect(issueMessage(dup.error!.issues[0]!)).toEqual({
      reason: 'SETTINGS_VERSION_DUPLICATE',
      params: { date: '2017-01-01', version: 1 },
    });
  });
});

describe('KPI settings', () => {
  it('the defaults are valid and are domain.md C', () => {
    expect(kpiSettingsSchema.parse(DEFAULT_KPI_SETTINGS)).toEqual(DEFAULT_KPI_SETTINGS);
    expect(DEFAULT_KPI_SETTINGS).toMatchObject({
      targets: { familiesVisitedShare: 1, collectionPerMonth: 10_000_000, meetingsPerMonth: 2, reportDueDay: 5 },
      weights: { visits: 30, collection: 30, reports: 20, attendance: 20 },
      threshold: 60,
      floors: { collection: 40 },
    });
  });

  it('weights sum to 100; targets, threshold and floors in range', () => {
    const bad = kpiSettingsSchema.safeParse({
      ...DEFAULT_KPI_SETTINGS,
      effectiveFrom: '2027-13-01',
      targets: { familiesVisitedShare: 0, collectionPerMonth: 10.5, meetingsPerMonth: 0, reportDueDay: 31 },
      weights: { visits: 30, collection: 30, reports: 20, attendance: 10 },
      threshold: 101,
      floors: { collection: -1 },
    });
    expect(paths(bad).sort()).toEqual(
      [
        'effectiveFrom',
        'targets.familiesVisitedShare',
        'targets.collectionPerMonth',
        'targets.meetingsPerMonth',
        'targets.reportDueDay',
        'weights',
        'threshold',
        'floors.collection',
      ].sort(),
    );
    const weights = kpiSettingsSchema.safeParse({
      ...DEFAULT_KPI_SETTINGS,
      weights: { visits: 40, collection: 30, reports: 20, attendance: 20 },
    });
    expect(weights.error?.issues[0]?.message).toBe('WEIGHTS_SUM_100');
    expect(render('id', issueMessage(weights.error!.issues[0]!))).toBe('Jumlah bobot harus 100');
    // No floors at all is a valid choice.
    const { floors: _f, ...noFloors } = DEFAULT_KPI_SETTINGS;
    expect(kpiSettingsSchema.parse(noFloors).floors).toEqual({});
  });
});

describe('fee schedules', () => {
  const tiered = (tiers: FeeSchedule['tiers']): unknown => ({ effectiveFrom: '2027-01-01', kind: 'tiered', tiers });

  it('the default tiers and the 2019 flat 25% are both valid', () => {
    expect(feeScheduleSchema.parse(DEFAULT_FEE_SCHEDULE)).toEqual(DEFAULT_FEE_SCHEDULE);
    expect(DEFAULT_FEE_SCHEDULE.tiers).toEqual([
      { fromMonths: 2, toMonths: 6, rateBasisPoints: 700 },
      { fromMonths: 7, toMonths: 12, rateBasisPoints: 1000 },
      { fromMonths: 13, toMonths: 24, rateBasisPoints: 1500 },
    ]);
    expect(feeScheduleSchema.parse(FLAT_25_PERCENT_FEE_SCHEDULE)).toEqual({
      effectiveFrom: '2019-09-01',
      kind: 'flat',
      tiers: [{ fromMonths: 2, toMonths: 24, rateBasisPoints: 2500 }],
    });
  });

  it('tiers may leave gaps (Surakarta 2022: only 12–24 months) and come in any order', () => {
    expect(feeScheduleSchema.safeParse(tiered([{ fromMonths: 12, toMonths: 24, rateBasisPoints: 1500 }])).success).toBe(true);
    expect(
      feeScheduleSchema.safeParse(
        tiered([
          { fromMonths: 13, toMonths: 24, rateBasisPoints: 1500 },
          { fromMonths: 2, toMonths: 12, rateBasisPoints: 700 },
        ]),
      ).success,
    ).toBe(true);
  });

  it('refuses overlaps, ranges outside 2..24, reversed ranges, part months and rates outside 0..10000 bp', () => {
    const overlap = feeScheduleSchema.safeParse(
      tiered([
        { fromMonths: 2, toMonths: 7, rateBasisPoints: 700 },
        { fromMonths: 7, toMonths: 12, rateBasisPoints: 1000 },
      ]),
    );
    expect(overlap.error?.issues).toMatchObject([{ path: ['tiers', 1, 'fromMonths'], message: 'TIERS_OVERLAP' }]);
    const overlapMessage = issueMessage(overlap.error!.issues[0]!);
    expect(overlapMessage).toEqual({ reason: 'TIERS_OVERLAP', params: { from: 7, to: 12, otherFrom: 2, otherTo: 7 } });
    expect(render('id', overlapMessage)).toBe('Tingkat tarif tumpang tindih: 7-12 bulan dengan 2-7 bulan');
    expect(render('en', overlapMessage)).toBe('Rate tiers overlap: 7-12 months with 2-7 months');
    const bad = feeScheduleSchema.safeParse(
      tiered([
        { fromMonths: 1, toMonths: 6, rateBasisPoints: 700 },
        { fromMonths: 7, toMonths: 25, rateBasisPoints: 10_001 },
        { fromMonths: 20, toMonths: 15, rateBasisPoints: -1 },
        { fromMonths: 2.5, toMonths: 3, rateBasisPoints: 12.5 },
      ]),
    );
    // Each tier's own errors first; the checks across tiers run once every tier is valid.
    expect(paths(bad)).toEqual([
      'tiers.0.fromMonths',
      'tiers.1.toMonths',
      'tiers.1.rateBasisPoints',
      'tiers.2.rateBasisPoints',
      'tiers.3.fromMonths',
      'tiers.3.rateBasisPoints',
    ]);
    const reversed = feeScheduleSchema.safeParse(tiered([{ fromMonths: 20, toMonths: 15, rateBasisPoints: 100 }]));
    expect(reversed.error?.issues).toMatchObject([{ path: ['tiers', 0, 'toMonths'], message: 'TIER_END_BEFORE_START' }]);
    expect(paths(feeScheduleSchema.safeParse(tiered([])))).toEqual(['tiers']);
  });

  it('a flat schedule is exactly one tier', () => {
    const two = feeScheduleSchema.safeParse({ ...FLAT_25_PERCENT_FEE_SCHEDULE, tiers: DEFAULT_FEE_SCHEDULE.tiers });
    expect(two.error?.issues).toMatchObject([{ path: ['tiers'], message: 'FLAT_ONE_TIER' }]);
  });
});
