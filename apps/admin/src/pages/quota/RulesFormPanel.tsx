import { EDUCATION_LEVELS, formatScore, type Education } from '@kader/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { checkRulesForm, periodRules, RULES_FIELD_PATHS, rulesFormFrom, rulesServerErrors, type RulesForm } from './rulesForm';
import { FieldError, FormFooter, LabelledField, OtherErrors } from '../../components/forms';

export type RulesTarget = {
  id: number;
  year: number;
  branch: { name: string };
  writtenTestGrade?: number;
  interviewGrade?: number;
  rules?: unknown;
};

/**
 * "Atur syarat": one period's passing grades, documents and eligibility (`periods.setRules`).
 * Testids `rules-field-<path>` / `rules-error-<path>`, `rules-submit`.
 */
export function RulesFormPanel({ period, onClose }: { period: RulesTarget; onClose: () => void }) {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<RulesForm>(() => rulesFormFrom(periodRules(period), lang));
  const formRef = useRef<HTMLFormElement>(null);
  // a block body: an effect may return only a cleanup, and scrollIntoView returns a Promise in current Chromium
  useEffect(() => {
    formRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);
  const form = useCheckedForm(
    trpc.periods.setRules.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() }),
    }),
    {
      saved: (p) =>
        t('rules.saved', {
          branch: p.branch.name,
          year: p.year,
          written: formatScore(p.writtenTestGrade, lang),
          interview: formatScore(p.interviewGrade, lang),
        }),
      serverFields: rulesServerErrors,
    },
  );
  const { errorOf } = form;
  const update = (patch: Partial<RulesForm>) => {
    setValues((v) => ({ ...v, ...patch }));
    form.edited();
  };
  const submit = (e: FormEvent) => form.submit(e, checkRulesForm(values), (rules) => ({ periodId: period.id, rules }));
  const err = (path: string) => <FieldError error={errorOf(path)} testId={`rules-error-${path}`} />;
  const field = (path: string, label: string, input: ReactNode, hint?: string) => (
    <LabelledField htmlFor={`rules-${path}`} label={label} error={errorOf(path)} errorTestId={`rules-error-${path}`} hint={hint}>
      {input}
    </LabelledField>
  );
  const text = (path: string, value: string, onChange: (v: string) => void, inputMode: 'decimal' | 'numeric') => (
    <input
      id={`rules-${path}`}
      data-testid={`rules-field-${path}`}
      inputMode={inputMode}
      value={value}
      aria-invalid={errorOf(path) ? true : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  const toggleEducation = (level: Education, on: boolean) =>
    update({ educationLevels: EDUCATION_LEVELS.filter((e) => (e === level ? on : values.educationLevels.includes(e))) });
  const other = Object.entries({ ...form.problems, ...form.server }).filter(([p]) => !RULES_FIELD_PATHS.has(p));

  return (
    <form
      ref={formRef}
      className="panel rules-form"
      onSubmit={submit}
      noValidate
      data-testid="rules-form"
      data-period-id={period.id}
    >
      <div className="rules-form-head">
        <h2>{t('rules.title', { branch: period.branch.name, year: period.year })}</h2>
        <button type="button" className="btn btn-small" data-testid="rules-close" onClick={onClose}>
          {t('rules.close')}
        </button>
      </div>
      <p className="alert alert-warn small" data-testid="rules-hint">
        {t('rules.hint')}
      </p>
      <fieldset className="settings-fieldset">
        <legend>{t('rules.grades')}</legend>
        <div className="form-grid">
          {field(
            'passingGrades.writtenTest',
            t('rules.writtenTest'),
            text('passingGrades.writtenTest', values.writtenTest, (v) => update({ writtenTest: v }), 'decimal'),
            t('rules.gradeHint'),
          )}
          {field(
            'passingGrades.interview',
            t('rules.interview'),
            text('passingGrades.interview', values.interview, (v) => update({ interview: v }), 'decimal'),
            t('rules.gradeHint'),
          )}
        </div>
      </fieldset>
      <fieldset className={`settings-fieldset${errorOf('documents') ? ' has-error' : ''}`} data-testid="rules-field-documents">
        <legend>{t('rules.documents')}</legend>
        <ul className="rules-checks">
          {values.documents.map((d, i) => (
            <li key={d.code}>
              <label>
                <input
                  type="checkbox"
                  data-testid={`rules-field-documents.${i}.required`}
                  data-code={d.code}
                  checked={d.required}
                  onChange={(e) => {
                    const required = e.target.checked;
                    update({ documents: values.documents.map((x, k) => (k === i ? { ...x, required } : x)) });
                  }}
                />{' '}
                {t(`doc.${d.code}`)} <span className="muted small">({t('rules.required')})</span>
              </label>
              {err(`documents.${i}.required`)}
            </li>
          ))}
        </ul>
        {err('documents')}
      </fieldset>
      <fieldset className="settings-fieldset">
        <legend>{t('rules.eligibility')}</legend>
        <div className="form-grid">
          {field(
            'eligibility.maxAge',
            t('rules.maxAge'),
            text('eligibility.maxAge', values.maxAge, (v) => update({ maxAge: v }), 'numeric'),
          )}
        </div>
        <div
          className={`field${errorOf('eligibility.educationLevels') ? ' has-error' : ''}`}
          data-testid="rules-field-eligibility.educationLevels"
        >
          <span className="label">{t('rules.education')}</span>
          <ul className="rules-checks">
            {EDUCATION_LEVELS.map((level) => (
              <li key={level}>
                <label>
                  <input
                    type="checkbox"
                    data-testid={`rules-field-eligibility.educationLevels.${level}`}
                    checked={values.educationLevels.includes(level)}
                    onChange={(e) => toggleEducation(level, e.target.checked)}
                  />{' '}
                  {t(`edu.${level}`)}
                </label>
              </li>
            ))}
          </ul>
          <small className="hint">{t('rules.educationHint')}</small>
          {err('eligibility.educationLevels')}
        </div>
      </fieldset>
      <OtherErrors errors={other} testId={(p) => `rules-error-${p || 'rules'}`} />
      <FormFooter form={form} idPrefix="rules" labels="rules" />
    </form>
  );
}
