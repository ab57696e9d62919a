import { formatFigure, KPI_KEYS, type KpiSettings } from '@kader/workflow';
import type { FormEvent } from 'react';
import { FieldError, FormFooter, OtherErrors } from '../../components/forms';
import { useI18n } from '../../i18n';
import { Field, useAddForm } from './addForm';
import { WEIGHT_LABEL } from './SettingsTables';
import { checkKpiForm, firstOfNextMonth, kpiFormFrom, type KpiForm, weightSum } from './settingsForms';

/** Adds a KPI version from a date: weights (summing to 100), targets, threshold and floors. */
export function KpiAddForm({ base, today }: { base: KpiSettings | undefined; today: string }) {
  const { t, lang } = useI18n();
  const { values, setValues, errors, setErrors, saved, add, server, errorOf, touch } = useAddForm(
    () => (base ? kpiFormFrom(base, firstOfNextMonth(today)) : null),
    'settings.savedKpi',
  );
  if (!values) return null;
  const input = (
    path: string,
    value: string,
    onChange: (v: string) => void,
    extra: { inputMode?: 'numeric' | 'decimal'; type?: string } = {},
  ) => (
    <input
      id={`settings-kpi-${path}`}
      data-testid={`settings-field-${path}`}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      value={value}
      aria-invalid={errorOf(path) ? true : undefined}
      onChange={(e) => {
        onChange(e.target.value);
        touch();
      }}
    />
  );
  const set = (patch: Partial<KpiForm>) => setValues((v) => (v ? { ...v, ...patch } : v));
  const sum = weightSum(values.weights);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkKpiForm(values, today);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate({ kind: 'kpi', value: checked.value });
  };
  const shownFields = new Set([
    'effectiveFrom',
    'weights',
    ...KPI_KEYS.flatMap((k) => [`weights.${k}`, `floors.${k}`]),
    'targets.collectionPerMonth',
    'targets.meetingsPerMonth',
    'targets.reportDueDay',
    'targets.familiesVisitedShare',
    'threshold',
  ]);
  const other = Object.entries({ ...errors, ...server }).filter(([p]) => !shownFields.has(p));
  return (
    <form className="panel settings-form" onSubmit={submit} noValidate data-testid="settings-kpi-add">
      <h3>{t('settings.add')}</h3>
      <p className="muted small">{t('settings.addKpiHint')}</p>
      <div className="form-grid">
        <Field form="kpi" path="effectiveFrom" label={t('settings.effectiveFrom')} error={errorOf('effectiveFrom')}>
          {input('effectiveFrom', values.effectiveFrom, (v) => set({ effectiveFrom: v }), { type: 'date' })}
        </Field>
      </div>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.weights')}</legend>
        <div className="form-grid">
          {KPI_KEYS.map((k) => (
            <Field form="kpi" key={k} path={`weights.${k}`} label={t(WEIGHT_LABEL[k])} error={errorOf(`weights.${k}`)}>
              {input(`weights.${k}`, values.weights[k], (v) => set({ weights: { ...values.weights, [k]: v } }), {
                inputMode: 'numeric',
              })}
            </Field>
          ))}
        </div>
        <p
          className={`settings-sum${sum === 100 ? ' ok' : ' off'}`}
          data-testid="settings-weight-sum"
          data-sum={sum}
          aria-live="polite"
        >
          {t('settings.weightSum', { sum: formatFigure(sum, lang) })}
        </p>
        <FieldError error={errorOf('weights')} testId="settings-error-weights" />
      </fieldset>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.targets')}</legend>
        <div className="form-grid">
          <Field
            form="kpi"
            path="targets.collectionPerMonth"
            label={`${t('settings.collectionPerMonth')} (Rp)`}
            error={errorOf('targets.collectionPerMonth')}
          >
            {input('targets.collectionPerMonth', values.collectionPerMonth, (v) => set({ collectionPerMonth: v }), {
              inputMode: 'numeric',
            })}
          </Field>
          <Field
            form="kpi"
            path="targets.meetingsPerMonth"
            label={t('settings.meetingsPerMonth')}
            error={errorOf('targets.meetingsPerMonth')}
          >
            {input('targets.meetingsPerMonth', values.meetingsPerMonth, (v) => set({ meetingsPerMonth: v }), {
              inputMode: 'numeric',
            })}
          </Field>
          <Field
            form="kpi"
            path="targets.reportDueDay"
            label={t('settings.reportDueDay')}
            error={errorOf('targets.reportDueDay')}
          >
            {input('targets.reportDueDay', values.reportDueDay, (v) => set({ reportDueDay: v }), { inputMode: 'numeric' })}
          </Field>
          <Field
            form="kpi"
            path="targets.familiesVisitedShare"
            label={`${t('settings.familiesVisited')} (%)`}
            hint={t('settings.familiesVisitedHint')}
            error={errorOf('targets.familiesVisitedShare')}
          >
            {input('targets.familiesVisitedShare', values.familiesVisitedPercent, (v) => set({ familiesVisitedPercent: v }), {
              inputMode: 'decimal',
            })}
          </Field>
          <Field form="kpi" path="threshold" label={t('settings.threshold')} error={errorOf('threshold')}>
            {input('threshold', values.threshold, (v) => set({ threshold: v }), { inputMode: 'decimal' })}
          </Field>
        </div>
      </fieldset>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.floors')}</legend>
        <div className="form-grid">
          {KPI_KEYS.map((k) => (
            <Field form="kpi" key={k} path={`floors.${k}`} label={t(WEIGHT_LABEL[k])} error={errorOf(`floors.${k}`)}>
              {input(`floors.${k}`, values.floors[k], (v) => set({ floors: { ...values.floors, [k]: v } }), {
                inputMode: 'decimal',
              })}
            </Field>
          ))}
        </div>
      </fieldset>
      <OtherErrors errors={other} testId={(p) => `settings-error-${p || 'value'}`} />
      <FormFooter
        mutation={add}
        fieldErrors={server}
        saved={saved}
        testIds={{ saved: 'settings-saved', submit: 'settings-submit' }}
        labels={{ save: t('settings.save'), saving: t('settings.saving') }}
      />
    </form>
  );
}
