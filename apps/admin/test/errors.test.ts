import { describe, expect, it } from 'vitest';
import { fieldErrors, kaderError, trpcCode } from '../src/api/errors';

describe('server errors', () => {
  const err = Object.assign(new Error('x'), {
    data: {
      code: 'CONFLICT',
      kader: {
        code: 'VALIDATION',
        message: 'Periksa isian',
        fields: [
          { path: 'event.score', message: 'Nilai paling besar 100' },
          { path: 'event.score', message: 'second' },
          { path: 'candidate.nik', message: 'NIK sudah terdaftar' },
        ],
      },
    },
  });
  it('reads data.kader', () => {
    expect(kaderError(err)).toMatchObject({ code: 'VALIDATION', message: 'Periksa isian', allowedEvents: null });
    expect(trpcCode(err)).toBe('CONFLICT');
  });
  it('keys field errors by path, first message wins, prefix stripped', () => {
    expect(fieldErrors(kaderError(err), 'event.')).toEqual({
      score: 'Nilai paling besar 100',
      'candidate.nik': 'NIK sudah terdaftar',
    });
  });
  it('is null for an error without a kader part', () => {
    expect(kaderError(new Error('Failed to fetch'))).toBeNull();
    expect(kaderError({ data: { code: 'INTERNAL_SERVER_ERROR' } })).toBeNull();
  });
});
