import { msg, QUOTA_FIRST_YEAR } from '@kader/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { BranchOption } from '../../api/types';
import { FormFooter, LabelledField, Select } from '../../components/forms';
import { useCheckedForm } from '../../components/useCheckedForm';
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
  const form = useCheckedForm(
    trpc.periods.setQuota.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
        // a quota ticks a first-start step: read it again now, so the board does not show the old one
        void queryClient.invalidateQueries({ queryKey: trpc.setup.progress.pathKey(), refetchType: 'all' });
      },
    }),
    { saved: (period) => t('quota.saved', { branch: period.branch.name, year: period.year, quota: period.quota }) },
  );
  const { errorOf } = form;
  const set = (name: keyof QuotaForm, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    form.edited(name);
  };
  const field = (name: keyof QuotaForm, label: string, input: ReactNode) => (
    <LabelledField htmlFor={`quota-${name}`} label={label} error={errorOf(name)} errorTestId={`quota-error-${name}`}>
      {input}
    </LabelledField>
  );
  return (
    <form className="panel" onSubmit={(e) => form.submit(e, checkQuotaForm(values))} noValidate data-testid="quota-form">
      <h2>{t('quota.set')}</h2>
      <p className="muted small">{t('quota.setHint')}</p>
      <div className="form-grid">
        {field(
          'branchId',
          t('quota.branch'),
          <Select
            id="quota-branchId"
            testId="quota-form-branch"
            value={values.branchId}
            onChange={(branchId) => set('branchId', branchId)}
            choose={tmsg(msg('BRANCH_CHOOSE'))}
            options={branches.map((b) => [b.id, `${b.name} (${b.code})`])}
          />,
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
      <FormFooter form={form} idPrefix="quota-form" savedTestId="quota-saved" labels="quota" />
    </form>
  );
}
