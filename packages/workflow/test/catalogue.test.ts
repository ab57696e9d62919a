import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogue, issueMessage, labelsEn, labelsId, type MessageId, msg, render, renderMessage } from '../src';

const ids = Object.keys(catalogue) as MessageId[];

describe('the message catalogue', () => {
  it.each(ids)('%s renders in Indonesian and English from its sample parameters', (id) => {
    const entry = catalogue[id] as unknown as { sample: Record<string, unknown> };
    for (const lang of ['id', 'en'] as const) {
      const text = renderMessage(lang, { reason: id, params: entry.sample as never });
      expect(text, `${id} (${lang})`).toBeTruthy();
      // no placeholder left, no value that failed to format, no code name where a label belongs
      expect(text).not.toMatch(/\{\w+\}|undefined|NaN|\[object |null/);
    }
    // the two languages are different sentences (a copy-paste would leave one untranslated)
    const idText = renderMessage('id', { reason: id, params: entry.sample as never });
    const enText = renderMessage('en', { reason: id, params: entry.sample as never });
    if (!/^[\d\s.,:%()#/-]*$/.test(idText ?? '')) expect(enText, id).not.toBe(idText);
  });

  it('names codes by their labels, never raw', () => {
    const text = render('en', msg('ALLOWED_NOW', { events: ['REJECT', 'WITHDRAW'], machine: 'recruitment' }));
    expect(text).toBe('Actions that apply now: Reject and Withdraw.');
    expect(render('id', msg('ALLOWED_NOW', { events: ['REJECT', 'WITHDRAW', 'REOPEN'], machine: 'recruitment' }))).toBe(
      'Aksi yang berlaku sekarang: Tolak, Mengundurkan diri dan Buka kembali.',
    );
  });

  it('chooses the plural form by the language', () => {
    expect(render('en', msg('INVALID_INPUT', { count: 1 }))).toBe('The data is not valid: check the marked field.');
    expect(render('en', msg('INVALID_INPUT', { count: 3 }))).toBe('The data is not valid: check the 3 marked fields.');
    expect(render('id', msg('INVALID_INPUT', { count: 1 }))).toBe('Data tidak valid: periksa 1 isian yang ditandai.');
  });

  it('returns null for an id it does not know, so a client can fall back to the server sentence', () => {
    expect(renderMessage('en', { reason: 'NOT_AN_ID', params: {} })).toBeNull();
    expect(renderMessage('en', { reason: 'constructor', params: {} })).toBeNull();
  });

  it('every label has both languages', () => {
    expect(Object.keys(labelsEn).sort()).toEqual(Object.keys(labelsId).sort());
    for (const [k, v] of Object.entries(labelsEn)) expect(v, k).toBeTruthy();
  });
});

describe('schema issues as messages', () => {
  it('takes a catalogue id stated by the schema, with the bound as a parameter', () => {
    const r = z.string().max(5, 'FIELD_TOO_LONG').safeParse('too long');
    expect(r.success).toBe(false);
    expect(issueMessage(r.error!.issues[0]!)).toEqual({ reason: 'FIELD_TOO_LONG', params: { maximum: 5 } });
  });

  it('takes the parameters of a custom issue', () => {
    const s = z
      .string()
      .superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'NUMBER_TOO_BIG', params: { maximum: 7 } }));
    const r = s.safeParse('x');
    expect(issueMessage(r.error!.issues[0]!)).toEqual({ reason: 'NUMBER_TOO_BIG', params: { maximum: 7 } });
  });

  it('names an issue without a message of ours by its kind, never in zod English', () => {
    const schema = z.object({ a: z.string(), n: z.number().int().min(1).max(9), e: z.enum(['x', 'y']) });
    const r = schema.safeParse({ n: 1.5, e: 'z' });
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), issueMessage(i).reason]));
    expect(byPath).toEqual({ a: 'FIELD_REQUIRED', n: 'NOT_WHOLE_NUMBER', e: 'CHOOSE_ONE' });
    expect(issueMessage(z.number().positive().safeParse(0).error!.issues[0]!)).toEqual({
      reason: 'NUMBER_NOT_ABOVE',
      params: { minimum: 0 },
    });
    expect(issueMessage(z.number().max(9).safeParse(10).error!.issues[0]!)).toEqual({
      reason: 'NUMBER_TOO_BIG',
      params: { maximum: 9 },
    });
  });
});
