import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KPI_SETTINGS,
  monthlyRecordSchema,
  recommendationForDecision,
  scorecard,
  type KpiSettings,
  type MonthlyRecord,
  type MonthlyRecordInput,
  msg,
  render,
} from '../src/index';

/** A month that meets every default target exactly: 500 of 500 families, Rp 10 juta, report on the 5th, 2 of 2 meetings. */
function month(m: string, patch: Partial<MonthlyRecordInput> = {}): MonthlyRecord {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return monthlyRecordSchema.parse({
    month: m,
    familiesVisited: 500,
    visits: 500,
    collections: [{ arrearsMonths: 5, amount: 10_000_000 }],
    reportDeliveredOn: `${next}-05`,
    meetingsHeld: 2,
    meetingsAttended: 2,
    ...patch,
  });
}
const line = (card: ReturnType<typeof scorecard>, key: string) => card.kpis.find((k) => k.key === key)!;
const YEAR = [
  '2027-01',
  '2027-02',
  '2027-03',
  '2027-04',
  '2027-05',
  '2027-06',
  '2027-07',
  '2027-08',
  '2027-09',
  '2027-10',
  '2027-11',
  '2027-12',
];

describe('scorecard: targets pro-rated to the months reported', () => {
  it('3 months reported: every target is the monthly one × 3', () => {
    const card = scorecard(
      ['2027-01', '2027-02', '2027-03'].map((m) => month(m)),
      DEFAULT_KPI_SETTINGS,
    );
    expect(card.kpis.map(({ key, actual, target }) => ({ key, actual, target }))).toEqual([
      { key: 'visits', actual: 1500, target: 1500 },
      { key: 'collection', actual: 30_000_000, target: 30_000_000 },
      { key: 'reports', actual: 3, target: 3 },
      { key: 'attendance', actual: 6, target: 6 },
    ]);
    expect(card.total).toBe(100);
    expect(card.recommendation).toBe('renew');
  });

  it('a full year meeting every target: 100 points; overachievement is shown but capped in the points', () => {
    const months = YEAR.map((m, i) => month(m, i === 0 ? { collections: [{ arrearsMonths: 13, amount: 63_600_000 }] } : {}));
    const card = scorecard(months, DEFAULT_KPI_SETTINGS);
    expect(line(card, 'collection')).toEqual({
      key: 'collection',
      actual: 173_600_000,
      target: 120_000_000,
      ratio: 1,
      percentOfTarget: 144.67,
      weight: 30,
      points: 30,
      floor: 40,
      passedFloor: true,
    });
    expect(card.total).toBe(100);
    expect(card.months).toEqual(YEAR);
  });

  it('the families assigned may differ per month; the visit target is their sum × the share', () => {
    const settings: KpiSettings = {
      ...DEFAULT_KPI_SETTINGS,
      targets: { ...DEFAULT_KPI_SETTINGS.targets, familiesVisitedShare: 0.5 },
    };
    const card = scorecard(
      [
        month('2027-01', { familiesAssigned: 400, familiesVisited: 100, visits: 100 }),
        month('2027-02', { familiesAssigned: 600, familiesVisited: 300, visits: 320 }),
      ],
      settings,
    );
    expect(line(card, 'visits')).toMatchObject({ actual: 400, target: 500, ratio: 0.8, percentOfTarget: 80, points: 24 });
  });
});

