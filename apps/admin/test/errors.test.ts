import { describe, expect, it } from 'vitest';
import { fieldErrors, kaderError, trpcCode } from '../src/api/errors';
import { errorText } from '../src/components/ErrorBox';
import { translateServerMessage } from '../src/i18n';

describe('server errors', () => {
  const err = Object.assign(new Error('x'), {
    data: {
      code: 'CONFLICT',
      kader: {
        code: 'VALIDATION',
        reason: 'INVALID_INPUT',
        params: { count: 2 },
        message: 'Data tidak valid: periksa 2 isian yang ditandai.',
        fields: [
          { path: 'event.score', reason: 'NUMBER_TOO_BIG', params: { maximum: 100 }, message: 'Paling besar 100' },
          { path: 'event.score', reason: 'FIELD_REQUIRED', params: {}, message: 'Wajib diisi' },
          { path: 'candidate.nik', reason: 'SOMETHING_NEWER', params: {}, message: 'NIK sudah terdaftar' },
        ],
      },
    },
  });

  it('reads data.kader: the id, its parameters and the server sentence', () => {
    expect(kaderError(err)).toMatchObject({
      code: 'VALIDATION',
      reason: 'INVALID_INPUT',
      params: { count: 2 },
      message: 'Data tidak valid: periksa 2 isian yang ditandai.',
      allowedEvents: null,
    });
    expect(trpcCode(err)).toBe('CONFLICT');
  });

  it('keys field errors by path, first message wins, prefix stripped', () => {
    expect(fieldErrors(kaderError(err), 'event.')).toEqual({
      score: { path: 'event.score', reason: 'NUMBER_TOO_BIG', params: { maximum: 100 }, message: 'Paling besar 100' },
      'candidate.nik': { path: 'candidate.nik', reason: 'SOMETHING_NEWER', params: {}, message: 'NIK sudah terdaftar' },
    });
  });

  it('is null for an error without a kader part', () => {
    expect(kaderError(new Error('Failed to fetch'))).toBeNull();
    expect(kaderError({ data: { code: 'INTERNAL_SERVER_ERROR' } })).toBeNull();
  });
});

describe('errorText', () => {
  const tmsg = (m: Parameters<typeof translateServerMessage>[1]) => translateServerMessage('en', m);

  it('renders a refusal from its id in the user language, whichever layer refused', () => {
    const http = {
      data: {
        code: 'METHOD_NOT_SUPPORTED',
        kader: {
          code: 'VALIDATION',
          reason: 'BATCH_TOO_LARGE',
          params: { calls: 30, maximum: 25 },
          message: 'Terlalu banyak panggilan dalam satu permintaan: 30, paling banyak 25. Kirim dalam beberapa permintaan.',
        },
      },
    };
    expect(errorText(http, tmsg, 'network', 'unknown')).toBe(
      'Too many calls in one request: 30, at most 25. Send them in several requests.',
    );
  });

  it('falls back to the server sentence for an id this build does not know', () => {
    const newer = {
      data: { kader: { code: 'VALIDATION', reason: 'FROM_A_NEWER_SERVER', params: {}, message: 'Kalimat server' } },
    };
    expect(errorText(newer, tmsg, 'network', 'unknown')).toBe('Kalimat server');
  });

  it('says a network failure and anything else in words of the UI', () => {
    expect(errorText(new TypeError('Failed to fetch'), tmsg, 'network', 'unknown')).toBe('network');
    expect(errorText(new Error('boom'), tmsg, 'network', 'unknown')).toBe('unknown');
  });
});
