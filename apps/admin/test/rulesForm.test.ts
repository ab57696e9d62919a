import {
  AT_LEAST_SMA,
  DEFAULT_RECRUITMENT_RULES,
  DOCUMENT_CODES,
  type Message,
  recruitmentRulesSchema,
  render,
} from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import {
  checkRulesForm,
  periodRules,
  RULES_FIELD_PATHS,
  rulesFormFrom,
  rulesServerErrors,
  type RulesForm,
} from '../src/pages/quota/rulesForm';
import { en, id } from '../src/i18n/dict';

const defaults = () => rulesFormFrom(DEFAULT_RECRUITMENT_RULES);
/** The form's problems as `path → message id` (the shared schema's). */
const errorsOf = (f: RulesForm) => {
  const r = checkRulesForm(f);
  return r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([p, m]) => [p, m.reason]));
};

describe('rules form ↔ rules', () => {
  it('prefills from the defaults: grades 60, every document, KK…SIM required, PPOB not, SMA and above', () => {
    const f = defaults();
    expect(f.writtenTest).toBe('60');
    expect(f.interview).toBe('60');
    expect(f.documents.map((d) => d.code)).toEqual([...DOCUMENT_CODES]);
    expect(f.documents.find((d) => d.code === 'KARTU_AGEN_PPOB')!.required).toBe(false);
    expect(f.documents.filter((d) => d.required)).toHaveLength(6);
    expect(f.maxAge).toBe('60');
    expect(f.educationLevels).toEqual(AT_LEAST_SMA);
  });

  it('round-trips: defaults → form → the same rules', () => {
    const r = checkRulesForm(defaults());
    expect(r).toEqual({ ok: true, value: DEFAULT_RECRUITMENT_RULES });
  });

  it('reads one decimal with a comma or a dot; shows it the language’s way', () => {
    const r = checkRulesForm({ ...defaults(), writtenTest: '62,5', interview: ' 70.5 ' });
    expect(r.ok && r.value.passingGrades).toEqual({ writtenTest: 62.5, interview: 70.5 });
    expect(rulesFormFrom({ ...DEFAULT_RECRUITMENT_RULES, passingGrades: { writtenTest: 62.5, interview: 70 } }).writtenTest).toBe(
      '62,5',
    );
    const f = rulesFormFrom({ ...DEFAULT_RECRUITMENT_RULES, passingGrades: { writtenTest: 62.5, interview: 70 } }, 'en');
    expect(f.writtenTest).toBe('62.5');
  });

  it('refuses blank, non-numeric, out-of-range and two-decimal grades on their paths', () => {
    const range = checkRulesForm({ ...defaults(), writtenTest: '101' });
    expect(!range.ok && render('id', range.errors['passingGrades.writtenTest'] as Message)).toBe('Nilai batas antara 0 dan 100');
    expect(errorsOf({ ...defaults(), writtenTest: '' })).toEqual({ 'passingGrades.writtenTest': 'FIELD_REQUIRED' });
    expect(errorsOf({ ...defaults(), interview: 'tujuh' })).toEqual({ 'passingGrades.interview': 'NOT_A_NUMBER' });
    expect(errorsOf({ ...defaults(), writtenTest: '101' })).toEqual({ 'passingGrades.writtenTest': 'RULES_GRADE_RANGE' });
    expect(errorsOf({ ...defaults(), writtenTest: '-1' })).toEqual({ 'passingGrades.writtenTest': 'RULES_GRADE_RANGE' });
    expect(errorsOf({ ...defaults(), interview: '62,55' })).toEqual({ 'passingGrades.interview': 'RULES_GRADE_DECIMALS' });
    expect(checkRulesForm({ ...defaults(), writtenTest: '0', interview: '100' }).ok).toBe(true);
  });

  it('refuses a bad max age, no education level, and no required document', () => {
    expect(errorsOf({ ...defaults(), maxAge: '0' })).toEqual({ 'eligibility.maxAge': 'RULES_MAX_AGE' });
    expect(errorsOf({ ...defaults(), maxAge: '45,5' })).toEqual({ 'eligibility.maxAge': 'RULES_MAX_AGE' });
    expect(errorsOf({ ...defaults(), maxAge: '' })).toEqual({ 'eligibility.maxAge': 'FIELD_REQUIRED' });
    expect(errorsOf({ ...defaults(), educationLevels: [] })).toEqual({ 'eligibility.educationLevels': 'LIST_TOO_SHORT' });
    const none = defaults().documents.map((d) => ({ ...d, required: false }));
    expect(errorsOf({ ...defaults(), documents: none })).toEqual({ documents: 'RULES_REQUIRED_DOCUMENT' });
    const r = checkRulesForm({ ...defaults(), documents: none });
    expect(!r.ok && render('id', r.errors.documents as Message)).toBe('Paling sedikit satu berkas wajib');
    expect(!r.ok && render('en', r.errors.documents as Message)).toBe('At least one document must be required');
  });

  it('sends education levels in the schema’s order and every document with its flag', () => {
    const r = checkRulesForm({
      ...defaults(),
      educationLevels: ['S1', 'SMA'],
      documents: defaults().documents.map((d) => ({ ...d, required: d.code === 'KTP' })),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.eligibility.educationLevels).toEqual(['SMA', 'S1']);
    expect(r.value.documents).toHaveLength(DOCUMENT_CODES.length);
    expect(r.value.documents.filter((d) => d.required).map((d) => d.code)).toEqual(['KTP']);
    expect(recruitmentRulesSchema.parse(r.value)).toEqual(r.value);
  });
});

describe('a period’s rules', () => {
  it('uses the period’s own rules when its view carries them', () => {
    const own = { ...DEFAULT_RECRUITMENT_RULES, eligibility: { maxAge: 45, educationLevels: ['S1' as const] } };
    expect(periodRules({ writtenTestGrade: 60, interviewGrade: 60, rules: own })).toEqual(own);
  });
  it('otherwise the defaults with the period’s grades', () => {
    const r = periodRules({ writtenTestGrade: 70, interviewGrade: 65 });
    expect(r.passingGrades).toEqual({ writtenTest: 70, interview: 65 });
    expect(r.documents).toEqual(DEFAULT_RECRUITMENT_RULES.documents);
    expect(r.eligibility).toEqual(DEFAULT_RECRUITMENT_RULES.eligibility);
  });
});

describe('server errors', () => {
  it('land on the form’s paths without the `rules.` prefix; first message wins', () => {
    const m = (reason: string) => ({ reason, params: {}, message: reason });
    const e = rulesServerErrors([
      { path: 'rules.passingGrades.writtenTest', ...m('NUMBER_TOO_BIG') },
      { path: 'rules.passingGrades.writtenTest', ...m('RULES_GRADE_DECIMALS') },
      { path: 'rules.documents', ...m('RULES_REQUIRED_DOCUMENT') },
      { path: 'rules.eligibility.educationLevels.2', ...m('CHOOSE_ONE') },
      { path: 'periodId', ...m('NUMBER_TOO_SMALL') },
    ]);
    expect(Object.fromEntries(Object.entries(e).map(([p, x]) => [p, x.reason]))).toEqual({
      'passingGrades.writtenTest': 'NUMBER_TOO_BIG',
      documents: 'RULES_REQUIRED_DOCUMENT',
      'eligibility.educationLevels': 'CHOOSE_ONE',
      periodId: 'NUMBER_TOO_SMALL',
    });
    expect(RULES_FIELD_PATHS.has('documents')).toBe(true);
    expect(RULES_FIELD_PATHS.has('periodId')).toBe(false);
  });
  it('and the form’s words are in both languages', () => {
    expect(id['rules.open']).toBe('Atur syarat');
    expect(en['rules.open']).toBe('Set rules');
  });
});
