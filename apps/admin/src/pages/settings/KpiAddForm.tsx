import { formatFigure, KPI_KEYS, type KpiSettings } from '@kader/workflow';
import type { FormEvent } from 'react';
import { FieldError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { AddFormFrame, Field, useAddForm } from './addForm';
import { WEIGHT_LABEL } from './SettingsTables';
import { checkKpiForm, firstOfNextMonth, kpiFormFrom, type KpiForm, weightSum } from './settingsForms';

/** Adds a KPI version from a date: weights (summing to 100), targets, threshold and floors. */
export function KpiAddForm({ base, today }: { base: KpiSettings | undefined; today: string }) {
  const { t, lang } = useI18n();
  const { values, setValues, form, touch } = useAddForm(
    () => (base ? kpiFormFrom(base, firstOfNextMonth(today)) : null),
    'settings.savedKpi',
  );
  if (!values) return null;
  const { errorOf } = form;
  const set = (patch: Partial<KpiForm>) => setValues((v) => (v ? { ...v, ...patch } : v));
  /** One labelled input, `settings-kpi-<path>`; a change is an edit (`touch`). */
  const field = (
    path: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    extra: { inputMode?: 'numeric' | 'decimal'; type?: string; hint?: string } = {},
  ) => (
    <Field form="kpi" key={path} path={path} label={label} hint={extra.hint} error={errorOf(path)}>
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
    </Field>
  );
  /** A field per KPI: its weight, or its floor. */
  const perKpi = (group: 'weights' | 'floors', inputMode: 'numeric' | 'decimal') =>
    KPI_KEYS.map((k) =>
      field(`${group}.${k}`, t(WEIGHT_LABEL[k]), values[group][k], (v) => set({ [group]: { ...values[group], [k]: v } }), {
        inputMode,
      }),
    );
  const sum = weightSum(values.weights);
  const submit = (e: FormEvent) => form.submit(e, checkKpiForm(values, today), (value) => ({ kind: 'kpi' as const, value }));
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
  return (
    <AddFormFrame kind="kpi" hint={t('settings.addKpiHint')} form={form} shows={shownFields} onSubmit={submit}>
      <div className="form-grid">
        {field('effectiveFrom', t('settings.effectiveFrom'), values.effectiveFrom, (v) => set({ effectiveFrom: v }), {
          type: 'date',
        })}
      </div>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.weights')}</legend>
        <div className="form-grid">{perKpi('weights', 'numeric')}</div>
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
          {field(
            'targets.collectionPerMonth',
            t('settings.collectionPerMonthRupiah'),
            values.collectionPerMonth,
            (v) => set({ collectionPerMonth: v }),
            { inputMode: 'numeric' },
          )}
          {field(
            'targets.meetingsPerMonth',
            t('settings.meetingsPerMonth'),
            values.meetingsPerMonth,
            (v) => set({ meetingsPerMonth: v }),
            {
              inputMode: 'numeric',
            },
          )}
          {field('targets.reportDueDay', t('settings.reportDueDay'), values.reportDueDay, (v) => set({ reportDueDay: v }), {
            inputMode: 'numeric',
          })}
          {field(
            'targets.familiesVisitedShare',
            `${t('settings.familiesVisited')} (%)`,
            values.familiesVisitedPercent,
            (v) => set({ familiesVisitedPercent: v }),
            { inputMode: 'decimal', hint: t('settings.familiesVisitedHint') },
          )}
          {field('threshold', t('settings.threshold'), values.threshold, (v) => set({ threshold: v }), { inputMode: 'decimal' })}
        </div>
      </fieldset>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.floors')}</legend>
        <div className="form-grid">{perKpi('floors', 'decimal')}</div>
      </fieldset>
    </AddFormFrame>
  );
}
