import { describe, expect, it } from 'vitest';
import {
  addMonth,
  agreementMonths,
  chartGeometry,
  chartSeries,
  monthLabel,
  niceMax,
  type ChartPoint,
} from '../src/contracts/chart';

describe('months', () => {
  it('names months in Indonesian (short and long) and English', () => {
    expect(monthLabel('2026-11', 'id')).toBe('Nov');
    expect(monthLabel('2026-08', 'id')).toBe('Agu');
    expect(monthLabel('2026-05', 'id', { withYear: true })).toBe('Mei 2026');
    expect(monthLabel('2026-12', 'id', { long: true })).toBe('Desember 2026');
    expect(monthLabel('2026-10', 'en')).toBe('Oct');
    expect(monthLabel('bukan', 'id')).toBe('bukan');
  });
  it('steps months across the year', () => {
    expect(addMonth('2026-12')).toBe('2027-01');
    expect(addMonth('2026-01', -1)).toBe('2025-12');
    expect(addMonth('2026-03', 13)).toBe('2027-04');
  });
  it('lists the calendar months an agreement touches', () => {
    const months = agreementMonths('2026-11-22', '2027-11-21');
    expect(months).toHaveLength(13);
    expect(months[0]).toBe('2026-11');
    expect(months[2]).toBe('2027-01');
    expect(months.at(-1)).toBe('2027-11');
    expect(agreementMonths('2026-01-01', '2026-12-31')).toHaveLength(12);
    expect(agreementMonths('2027-01-01', '2026-01-01')).toEqual([]);
  });
});

describe('axis', () => {
  it('rounds the top of the axis up to 1, 2, 2,5 or 5 × 10^k', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(430)).toBe(500);
    expect(niceMax(500)).toBe(500);
    expect(niceMax(501)).toBe(1000);
    expect(niceMax(12_000_000)).toBe(20_000_000);
    expect(niceMax(10_000_000)).toBe(10_000_000);
    expect(niceMax(2_100)).toBe(2_500);
  });
});

describe('chart geometry', () => {
  const points: ChartPoint[] = [
    { month: '2026-11', value: 250, target: 500 },
    { month: '2026-12', value: 500, target: 500 },
    { month: '2027-01', value: null, target: 500 },
    { month: '2027-02', value: 100, target: 400 },
  ];
  const g = chartGeometry(points, { width: 400, height: 200, lang: 'id' });

  it('draws a bar per reported month, none for a month not reported', () => {
    expect(g.bars.map((b) => b.month)).toEqual(['2026-11', '2026-12', '2027-02']);
    expect(g.max).toBe(500);
  });
  it('scales bars to the axis: half the value, half the height', () => {
    const plotHeight = g.plot.bottom - g.plot.top;
    const [half, full] = g.bars;
    expect(full!.height).toBeCloseTo(plotHeight, 0);
    expect(half!.height).toBeCloseTo(plotHeight / 2, 0);
    expect(half!.y + half!.height).toBeCloseTo(g.plot.bottom, 5);
  });
  it('marks whether each month met its target', () => {
    expect(g.bars.map((b) => b.met)).toEqual([false, true, false]);
  });
  it('puts the bars in their month’s slot, left to right, inside the plot', () => {
    const slot = (g.plot.right - g.plot.left) / points.length;
    g.bars.forEach((b) => {
      const i = points.findIndex((p) => p.month === b.month);
      expect(b.x).toBeGreaterThanOrEqual(g.plot.left + i * slot);
      expect(b.x + b.width).toBeLessThanOrEqual(g.plot.left + (i + 1) * slot + 0.1);
    });
  });
  it('draws the targets as one stepped line, one step per month, at each month’s target', () => {
    expect(g.targets).toHaveLength(4);
    expect(g.targets[0]!.y).toBe(g.targets[1]!.y);
    expect(g.targets[3]!.y).toBeGreaterThan(g.targets[0]!.y); // 400 sits lower than 500
    expect(g.targetPath.startsWith('M')).toBe(true);
    expect(g.targetPath.match(/M/g)).toHaveLength(1); // joined: no gaps between consecutive months
    // flat where the target stays, a vertical step where it changes
    const [a, b, c, d] = g.targets;
    expect(g.targetPath).toBe(
      `M${a!.x1} ${a!.y} L${a!.x2} ${a!.y} L${b!.x2} ${b!.y} L${c!.x2} ${c!.y} L${d!.x1} ${d!.y} L${d!.x2} ${d!.y}`,
    );
  });
  it('labels months in Indonesian with the year under the first month and under January', () => {
    expect(g.xLabels.map((l) => l.label)).toEqual(['Nov', 'Des', 'Jan', 'Feb']);
    expect(g.xLabels.map((l) => l.year)).toEqual(['2026', null, '2027', null]);
  });
  it('ticks from 0 to the top of the axis', () => {
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 125, 250, 375, 500]);
    expect(g.yTicks[0]!.y).toBe(g.plot.bottom);
    expect(g.yTicks.at(-1)!.y).toBe(g.plot.top);
  });
  it('copes with nothing reported and with values above the axis', () => {
    const empty = chartGeometry([{ month: '2026-11', value: null, target: null }], { lang: 'en' });
    expect(empty.bars).toEqual([]);
    expect(empty.targetPath).toBe('');
    expect(empty.max).toBe(1);
    expect(chartGeometry([], { lang: 'id' }).xLabels).toEqual([]);
  });
  it('breaks the target line where a month has no target', () => {
    const gap = chartGeometry(
      [
        { month: '2026-11', value: 1, target: 2 },
        { month: '2026-12', value: 1, target: null },
        { month: '2027-01', value: 1, target: 2 },
      ],
      { lang: 'id' },
    );
    expect(gap.targetPath.match(/M/g)).toHaveLength(2);
  });
});

describe('series from a contract', () => {
  const contract = {
    startDate: '2026-11-22',
    endDate: '2027-11-21',
    familiesAssigned: 500,
    kpiSettings: { targets: { familiesVisitedShare: 1, collectionPerMonth: 10_000_000 } },
    months: [
      { month: '2026-12', record: { familiesAssigned: 450, familiesVisited: 400 }, fee: { totals: { eligible: 4_000_000 } } },
      { month: '2026-11', record: { familiesAssigned: 500, familiesVisited: 120 }, fee: { totals: { eligible: 900_000 } } },
    ],
  };
  it('covers every month of the agreement, reported or not, with each month’s target', () => {
    const s = chartSeries(contract);
    expect(s.visits).toHaveLength(13);
    expect(s.visits[0]).toEqual({ month: '2026-11', value: 120, target: 500 });
    expect(s.visits[1]).toEqual({ month: '2026-12', value: 400, target: 450 });
    expect(s.visits[2]).toEqual({ month: '2027-01', value: null, target: 500 });
    expect(s.collection[0]).toEqual({ month: '2026-11', value: 900_000, target: 10_000_000 });
    expect(s.collection[5]!.value).toBeNull();
  });
  it('applies the visited share to the target', () => {
    const s = chartSeries({ ...contract, kpiSettings: { targets: { familiesVisitedShare: 0.8, collectionPerMonth: 1 } } });
    expect(s.visits[1]!.target).toBe(360);
  });
});
