/** Indonesian number formatting for sentences (internal: no Intl, so output never depends on ICU data). */

/** Half-up rounding to two decimals, tolerant of binary fractions (1.005 → 1.01). */
export function round2(x: number): number {
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;
}

const groups = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 1234567 → "1.234.567"; 38.5 → "38,5"; 13.333 → "13,33" (at most two decimals, trailing zeros dropped). */
export function formatNumber(x: number): string {
  const r = round2(x);
  const neg = r < 0;
  const [int, frac] = Math.abs(r).toFixed(2).split('.') as [string, string];
  const f = frac.replace(/0+$/, '');
  return `${neg ? '-' : ''}${groups(int)}${f ? `,${f}` : ''}`;
}

/** 1234567 → "Rp 1.234.567". */
export const formatRupiah = (x: number): string => `Rp ${formatNumber(x)}`;
