import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BranchOption, UserRow } from '../../api/types';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { Field, RoleBranchFields, useFieldErrors } from './fields';
import { checkPasswordReset, checkUserEdit, type UserFormField } from './userForm';

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
  const set = (field: UserFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    fe.clear(field);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUserEdit(user, values);
    fe.setProblems(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    if (Object.keys(checked.input).length === 1) return onCancel(); // nothing changed
    update.mutate(checked.input);
  };
  const p = 'user-form';
  return (
    <form className="form-grid row-form-body" onSubmit={submit} noValidate data-testid="user-edit-form">
      <h3 className="wide">{t('users.editTitle', { username: user.username })}</h3>
      {update.error && !fe.hasServerFields && (
        <div className="wide">
          <ErrorBox error={update.error} />
        </div>
      )}
      <Field prefix={p} field="name" label={t('users.name')} error={fe.errorOf('name')}>
        {(id) => <input id={id} data-testid={`${p}-name`} value={values.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <RoleBranchFields prefix={p} values={values} set={set} errorOf={fe.errorOf} branches={branches} />
      <div className="form-actions wide">
        <button type="submit" className="btn btn-primary" data-testid={`${p}-submit`} disabled={update.isPending}>
          {update.isPending ? t('users.saving') : t('users.save')}
        </button>
        <button type="button" className="btn" data-testid={`${p}-cancel`} onClick={onCancel}>
          {t('users.cancel')}
        </button>
      </div>
    </form>
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
  const [password, setPassword] = useState('');
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({ onSuccess: () => onSaved(t('users.resetDone', { username: user.username })) }),
  );
  const fe = useFieldErrors(reset.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkPasswordReset(user.id, password);
    fe.setProblems(checked.ok ? {} : checked.errors);
    if (checked.ok) reset.mutate(checked.input);
  };
  const p = 'user-reset-form';
  return (
    <form className="form-grid row-form-body" onSubmit={submit} noValidate data-testid="user-reset-form">
      <h3 className="wide">{t('users.resetTitle', { username: user.username })}</h3>
      {reset.error && !fe.hasServerFields && (
        <div className="wide">
          <ErrorBox error={reset.error} />
        </div>
      )}
      <Field
        prefix={p}
        field="newPassword"
        label={t('users.newPassword')}
        error={fe.errorOf('newPassword')}
        hint={t('users.newPasswordHint')}
      >
        {(id) => (
          <input
            id={id}
            type="password"
            data-testid={`${p}-password`}
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              fe.clear('newPassword');
            }}
          />
        )}
      </Field>
      <div className="form-actions wide">
        <button type="submit" className="btn btn-primary" data-testid={`${p}-submit`} disabled={reset.isPending}>
          {reset.isPending ? t('users.saving') : t('users.resetPassword')}
        </button>
        <button type="button" className="btn" data-testid={`${p}-cancel`} onClick={onCancel}>
          {t('users.cancel')}
        </button>
      </div>
    </form>
  );
}
