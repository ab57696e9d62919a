import { formatDateTime } from '@kader/workflow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BranchOption, UserRow } from '../api/types';
import { userTimeZone } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { ExportLinks } from '../components/ExportLinks';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { CreateUserForm } from './users/CreateUserForm';
import { EditUserForm, ResetPasswordForm } from './users/RowForms';
import { Table } from '../components/Table';

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
        <ExportLinks list="users" filters={{}} />
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
        <Table
          testId="users-table"
          panel
          head={
            <>
              <th>{t('users.username')}</th>
              <th>{t('users.name')}</th>
              <th>{t('users.role')}</th>
              <th>{t('users.branch')}</th>
              <th>{t('users.status')}</th>
              <th>{t('users.lastLogin')}</th>
              <th>{t('users.actions')}</th>
            </>
          }
        >
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
        </Table>
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
  const { t, td, lang } = useI18n();
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
        <td data-testid="user-row-role">{td(`role.${u.role}`, u.role)}</td>
        <td data-testid="user-row-branch">{u.branch ? u.branch.name : t('office.headOffice')}</td>
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
