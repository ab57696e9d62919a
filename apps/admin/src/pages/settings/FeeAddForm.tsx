import type { FeeSchedule } from '@kader/workflow';
import type { FormEvent } from 'react';
import { FieldError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { AddFormFrame, Field, useAddForm } from './addForm';
import { checkFeeForm, type FeeForm, feeFormFrom, firstOfNextMonth, flat25, nextTier } from './settingsForms';

/** Adds a fee schedule from a date: tiered or flat, its tiers of arrears months and rates. */
export function FeeAddForm({ base, today }: { base: FeeSchedule | undefined; today: string }) {
  const { t } = useI18n();
  const { values, setValues, form, touch } = useAddForm(
    () => (base ? feeFormFrom(base, firstOfNextMonth(today)) : null),
    'settings.savedFee',
  );
  if (!values) return null;
  const update = (patch: Partial<FeeForm>) => {
    setValues((v) => (v ? { ...v, ...patch } : v));
    touch();
  };
  const setTier = (i: number, key: keyof FeeForm['tiers'][number], value: string) =>
    update({ tiers: values.tiers.map((x, k) => (k === i ? { ...x, [key]: value } : x)) });
  const { errorOf } = form;
  const submit = (e: FormEvent) => form.submit(e, checkFeeForm(values, today), (value) => ({ kind: 'fee' as const, value }));
  const tierInput = (i: number, key: 'fromMonths' | 'toMonths' | 'ratePercent', label: string) => {
    const path = `tiers.${i}.${key === 'ratePercent' ? 'rateBasisPoints' : key}`;
    return (
      <Field form="fee" path={path} label={label} error={errorOf(path)}>
        <input
          id={`settings-fee-${path}`}
          data-testid={`settings-field-${path}`}
          inputMode={key === 'ratePercent' ? 'decimal' : 'numeric'}
          value={values.tiers[i]![key]}
          onChange={(e) => setTier(i, key, e.target.value)}
        />
      </Field>
    );
  };
  const known = new Set([
    'effectiveFrom',
    'kind',
    'tiers',
    ...values.tiers.flatMap((_, i) => ['fromMonths', 'toMonths', 'rateBasisPoints'].map((k) => `tiers.${i}.${k}`)),
  ]);
  return (
    <AddFormFrame kind="fee" hint={t('settings.addFeeHint')} form={form} shows={known} onSubmit={submit}>
      <div className="form-grid">
        <Field form="fee" path="effectiveFrom" label={t('settings.effectiveFrom')} error={errorOf('effectiveFrom')}>
          <input
            id="settings-fee-effectiveFrom"
            type="date"
            data-testid="settings-field-effectiveFrom"
            value={values.effectiveFrom}
            onChange={(e) => update({ effectiveFrom: e.target.value })}
          />
        </Field>
        <Field form="fee" path="kind" label={t('settings.kind')} error={errorOf('kind')}>
          <select
            id="settings-fee-kind"
            data-testid="settings-field-kind"
            value={values.kind}
            onChange={(e) => update({ kind: e.target.value as FeeForm['kind'] })}
          >
            <option value="tiered">{t('settings.kind.tiered')}</option>
            <option value="flat">{t('settings.kind.flat')}</option>
          </select>
        </Field>
      </div>
      <fieldset className="settings-fieldset" data-testid="settings-tiers">
        <legend>{t('settings.tiers')}</legend>
        {values.tiers.map((_, i) => (
          <div key={i} className="settings-tier-row" data-testid={`settings-tier-${i}`}>
            {tierInput(i, 'fromMonths', t('settings.fromMonths'))}
            {tierInput(i, 'toMonths', t('settings.toMonths'))}
            {tierInput(i, 'ratePercent', t('settings.rate'))}
            {values.tiers.length > 1 && (
              <button
                type="button"
                className="btn btn-small"
                data-testid={`settings-tier-remove-${i}`}
                onClick={() => update({ tiers: values.tiers.filter((_, k) => k !== i) })}
              >
                {t('settings.removeTier')}
              </button>
            )}
          </div>
        ))}
        <FieldError error={errorOf('tiers')} testId="settings-error-tiers" />
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-small"
            data-testid="settings-tier-add"
            onClick={() => update({ tiers: [...values.tiers, nextTier(values.tiers)] })}
          >
            {t('settings.addTier')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="settings-flat25"
            onClick={() => update(flat25(values.effectiveFrom))}
          >
            {t('settings.flat25')}
          </button>
        </div>
      </fieldset>
    </AddFormFrame>
  );
}
