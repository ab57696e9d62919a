import {
  DOCUMENT_CODES,
  EDUCATION_LEVELS,
  RECRUITMENT_EVENT_TYPES,
  RECRUITMENT_STATES,
  REJECTION_REASONS,
  WITHDRAWAL_REASONS,
  recruitmentEventSchemas,
} from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { fieldsFromSchema } from '../src/forms/schemaFields';
import { en, id } from '../src/i18n/dict';
import { hasKey, interpolate, translate, translateDynamic, translateMessage } from '../src/i18n';

const keys = [
  ...RECRUITMENT_STATES.map((s) => `state.${s}`),
  ...RECRUITMENT_EVENT_TYPES.map((e) => `event.${e}`),
  ...DOCUMENT_CODES.map((d) => `doc.${d}`),
  ...REJECTION_REASONS.map((r) => `rejection.${r}`),
  ...WITHDRAWAL_REASONS.map((r) => `withdrawal.${r}`),
  ...EDUCATION_LEVELS.map((e) => `edu.${e}`),
  ...RECRUITMENT_EVENT_TYPES.flatMap((t) => fieldsFromSchema(recruitmentEventSchemas[t]).map((f) => `eventField.${f.name}`)),
];

describe('dictionaries', () => {
  it('label every state, event, document, reason, education level and event field in both languages', () => {
    for (const key of keys) {
      expect(hasKey(key), key).toBe(true);
      expect((id as Record<string, string>)[key], `id ${key}`).toBeTruthy();
      expect((en as Record<string, string>)[key], `en ${key}`).toBeTruthy();
    }
  });
  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) expect(holes(en[key]), key).toEqual(holes(id[key]));
  });
  it('use the words of ux.md in Indonesian', () => {
    expect(translate('id', 'state.administrativeCheck')).toBe('Seleksi administrasi');
    expect(translate('id', 'state.agreementSigning')).toBe('Penandatanganan PKS');
    expect(translate('id', 'state.active')).toBe('Kader aktif');
    expect(translate('id', 'state.rejected')).toBe('Tidak lolos');
    expect(translate('id', 'event.BEGIN_ADMIN_CHECK')).toBe('Mulai seleksi administrasi');
    expect(translate('id', 'event.RECORD_WRITTEN_TEST_SCORE')).toBe('Catat nilai tes tertulis');
    expect(translate('id', 'period.quotaLeft')).toBe('Sisa kuota');
    expect(translate('id', 'app.conflict')).toBe(
      'Data ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru.',
    );
  });
  it('interpolate and fall back', () => {
    expect(interpolate('{n} hari', { n: 3 })).toBe('3 hari');
    expect(translate('en', 'days.n', { n: 3 })).toBe('3 days');
    expect(translateDynamic('id', 'state.nope', 'nope')).toBe('nope');
    expect(translateMessage('en', 'Nilai paling besar 100')).toBe('The score cannot be above 100');
    expect(translateMessage('id', 'Nilai paling besar 100')).toBe('Nilai paling besar 100');
    expect(translateMessage('en', 'Pesan baru dari server')).toBe('Pesan baru dari server');
  });
});