describe('scorecard: what each KPI counts', () => {
  it('collection counts arrears of 2 to 24 months only (boundaries 1, 2, 6, 7, 12, 13, 24, 25)', () => {
    const collections = [1, 2, 6, 7, 12, 13, 24, 25].map((arrearsMonths) => ({ arrearsMonths, amount: 1_000_000 }));
    const card = scorecard([month('2027-01', { collections })], DEFAULT_KPI_SETTINGS);
    expect(line(card, 'collection')).toMatchObject({ actual: 6_000_000, target: 10_000_000, percentOfTarget: 60, points: 18 });
  });

  it('reports: on or before the due day of the next month; not delivered is late', () => {
    const card = scorecard(
      [
        month('2027-01', { reportDeliveredOn: '2027-02-05' }),
        month('2027-02', { reportDeliveredOn: '2027-03-06' }),
        month('2027-03', { reportDeliveredOn: null }),
        month('2027-04', { reportDeliveredOn: '2027-04-30' }),
      ],
      DEFAULT_KPI_SETTINGS,
    );
    expect(line(card, 'reports')).toMatchObject({ actual: 2, target: 4, percentOfTarget: 50, points: 10 });
    const lenient = scorecard([month('2027-02', { reportDeliveredOn: '2027-03-06' })], {
      ...DEFAULT_KPI_SETTINGS,
      targets: { ...DEFAULT_KPI_SETTINGS.targets, reportDueDay: 10 },
    });
    expect(line(lenient, 'reports').actual).toBe(1);
  });

  it("attendance: a month's extra meetings do not make up for another month's missed one", () => {
    const card = scorecard(
      [month('2027-01', { meetingsHeld: 3, meetingsAttended: 3 }), month('2027-02', { meetingsHeld: 2, meetingsAttended: 1 })],
      DEFAULT_KPI_SETTINGS,
    );
    expect(line(card, 'attendance')).toMatchObject({ actual: 3, target: 4, percentOfTarget: 75, points: 15 });
  });

  it('months come in any order and a month given twice is refused', () => {
    const card = scorecard([month('2027-03'), month('2027-01')], DEFAULT_KPI_SETTINGS);
    expect(card.months).toEqual(['2027-01', '2027-03']);
    expect(() => scorecard([month('2027-01'), month('2027-01')], DEFAULT_KPI_SETTINGS)).toThrow(/2027-01 recorded twice/);
  });
});

