import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, kaderError } from '../api/errors';
import type { BranchOption, UserRow } from '../api/types';
import { officeLabel, roleLabel } from '../auth/labels';
import { checkPassword } from '../auth/password';
import { branchRule, ROLES, userTimeZone } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { formatDateTime } from '@kader/workflow';
import { useI18n, type Key } from '../i18n';
import { useTRPC } from '../trpc';
import {
  checkNewUser,
  checkRoleBranch,
  toCreateInput,
  toUpdateInput,
  type UserFormField,
  type UserFormValues,
} from './users/userForm';
import { LabelledField } from '../components/forms';

type Open = { id: number; kind: 'edit' | 'reset' } | null;

/** `/pengguna` (admins): every account, a form to add one, and per account role, status, password. */
export function UsersPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const users = useQuery(trpc.users.list.queryOptions());
  const branches = useQuery(trpc.branches.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: (u) => {
        setNotice(t(u.disabled ? 'users.disabledDone' : 'users.enabledDone', { username: u.username }));
        void refresh();
      },
    }),
  );

  const list = [...(users.data ?? [])].sort((a, b) => a.username.localeCompare(b.username));

  return (
    <section className="users">
      <div className="toolbar">
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.intro')}</p>
      </div>

      {notice && (
        <p className="alert alert-ok" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {setDisabled.error && <ErrorBox error={setDisabled.error} />}
      {users.error && <ErrorBox error={users.error} onRetry={() => void users.refetch()} />}
      {users.isLoading && <p className="muted">{t('app.loading')}</p>}

      {users.data && (
        <div className="panel table-wrap">
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th>{t('users.username')}</th>
                <th>{t('users.name')}</th>
                <th>{t('users.role')}</th>
                <th>{t('users.branch')}</th>
                <th>{t('users.status')}</th>
                <th>{t('users.lastLogin')}</th>
                <th>{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    {t('users.empty')}
                  </td>
                </tr>
              )}
              {list.map((u) => (
                <UserRows
                  key={u.id}
                  user={u}
                  isMe={me?.id === u.id}
                  open={open?.id === u.id ? open.kind : null}
                  setOpen={(kind) => {
                    setNotice(null);
                    setOpen(kind ? { id: u.id, kind } : null);
                  }}
                  branches={branches.data ?? []}
                  toggling={setDisabled.isPending && setDisabled.variables?.id === u.id}
                  onToggle={() => {
                    setNotice(null);
                    setDisabled.mutate({ id: u.id, disabled: !u.disabled });
                  }}
                  onSaved={(message) => {
                    setOpen(null);
                    setNotice(message);
                    void refresh();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <CreateUserForm
        branches={branches.data ?? []}
        onCreated={(u) => {
          setNotice(t('users.created', { username: u.username }));
          void refresh();
        }}
      />
    </section>
  );
}

function UserRows(props: {
  user: UserRow;
  isMe: boolean;
  open: 'edit' | 'reset' | null;
  setOpen: (kind: 'edit' | 'reset' | null) => void;
  branches: BranchOption[];
  toggling: boolean;
  onToggle: () => void;
  onSaved: (message: string) => void;
}) {
  const { user: u, isMe, open, setOpen, branches, toggling, onToggle, onSaved } = props;
  const { t, lang } = useI18n();
  /** opens (or closes) the row's edit or reset form */
  const toggle = (which: 'edit' | 'reset', testId: string, label: string) => (
    <button
      type="button"
      className="btn btn-small"
      data-testid={testId}
      aria-expanded={open === which}
      onClick={() => setOpen(open === which ? null : which)}
    >
      {label}
    </button>
  );
  return (
    <>
      <tr
        data-testid={`user-row-${u.username}`}
        data-role={u.role}
        data-disabled={u.disabled}
        className={u.disabled ? 'row-disabled' : undefined}
      >
        <td className="mono">
          {u.username}
          {isMe && <span className="pill pill-me"> {t('users.you')}</span>}
        </td>
        <td>{u.name}</td>
        <td data-testid="user-row-role">{roleLabel(u.role, lang)}</td>
        <td data-testid="user-row-branch">{officeLabel(u.branch, lang)}</td>
        <td data-testid="user-row-status" data-disabled={u.disabled}>
          <span className={`pill ${u.disabled ? 'pill-bad' : 'pill-ok'}`}>
            {t(u.disabled ? 'users.disabled' : 'users.active')}
          </span>
          {u.mustChangePassword && <small className="muted block">{t('users.mustChange')}</small>}
        </td>
        <td className="nowrap">
          {u.lastLoginAt ? (
            formatDateTime(u.lastLoginAt, userTimeZone(u), lang)
          ) : (
            <span className="muted">{t('users.never')}</span>
          )}
        </td>
        <td>
          {/* one's own role and status are not changed from here: no locking oneself out */}
          {!isMe && (
            <div className="row-actions">
              {toggle('edit', `user-edit-${u.username}`, t('users.edit'))}
              <button
                type="button"
                className={`btn btn-small ${u.disabled ? '' : 'btn-danger-outline'}`}
                data-testid={`user-disable-${u.username}`}
                data-disabled={u.disabled}
                disabled={toggling}
                onClick={onToggle}
              >
                {t(u.disabled ? 'users.enable' : 'users.disable')}
              </button>
              {toggle('reset', `user-reset-${u.username}`, t('users.resetPassword'))}
            </div>
          )}
        </td>
      </tr>
      {open && (
        <tr className="row-form">
          <td colSpan={7}>
            {open === 'edit' ? (
              <EditUserForm user={u} branches={branches} onCancel={() => setOpen(null)} onSaved={onSaved} />
            ) : (
              <ResetPasswordForm user={u} onCancel={() => setOpen(null)} onSaved={onSaved} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** A labelled input with its error; ids for the tests are `<prefix>-<field>`. */
function Field(props: {
  prefix: string;
  field: string;
  label: string;
  error?: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <LabelledField
      htmlFor={id}
      label={props.label}
      error={props.error}
      errorTestId={`${props.prefix}-error-${props.field}`}
      hint={props.hint}
    >
      {props.children(id)}
    </LabelledField>
  );
}

/** Role, then the branch the role allows: none for admins, optional (head office) for viewers. */
function RoleBranchFields(props: {
  prefix: string;
  values: Pick<UserFormValues, 'role' | 'branchId'>;
  set: (field: 'role' | 'branchId', value: string) => void;
  errorOf: (field: UserFormField) => string | undefined;
  branches: BranchOption[];
}) {
  const { prefix, values, set, errorOf, branches } = props;
  const { t, lang } = useI18n();
  const rule = values.role ? branchRule(values.role) : 'required';
  return (
    <>
      <Field prefix={prefix} field="role" label={t('users.role')} error={errorOf('role')}>
        {(id) => (
          <select
            id={id}
            data-testid={`${prefix}-role`}
            value={values.role}
            onChange={(e) => {
              set('role', e.target.value);
              if (branchRule(e.target.value) === 'none') set('branchId', '');
            }}
          >
            <option value="">{t('users.chooseRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, lang)} — {t(`role.hint.${r}` as Key)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field prefix={prefix} field="branchId" label={t('users.branch')} error={errorOf('branchId')}>
        {(id) =>
          rule === 'none' ? (
            <select id={id} data-testid={`${prefix}-branch`} value="" disabled>
              <option value="">{t('office.headOffice')}</option>
            </select>
          ) : (
            <select
              id={id}
              data-testid={`${prefix}-branch`}
              value={values.branchId}
              onChange={(e) => set('branchId', e.target.value)}
            >
              <option value="">{rule === 'optional' ? t('users.allBranches') : t('users.chooseBranch')}</option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )
        }
      </Field>
    </>
  );
}

/** Client problems first, then the server's `fields[].path` (`branchId`, `newPassword`, …). */
function useFieldErrors(error: unknown) {
  const { t, tm } = useI18n();
  const [problems, setProblems] = useState<Partial<Record<string, Key>>>({});
  const server = fieldErrors(error ? kaderError(error) : null);
  const errorOf = (field: string): string | undefined => {
    const p = problems[field];
    if (p) return t(p);
    return server[field] ? tm(server[field]) : undefined;
  };
  const unplaced = (known: readonly string[]) => Object.keys(server).filter((k) => !known.includes(k));
  const clear = (field: string) => setProblems(({ [field]: _gone, ...rest }) => rest);
  return { errorOf, setProblems, clear, unplaced, hasServerFields: Object.keys(server).length > 0 };
}

const EMPTY_USER: UserFormValues = { username: '', name: '', role: '', branchId: '', password: '' };
const CREATE_FIELDS: readonly UserFormField[] = ['username', 'name', 'role', 'branchId', 'password'];

function CreateUserForm({ branches, onCreated }: { branches: BranchOption[]; onCreated: (u: UserRow) => void }) {
  const { t, tm } = useI18n();
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
    const problems = checkNewUser(values);
    fe.setProblems(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(toCreateInput(values));
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
            {unplaced
              .map((k) => fe.errorOf(k))
              .map((m) => tm(m ?? ''))
              .join(' ')}
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

function EditUserForm({
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
    const problems: Partial<Record<string, Key>> = { ...checkRoleBranch(values) };
    if (!values.name.trim()) problems.name = 'register.required';
    fe.setProblems(problems);
    if (Object.keys(problems).length > 0) return;
    const input = toUpdateInput(user, values);
    if (Object.keys(input).length === 1) return onCancel(); // nothing changed
    update.mutate(input);
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

function ResetPasswordForm({
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
    const problem = checkPassword(password);
    fe.setProblems(problem ? { newPassword: problem } : {});
    if (problem) return;
    reset.mutate({ id: user.id, newPassword: password });
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
