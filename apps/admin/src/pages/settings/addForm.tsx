import { formatDate } from '@kader/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormFooter, LabelledField, OtherErrors } from '../../components/forms';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { serverFieldErrors } from './settingsForms';

/** One labelled input with its error, testids `settings-field-<path>` / `settings-error-<path>`. */
export function Field(props: {
  form: 'kpi' | 'fee';
  path: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  const { form, path, label, error, hint, children } = props;
  return (
    <LabelledField
      htmlFor={`settings-${form}-${path}`}
      label={label}
      error={error}
      errorTestId={`settings-error-${path}`}
      hint={hint}
    >
      {children}
    </LabelledField>
  );
}

/**
 * An add form's state: its values (none until there is a version to start from) and the checked
 * form sending them to `settings.add` (the list that comes back goes straight into the cache);
 * `touch` is an edit, which forgets the problems, the "saved" message and the refusal.
 */
export function useAddForm<F>(initial: () => F | null, savedKey: 'settings.savedKpi' | 'settings.savedFee') {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<F | null>(initial);
  const form = useCheckedForm(
    trpc.settings.add.mutationOptions({
      onSuccess: (lists) => {
        queryClient.setQueryData(trpc.settings.list.queryKey(), lists);
        void queryClient.invalidateQueries({ queryKey: trpc.settings.list.pathKey() });
      },
    }),
    {
      saved: (_, input) =>
        t(savedKey, { date: formatDate(String((input.value as { effectiveFrom?: unknown }).effectiveFrom ?? ''), lang) }),
      serverFields: serverFieldErrors,
    },
  );
  return { values, setValues, form, touch: () => form.edited() };
}

/**
 * An add form's frame (`settings-<kind>-add`): the title and `hint`, the fields, the problems on
 * no field it `shows`, the server's refusal, the "saved" message and the button.
 */
export function AddFormFrame(props: {
  kind: 'kpi' | 'fee';
  hint: string;
  form: ReturnType<typeof useAddForm>['form'];
  shows: ReadonlySet<string>;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  const { kind, hint, form, shows, onSubmit, children } = props;
  const { t } = useI18n();
  const other = Object.entries({ ...form.problems, ...form.server }).filter(([p]) => !shows.has(p));
  return (
    <form className="panel settings-form" onSubmit={onSubmit} noValidate data-testid={`settings-${kind}-add`}>
      <h3>{t('settings.add')}</h3>
      <p className="muted small">{hint}</p>
      {children}
      <OtherErrors errors={other} testId={(p) => `settings-error-${p || 'value'}`} />
      <FormFooter form={form} idPrefix="settings" labels="settings" />
    </form>
  );
}
