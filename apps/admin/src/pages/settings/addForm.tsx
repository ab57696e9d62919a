import { formatDate } from '@kader/workflow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { kaderError } from '../../api/errors';
import { LabelledField } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { type FieldErrors, serverFieldErrors } from './settingsForms';

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
 * An add form's state: its values (none until there is a version to start from), the browser's
 * and the server's field errors, the "saved" message and `touch` (an edit clears them all).
 */
export function useAddForm<F>(initial: () => F | null, savedKey: 'settings.savedKpi' | 'settings.savedFee') {
  const { t, tmsg, lang } = useI18n();
  const [values, setValues] = useState<F | null>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const add = useAddSetting((date) => setSaved(t(savedKey, { date: formatDate(date, lang) })));
  const server = serverFieldErrors(add.error ? (kaderError(add.error)?.fields ?? []) : []);
  const errorOf = (path: string) => {
    const e = server[path] ?? errors[path];
    return e ? tmsg(e) : undefined;
  };
  const touch = () => {
    setSaved(null);
    setErrors({});
    if (add.error) add.reset();
  };
  return { values, setValues, errors, setErrors, saved, add, server, errorOf, touch };
}

/** The list after a change comes back from `settings.add`: straight into the cache. */
function useAddSetting(onSaved: (date: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.settings.add.mutationOptions({
      onSuccess: (lists, input) => {
        queryClient.setQueryData(trpc.settings.list.queryKey(), lists);
        void queryClient.invalidateQueries({ queryKey: trpc.settings.list.pathKey() });
        onSaved(String((input.value as { effectiveFrom?: unknown }).effectiveFrom ?? ''));
      },
    }),
  );
}
