import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BranchOption, UserRow } from '../../api/types';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { Field, RoleBranchFields, useFieldErrors } from './fields';
import { checkNewUser, type UserFormField, type UserFormValues } from './userForm';

const EMPTY_USER: UserFormValues = { username: '', name: '', role: '', branchId: '', password: '' };
const CREATE_FIELDS: readonly UserFormField[] = ['username', 'name', 'role', 'branchId', 'password'];

/** "Tambah pengguna": checked with the shared `createUserSchema` before it is sent. */
export function CreateUserForm({ branches, onCreated }: { branches: BranchOption[]; onCreated: (u: UserRow) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [values, setValues] = useState<UserFormValues>(EMPTY_USER);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (u) => {
        setValues(EMPTY_USER);
        onCreated(u);
      },
    }),
  );
  const fe = useFieldErrors(create.error);
  const set = (field: UserFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    fe.clear(field);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkNewUser(values);
    fe.setProblems(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.input);
  };
  const p = 'user-create';
  const unplaced = fe.unplaced(CREATE_FIELDS);
  return (
    <section className="panel" aria-labelledby="user-create-title">
      <h2 id="user-create-title">{t('users.create')}</h2>
      <form className="form-grid" onSubmit={submit} noValidate data-testid="user-create-form">
        {create.error && !fe.hasServerFields && (
          <div className="wide">
            <ErrorBox error={create.error} />
          </div>
        )}
        {unplaced.length > 0 && (
          <p className="alert alert-error wide" role="alert" data-testid="error-message">
            {unplaced.map((k) => fe.errorOf(k)).join(' ')}
          </p>
        )}
        <Field
          prefix={p}
          field="username"
          label={t('users.username')}
          error={fe.errorOf('username')}
          hint={t('users.usernameHint')}
        >
          {(id) => (
            <input
              id={id}
              data-testid={`${p}-username`}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={values.username}
              onChange={(e) => set('username', e.target.value)}
            />
          )}
        </Field>
        <Field prefix={p} field="name" label={t('users.name')} error={fe.errorOf('name')}>
          {(id) => (
            <input
              id={id}
              data-testid={`${p}-name`}
              autoComplete="off"
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <RoleBranchFields prefix={p} values={values} set={set} errorOf={fe.errorOf} branches={branches} />
        <Field
          prefix={p}
          field="password"
          label={t('users.password')}
          error={fe.errorOf('password')}
          hint={t('users.passwordHint')}
        >
          {(id) => (
            <input
              id={id}
              type="password"
              data-testid={`${p}-password`}
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => set('password', e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions wide">
          <button type="submit" className="btn btn-primary" data-testid={`${p}-submit`} disabled={create.isPending}>
            {create.isPending ? t('users.saving') : t('users.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
