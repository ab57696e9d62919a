/**
 * Rupiah inputs as people type them in Indonesia: `1.250.000` (dot for thousands), `1250000`,
 * `Rp 1.250.000`, `1.250.000,00`. Reading and grouping come from @kader/workflow's format module.
 * Pure; tested in test/rupiah.test.ts.
 */
import { groupThousands, parseGroupedNumber } from '@kader/workflow';

/**
 * The amount typed into a rupiah input. Empty → `undefined` (the schema says "required");
 * anything that is not a number → `NaN` (the schema says "not a number"); a decimal part other
 * than zeros is kept (`1.250,50` → 1250.5) so that the schema says "whole number".
 */
export function parseRupiahInput(raw: string): number | undefined {
  const s = raw
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/[\s\u00a0]/g, '');
  if (s === '') return undefined;
  const parsed = parseGroupedNumber(s);
  if (!parsed) return Number.NaN;
  const { whole, decimals } = parsed;
  if (!decimals || /^0+$/.test(decimals)) return whole;
  return Number(`${whole}.${decimals}`);
}

/** 1250000 → `1.250.000` (what a rupiah input shows when filled from data). */
export function formatRupiahInput(amount: number): string {
  if (!Number.isFinite(amount)) return '';
  const rounded = Math.trunc(amount);
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${groupThousands(String(Math.abs(rounded)), 'id')}`;
}
