import { describe, expect, it } from 'vitest';
import { periodsForDefault } from '../src/period';

describe('the default period', () => {
  it('is this year, even when next year is already open; else the newest earlier year', () => {
    const years = (ys: number[]) =>
      periodsForDefault(
        ys.map((year) => ({ year })),
        2026,
      ).map((p) => p.year);
    expect(years([2027, 2026, 2025])).toEqual([2026, 2025, 2027]);
    expect(years([2027, 2025, 2024])).toEqual([2025, 2024, 2027]);
    expect(years([2028, 2027])).toEqual([2027, 2028]);
  });
});
