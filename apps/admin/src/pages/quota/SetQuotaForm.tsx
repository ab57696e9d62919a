import { msg, QUOTA_FIRST_YEAR } from '@kader/workflow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, kaderError } from '../../api/errors';
import type { BranchOption } from '../../api/types';
import { FormFooter, LabelledField } from '../../components/forms';
import type { FormMessages } from '../../components/schemaCheck';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { checkQuotaForm, type QuotaForm } from './quotaForms';

/** "Tetapkan kuota": a branch's places for a year (`periods.setQuota`), prefilled from a row of the table. */
export function SetQuotaForm({
  branches,
  preset,
}: {
  branches: BranchOption[];
  preset: { branchId: number; year: number; quota: number } | null;
}) {
  const { t, tmsg } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<QuotaForm>(() => ({
    branchId: preset ? String(preset.branchId) : '',
    year: String(preset?.year ?? new Date().getFullYear() + 1),
    quota: preset ? String(preset.quota) : '',
  }));
  const [errors, setErrors] = useState<FormMessages>({});
  const [saved, setSaved] = useState<string | null>(null);
  const setQuota = useMutation(
    trpc.periods.setQuota.mutationOptions({
      onSuccess: (period) => {
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
        setSaved(t('quota.saved', { branch: period.branch.name, year: period.year, quota: period.quota }));
      },
    }),
  );
  const server = fieldErrors(setQuota.error ? kaderError(setQuota.error) : null);
  const errorOf = (name: keyof QuotaForm) => {
    const e = server[name] ?? errors[name];
    return e ? tmsg(e) : undefined;
  };
  const set = (name: keyof QuotaForm, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors(({ [name]: _gone, ...rest }) => rest);
    setSaved(null);
    if (setQuota.error) setQuota.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkQuotaForm(values);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) setQuota.mutate(checked.value);
  };
  const field = (name: keyof QuotaForm, label: string, input: ReactNode) => (
    <LabelledField htmlFor={`quota-${name}`} label={label} error={errorOf(name)} errorTestId={`quota-error-${name}`}>
      {input}
    </LabelledField>
  );
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="quota-form">
      <h2>{t('quota.set')}</h2>
      <p className="muted small">{t('quota.setHint')}</p>
      <div className="form-grid">
        {field(
          'branchId',
          t('quota.branch'),
          <select
            id="quota-branchId"
            data-testid="quota-form-branch"
            value={values.branchId}
            onChange={(e) => set('branchId', e.target.value)}
          >
            <option value="">{tmsg(msg('BRANCH_CHOOSE'))}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.code})
              </option>
            ))}
          </select>,
        )}
        {field(
          'year',
          t('quota.year'),
          <input
            id="quota-year"
            type="number"
            step={1}
            min={QUOTA_FIRST_YEAR}
            data-testid="quota-form-year"
            value={values.year}
            onChange={(e) => set('year', e.target.value)}
          />,
        )}
        {field(
          'quota',
          t('quota.quota'),
          <input
            id="quota-quota"
            type="number"
            step={1}
            min={0}
            data-testid="quota-form-quota"
            value={values.quota}
            onChange={(e) => set('quota', e.target.value)}
          />,
        )}
      </div>
      <FormFooter
        mutation={setQuota}
        fieldErrors={server}
        saved={saved}
        testIds={{ saved: 'quota-saved', submit: 'quota-form-submit' }}
        labels={{ save: t('quota.save'), saving: t('quota.saving') }}
      />
    </form>
  );
}
