import { branchRule, msg, ROLES } from '@kader/workflow';
import { type Dispatch, type FormEvent, type ReactNode, type SetStateAction, useId, useState } from 'react';
import { fieldErrors, kaderError } from '../../api/errors';
import type { BranchOption } from '../../api/types';
import { ErrorBox } from '../../components/ErrorBox';
import { LabelledField } from '../../components/forms';
import type { Checked, FormMessages } from '../../components/schemaCheck';
import { type Key, useI18n } from '../../i18n';
import type { UserFormField, UserFormValues } from './userForm';

/** A labelled input with its error; ids for the tests are `<prefix>-<field>`. */
export function Field(props: {
  prefix: string;
  field: string;
  label: string;
  error?: string | undefined;
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

const PASSWORD_LABELS = {
  password: { label: 'users.password', hint: 'users.passwordHint' },
  newPassword: { label: 'users.newPassword', hint: 'users.newPasswordHint' },
} as const;

/** A password the person sets (`<prefix>-password`), typed hidden, with what it needs as a hint. */
export function PasswordField(props: {
  prefix: string;
  field: keyof typeof PASSWORD_LABELS;
  errorOf: (field: string) => string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const { prefix, field, errorOf, value, onChange } = props;
  const { t } = useI18n();
  const labels = PASSWORD_LABELS[field];
  return (
    <Field prefix={prefix} field={field} label={t(labels.label)} error={errorOf(field)} hint={t(labels.hint)}>
      {(id) => (
        <input
          id={id}
          type="password"
          data-testid={`${prefix}-password`}
          autoComplete="new-password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The server's refusal across the form, when it names no field (those are shown on their fields). */
export function FormRefusal({ error, fe }: { error: unknown; fe: { hasServerFields: boolean } }) {
  return error && !fe.hasServerFields ? (
    <div className="wide">
      <ErrorBox error={error} />
    </div>
  ) : null;
}

/** Role, then the branch the role allows: none for admins, optional (head office) for viewers. */
export function RoleBranchFields(props: {
  prefix: string;
  values: Pick<UserFormValues, 'role' | 'branchId'>;
  set: (field: 'role' | 'branchId', value: string) => void;
  errorOf: (field: UserFormField) => string | undefined;
  branches: BranchOption[];
}) {
  const { prefix, values, set, errorOf, branches } = props;
  const { t, td, tmsg } = useI18n();
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
            <option value="">{tmsg(msg('ROLE_CHOOSE'))}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {td(`role.${r}`, r)} — {t(`role.hint.${r}` as Key)}
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
              <option value="">{rule === 'optional' ? t('users.allBranches') : tmsg(msg('BRANCH_CHOOSE'))}</option>
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

/**
 * The browser's problems first, then the server's `fields[].path` (`branchId`, `newPassword`, …);
 * `setterOf` makes the setter of a field (typing forgets its problem), `submitWith` the submit
 * handler (the check's problems shown, or its value sent).
 */
export function useFieldErrors(error: unknown) {
  const { tmsg } = useI18n();
  const [problems, setProblems] = useState<FormMessages>({});
  const server = fieldErrors(error ? kaderError(error) : null);
  const errorOf = (field: string): string | undefined => {
    const m = problems[field] ?? server[field];
    return m ? tmsg(m) : undefined;
  };
  const unplaced = (known: readonly string[]) => Object.keys(server).filter((k) => !known.includes(k));
  const clear = (field: string) => setProblems(({ [field]: _gone, ...rest }) => rest);
  const setterOf =
    <V,>(setValues: Dispatch<SetStateAction<V>>) =>
    (field: keyof V & string, value: string) => {
      setValues((v) => ({ ...v, [field]: value }));
      clear(field);
    };
  const submitWith =
    <T,>(check: () => Checked<T>, send: (value: T) => void) =>
    (e: FormEvent) => {
      e.preventDefault();
      const checked = check();
      setProblems(checked.ok ? {} : checked.errors);
      if (checked.ok) send(checked.value);
    };
  return { errorOf, setterOf, submitWith, unplaced, hasServerFields: Object.keys(server).length > 0 };
}