describe('scorecard: the recommendation', () => {
  // One month: visits 250/500 = 15 points, reports on time 20, attendance 1/2 = 10: 45 before collection.
  const base = { familiesVisited: 250, visits: 250, meetingsAttended: 1 };
  const withCollected = (amount: number, settings = DEFAULT_KPI_SETTINGS) =>
    scorecard([month('2027-01', { ...base, collections: [{ arrearsMonths: 8, amount }] })], settings);

  it.each([
    // collected, collection %, total, recommendation
    [5_000_000, 50, 60, 'renew'], // exactly the threshold passes
    [4_990_000, 49.9, 59.97, 'drop'], // under it by 0,03 points
    [4_999_000, 49.99, 60, 'renew'], // 14,997 points shown as 15: decided on the figures shown
    [10_000_000, 100, 75, 'renew'],
  ] as const)('collected Rp %i: %f%% of target, total %f, %s', (amount, pct, total, recommendation) => {
    const card = withCollected(amount);
    expect(line(card, 'collection').percentOfTarget).toBe(pct);
    expect(card.total).toBe(total);
    expect(card.recommendation).toBe(recommendation);
  });

  it('the collection floor: 40% of target passes, just under it drops even with a total over the threshold', () => {
    const full = { familiesVisited: 500, visits: 500, meetingsAttended: 2 }; // 70 points before collection
    const at = scorecard(
      [month('2027-01', { ...full, collections: [{ arrearsMonths: 3, amount: 4_000_000 }] })],
      DEFAULT_KPI_SETTINGS,
    );
    expect(at.total).toBe(82);
    expect(line(at, 'collection')).toMatchObject({ percentOfTarget: 40, floor: 40, passedFloor: true });
    expect(at.recommendation).toBe('renew');

    const under = scorecard(
      [month('2027-01', { ...full, collections: [{ arrearsMonths: 3, amount: 3_999_000 }] })],
      DEFAULT_KPI_SETTINGS,
    );
    expect(under.total).toBe(82);
    expect(line(under, 'collection')).toMatchObject({ percentOfTarget: 39.99, passedFloor: false });
    expect(under.recommendation).toBe('drop');
    expect(under.explanation).toMatchObject({ passedThreshold: true, belowFloor: ['collection'] });
    expect(under.explanation.kpis.find((k) => k.key === 'collection')).toMatchObject({ passed: false, shortOfFloor: 0.01 });
  });

  it('floors on other KPIs, as settings', () => {
    const settings: KpiSettings = { ...DEFAULT_KPI_SETTINGS, floors: { visits: 60 } };
    const card = scorecard(
      [month('2027-01', { familiesVisited: 250, visits: 250, collections: [{ arrearsMonths: 30, amount: 1_000 }] })],
      settings,
    );
    // No collection at all, but without a collection floor only the visit floor (50% < 60%) counts.
    expect(card.explanation.belowFloor).toEqual(['visits']);
    expect(card.total).toBe(55);
    expect(card.explanation.shortOfThreshold).toBe(5);
  });

  it('explains each KPI in a sentence and in structured form', () => {
    const card = scorecard(
      [
        month('2027-01', {
          familiesVisited: 450,
          visits: 600,
          collections: [
            { arrearsMonths: 5, amount: 3_800_000 },
            { arrearsMonths: 30, amount: 100_000 },
          ],
        }),
        month('2027-02', {
          familiesVisited: 450,
          visits: 600,
          collections: [{ arrearsMonths: 5, amount: 4_000_000 }],
          reportDeliveredOn: '2027-03-06',
          meetingsAttended: 1,
        }),
        month('2027-03', {
          familiesVisited: 450,
          visits: 600,
          collections: [{ arrearsMonths: 5, amount: 3_600_000 }],
          reportDeliveredOn: null,
        }),
      ],
      DEFAULT_KPI_SETTINGS,
    );
    expect(card.recommendation).toBe('drop');
    expect(card.total).toBe(61.74);
    expect(card.explanation.kpis.map((k) => render('id', k.sentence))).toEqual([
      'Keluarga dikunjungi 90% dari target. 1.350 dari 1.500 keluarga; 27 dari 30 poin.',
      'Tunggakan iuran terkumpul 38% dari target (batas minimal 40%): kurang 2 poin persentase. Rp 11.400.000 dari Rp 30.000.000 (tunggakan 2-24 bulan); 11,4 dari 30 poin.',
      'Laporan bulanan tepat waktu 33,33% dari target. 1 dari 3 bulan, batas tanggal 5 bulan berikutnya; 6,67 dari 20 poin.',
      'Kehadiran rapat evaluasi 83,33% dari target. 5 dari 6 rapat; 16,67 dari 20 poin.',
    ]);
    // The same message in English, its numbers written the English way.
    expect(render('en', card.explanation.kpis[1]!.sentence)).toBe(
      'Arrears collected 38% of target (floor 40%): 2 percentage points short. Rp 11,400,000 of Rp 30,000,000 (arrears of 2-24 months); 11.4 of 30 points.',
    );
    expect(card.explanation.kpis[1]).toEqual({
      key: 'collection',
      passed: false,
      percentOfTarget: 38,
      floor: 40,
      shortOfFloor: 2,
      shortOfTarget: 62,
      points: 11.4,
      weight: 30,
      sentence: expect.objectContaining({ reason: 'SCORECARD_KPI' }),
    });
    expect(card.explanation.summary).toMatchObject({
      reason: 'SCORECARD_SUMMARY',
      params: { recommendation: 'drop', total: 61.74, belowKpis: ['collection'], belowPercents: [38], belowFloors: [40] },
    });
    expect(render('id', card.explanation.summary)).toBe(
      'Rekomendasi: tidak diperpanjang. Selama 3 bulan (Januari 2027 s.d. Maret 2027), nilai total 61,74 dari 100 memenuhi ambang 60, tetapi di bawah batas minimal: tunggakan iuran terkumpul (38% dari target, batas 40%).',
    );
    expect(render('en', card.explanation.summary)).toBe(
      'Recommendation: do not renew. Over 3 months (January 2027 to March 2027), the total of 61.74 out of 100 meets the threshold of 60, but below the floor: arrears collected (38% of target, floor 40%).',
    );
  });

  it('summaries of a renewal and of a drop under the threshold', () => {
    expect(render('id', withCollected(10_000_000).explanation.summary)).toBe(
      'Rekomendasi: diperpanjang. Selama 1 bulan (Januari 2027), nilai total 75 dari 100 memenuhi ambang 60 dan semua batas minimal terpenuhi.',
    );
    expect(render('id', withCollected(1_000_000).explanation.summary)).toBe(
      'Rekomendasi: tidak diperpanjang. Selama 1 bulan (Januari 2027), nilai total 48 dari 100 di bawah ambang 60 (kurang 12 poin); juga di bawah batas minimal: tunggakan iuran terkumpul (10% dari target, batas 40%).',
    );
    expect(render('en', withCollected(10_000_000).explanation.summary)).toBe(
      'Recommendation: renew. Over 1 month (January 2027), the total of 75 out of 100 meets the threshold of 60 and every floor is met.',
    );
  });

  it('no months: no recommendation, and it says so; a decision then needs a justification to renew', () => {
    const card = scorecard([], DEFAULT_KPI_SETTINGS);
    expect(card).toMatchObject({ months: [], kpis: [], total: 0, recommendation: null });
    expect(card.explanation.summary).toEqual(msg('SCORECARD_NO_DATA'));
    expect(render('id', card.explanation.summary)).toBe('Belum ada data kinerja bulanan: rekomendasi belum dapat dibuat.');
    expect(recommendationForDecision(card)).toBe('drop');
    expect(recommendationForDecision(withCollected(10_000_000))).toBe('renew');
  });
});
