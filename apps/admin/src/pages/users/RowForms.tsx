import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { BranchOption, UserRow } from '../../api/types';
import { FormActions } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { Field, FormRefusal, PasswordField, RoleBranchFields, useFieldErrors } from './fields';
import { checkPasswordReset, checkUserEdit } from './userForm';

/** The row forms: their testid, their fields' testid prefix, their title and their button. */
const ROW_FORMS = {
  edit: { testId: 'user-edit-form', prefix: 'user-form', title: 'users.editTitle', save: 'users.save' },
  reset: { testId: 'user-reset-form', prefix: 'user-reset-form', title: 'users.resetTitle', save: 'users.resetPassword' },
} as const;

/** A row's form under the user: its title, the refusal naming no field, its fields, save and cancel. */
function RowForm(props: {
  kind: keyof typeof ROW_FORMS;
  user: UserRow;
  mutation: { error: unknown; isPending: boolean };
  fe: { hasServerFields: boolean };
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { user, mutation, fe, onSubmit, onCancel, children } = props;
  const { t } = useI18n();
  const form = ROW_FORMS[props.kind];
  return (
    <form className="form-grid row-form-body" onSubmit={onSubmit} noValidate data-testid={form.testId}>
      <h3 className="wide">{t(form.title, { username: user.username })}</h3>
      <FormRefusal error={mutation.error} fe={fe} />
      {children}
      <FormActions
        idPrefix={form.prefix}
        wide
        pending={mutation.isPending}
        label={t(form.save)}
        pendingLabel={t('users.saving')}
        onCancel={onCancel}
        cancelLabel={t('users.cancel')}
      />
    </form>
  );
}

/** A row's "Ubah peran": name, role and office, checked with the shared schema and placement rule. */
export function EditUserForm({
  user,
  branches,
  onCancel,
  onSaved,
}: {
  user: UserRow;
  branches: BranchOption[];
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [values, setValues] = useState({
    name: user.name,
    role: user.role as string,
    branchId: user.branch ? String(user.branch.id) : '',
  });
  const update = useMutation(
    trpc.users.update.mutationOptions({ onSuccess: (u) => onSaved(t('users.updated', { username: u.username })) }),
  );
  const fe = useFieldErrors(update.error);
  const set = fe.setterOf(setValues);
  const submit = fe.submitWith(
    () => checkUserEdit(user, values),
    (input) => (Object.keys(input).length === 1 ? onCancel() : update.mutate(input)), // only the id: nothing changed
  );
  const p = ROW_FORMS.edit.prefix;
  return (
    <RowForm kind="edit" user={user} mutation={update} fe={fe} onSubmit={submit} onCancel={onCancel}>
      <Field prefix={p} field="name" label={t('users.name')} error={fe.errorOf('name')}>
        {(id) => <input id={id} data-testid={`${p}-name`} value={values.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <RoleBranchFields prefix={p} values={values} set={set} errorOf={fe.errorOf} branches={branches} />
    </RowForm>
  );
}

/** A row's "Atur ulang kata sandi": a temporary password, checked with the shared `resetPasswordSchema`. */
export function ResetPasswordForm({
  user,
  onCancel,
  onSaved,
}: {
  user: UserRow;
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [values, setValues] = useState({ newPassword: '' });
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({ onSuccess: () => onSaved(t('users.resetDone', { username: user.username })) }),
  );
  const fe = useFieldErrors(reset.error);
  const set = fe.setterOf(setValues);
  const submit = fe.submitWith(
    () => checkPasswordReset(user.id, values.newPassword),
    (input) => reset.mutate(input),
  );
  return (
    <RowForm kind="reset" user={user} mutation={reset} fe={fe} onSubmit={submit} onCancel={onCancel}>
      <PasswordField
        prefix={ROW_FORMS.reset.prefix}
        field="newPassword"
        errorOf={fe.errorOf}
        value={values.newPassword}
        onChange={(v) => set('newPassword', v)}
      />
    </RowForm>
  );
}
