import { DEFAULT_FEE_SCHEDULE, DEFAULT_KPI_SETTINGS, FLAT_25_PERCENT_FEE_SCHEDULE, render } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import {
  AFTER_TODAY,
  basisPointsToPercent,
  checkFeeForm,
  checkKpiForm,
  feeFormFrom,
  firstOfNextMonth,
  flat25,
  inForce,
  kpiFormFrom,
  nextTier,
  percentToBasisPoints,
  serverFieldErrors,
  versionStatus,
  weightSum,
} from '../src/pages/settings/settingsForms';

describe('percent ↔ basis points', () => {
  it('reads percentages as typed', () => {
    expect(percentToBasisPoints('7')).toBe(700);
    expect(percentToBasisPoints('12,5')).toBe(1250);
    expect(percentToBasisPoints('12.5')).toBe(1250);
    expect(percentToBasisPoints(' 25 % ')).toBe(2500);
    expect(percentToBasisPoints('0,07')).toBe(7);
    expect(percentToBasisPoints('')).toBeUndefined();
    expect(percentToBasisPoints('tujuh')).toBeNaN();
    expect(percentToBasisPoints('12,555')).toBe(1255.5); // the schema says "whole basis points"
  });
  it('shows basis points as a percent input', () => {
    expect(basisPointsToPercent(700)).toBe('7');
    expect(basisPointsToPercent(1250)).toBe('12,5');
    expect(basisPointsToPercent(1250, 'en')).toBe('12.5');
    for (const bp of [0, 1, 7, 99, 700, 1234, 2500, 10_000]) expect(percentToBasisPoints(basisPointsToPercent(bp))).toBe(bp);
  });
});

describe('weight sum', () => {
  it('adds what is typed; blanks and nonsense count 0', () => {
    expect(weightSum({ visits: '30', collection: '30', reports: '20', attendance: '20' })).toBe(100);
    expect(weightSum({ visits: '30', collection: '', reports: 'x', attendance: '20' })).toBe(50);
    expect(weightSum(DEFAULT_KPI_SETTINGS.weights)).toBe(100);
  });
});

describe('which version is in force', () => {
  const versions = [
    { effectiveFrom: '2017-01-01', n: 1 },
    { effectiveFrom: '2026-01-01', n: 2 },
    { effectiveFrom: '2026-07-01', n: 3 },
  ];
  it('marks the one in force, those to come and those replaced', () => {
    expect(inForce(versions, '2026-05-17')?.n).toBe(2);
    expect(inForce(versions, '2026-07-01')?.n).toBe(3);
    expect(inForce(versions, '2016-12-31')).toBeNull();
    const s = versionStatus(versions, '2026-05-17');
    expect(versions.map((v) => s.get(v))).toEqual(['past', 'current', 'future']);
  });
  it('the next month starts a new version by default', () => {
    expect(firstOfNextMonth('2026-05-17')).toBe('2026-06-01');
    expect(firstOfNextMonth('2026-12-31')).toBe('2027-01-01');
  });
});

describe('KPI form', () => {
  const today = '2026-05-17';
  it('prefills from a version and gives it back', () => {
    const form = kpiFormFrom(DEFAULT_KPI_SETTINGS, '2026-06-01');
    expect(form.collectionPerMonth).toBe('10.000.000');
    expect(form.familiesVisitedPercent).toBe('100');
    expect(form.floors.collection).toBe('40');
    expect(form.floors.visits).toBe('');
    const checked = checkKpiForm(form, today);
    expect(checked).toEqual({ ok: true, value: { ...DEFAULT_KPI_SETTINGS, effectiveFrom: '2026-06-01' } });
  });
  it('refuses weights not adding up to 100, a date not after today, and says where', () => {
    const form = kpiFormFrom(DEFAULT_KPI_SETTINGS, today);
    form.weights.visits = '40';
    form.collectionPerMonth = 'banyak';
    const checked = checkKpiForm(form, today);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.weights).toEqual({ reason: 'WEIGHTS_SUM_100', params: {} });
    expect(checked.errors.effectiveFrom).toEqual(AFTER_TODAY);
    expect(render('id', AFTER_TODAY)).toBe('Tanggal berlaku harus setelah hari ini');
    expect(checked.errors['targets.collectionPerMonth']).toEqual({ reason: 'NOT_A_NUMBER', params: {} });
  });
});

describe('fee form', () => {
  const today = '2026-05-17';
  it('round-trips the default schedule and the flat 25% one', () => {
    const form = feeFormFrom(DEFAULT_FEE_SCHEDULE, '2026-06-01');
    expect(form.tiers.map((t) => t.ratePercent)).toEqual(['7', '10', '15']);
    expect(checkFeeForm(form, today)).toEqual({ ok: true, value: { ...DEFAULT_FEE_SCHEDULE, effectiveFrom: '2026-06-01' } });
    expect(checkFeeForm(flat25('2026-06-01'), today)).toEqual({
      ok: true,
      value: { ...FLAT_25_PERCENT_FEE_SCHEDULE, effectiveFrom: '2026-06-01' },
    });
  });
  it('puts errors on the tier fields', () => {
    const form = feeFormFrom(DEFAULT_FEE_SCHEDULE, '2026-06-01');
    form.tiers[1]!.ratePercent = 'x';
    form.tiers[2]!.fromMonths = '10';
    const checked = checkFeeForm(form, today);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['tiers.1.rateBasisPoints']).toEqual({ reason: 'NOT_A_NUMBER', params: {} });
    // Once each tier is valid, the check across tiers names the overlap with both ranges.
    form.tiers[1]!.ratePercent = '10';
    const overlap = checkFeeForm(form, today);
    expect(!overlap.ok && overlap.errors['tiers.2.fromMonths']).toEqual({
      reason: 'TIERS_OVERLAP',
      params: { from: 10, to: 24, otherFrom: 7, otherTo: 12 },
    });
  });
  it('a new tier starts after the last', () => {
    expect(nextTier([{ fromMonths: '2', toMonths: '6', ratePercent: '7' }])).toEqual({
      fromMonths: '7',
      toMonths: '24',
      ratePercent: '',
    });
    expect(nextTier([])).toEqual({ fromMonths: '', toMonths: '', ratePercent: '' });
  });
  it('maps the server’s paths onto the form’s', () => {
    expect(
      serverFieldErrors([
        { path: 'value.tiers.1.rateBasisPoints', reason: 'RATE_TOO_BIG', params: {} },
        { path: 'value.effectiveFrom', reason: 'SETTINGS_VERSION_EXISTS', params: {} },
      ]),
    ).toEqual({
      'tiers.1.rateBasisPoints': { reason: 'RATE_TOO_BIG', params: {} },
      effectiveFrom: { reason: 'SETTINGS_VERSION_EXISTS', params: {} },
    });
  });
});
