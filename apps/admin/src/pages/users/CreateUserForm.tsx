import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { BranchOption, UserRow } from '../../api/types';
import { FormActions } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { Field, FormRefusal, PasswordField, RoleBranchFields, useFieldErrors } from './fields';
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
  const set = fe.setterOf(setValues);
  const submit = fe.submitWith(
    () => checkNewUser(values),
    (input) => create.mutate(input),
  );
  const p = 'user-create';
  const unplaced = fe.unplaced(CREATE_FIELDS);
  return (
    <section className="panel" aria-labelledby="user-create-title">
      <h2 id="user-create-title">{t('users.create')}</h2>
      <form className="form-grid" onSubmit={submit} noValidate data-testid="user-create-form">
        <FormRefusal error={create.error} fe={fe} />
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
        <PasswordField
          prefix={p}
          field="password"
          errorOf={fe.errorOf}
          value={values.password}
          onChange={(v) => set('password', v)}
        />
        <FormActions idPrefix={p} wide pending={create.isPending} label={t('users.create')} pendingLabel={t('users.saving')} />
      </form>
    </section>
  );
}
