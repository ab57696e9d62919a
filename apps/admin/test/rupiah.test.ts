import { describe, expect, it } from 'vitest';
import { formatRupiahInput, parseRupiahInput } from '../src/contracts/rupiah';

describe('rupiah inputs', () => {
  it('read amounts as typed in Indonesia: dots for thousands', () => {
    expect(parseRupiahInput('1.250.000')).toBe(1_250_000);
    expect(parseRupiahInput('1250000')).toBe(1_250_000);
    expect(parseRupiahInput('Rp 1.250.000')).toBe(1_250_000);
    expect(parseRupiahInput('Rp1.250.000')).toBe(1_250_000);
    expect(parseRupiahInput('rp. 600.000')).toBe(600_000);
    expect(parseRupiahInput(' 1 250 000 ')).toBe(1_250_000);
    expect(parseRupiahInput('1.250.000,00')).toBe(1_250_000);
    expect(parseRupiahInput('950')).toBe(950);
    expect(parseRupiahInput('0')).toBe(0);
  });
  it('leave an empty input out, so the schema says "required"', () => {
    expect(parseRupiahInput('')).toBeUndefined();
    expect(parseRupiahInput('   ')).toBeUndefined();
    expect(parseRupiahInput('Rp ')).toBeUndefined();
  });
  it('keep a real decimal part, so the schema says "whole rupiah"', () => {
    expect(parseRupiahInput('1.250,50')).toBe(1250.5);
  });
  it('give NaN for what is not an amount (the schema says "harus berupa angka")', () => {
    for (const bad of ['1.25.000', '12.50', 'satu juta', '1,250,000', '-5000', '1.250.000.', '1e6']) {
      expect(parseRupiahInput(bad), bad).toBeNaN();
    }
  });
  it('fill inputs from data with dots', () => {
    expect(formatRupiahInput(1_250_000)).toBe('1.250.000');
    expect(formatRupiahInput(600)).toBe('600');
    expect(formatRupiahInput(1_000_000_000)).toBe('1.000.000.000');
    expect(formatRupiahInput(Number.NaN)).toBe('');
  });
  it('round-trip', () => {
    for (const n of [1, 999, 1000, 86_419, 12_000_000]) expect(parseRupiahInput(formatRupiahInput(n))).toBe(n);
  });
});
