/**
 * Rupiah inputs as people type them in Indonesia: `1.250.000` (dot for thousands), `1250000`,
 * `Rp 1.250.000`, `1.250.000,00`. Pure; tested in test/rupiah.test.ts.
 */

/**
 * The amount typed into a rupiah input. Empty → `undefined` (the schema says "required");
 * anything that is not a number → `NaN` (the schema says "harus berupa angka"); a decimal part
 * other than zeros is kept (`1.250,50` → 1250.5) so that the schema says "whole rupiah".
 */
export function parseRupiahInput(raw: string): number | undefined {
  const s = raw
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/[\s\u00a0]/g, '');
  if (s === '') return undefined;
  // 1.250.000 | 1250000, then an optional decimal part after a comma
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (!m) return Number.NaN;
  const whole = Number(m[1]!.replace(/\./g, ''));
  const frac = m[2];
  if (!frac || /^0+$/.test(frac)) return whole;
  return Number(`${whole}.${frac}`);
}

/** 1250000 → `1.250.000` (what a rupiah input shows when filled from data). */
export function formatRupiahInput(amount: number): string {
  if (!Number.isFinite(amount)) return '';
  const rounded = Math.trunc(amount);
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
