import { branchRule, msg, ROLES } from '@kader/workflow';
import { useId, useState, type ReactNode } from 'react';
import { fieldErrors, kaderError } from '../../api/errors';
import type { BranchOption } from '../../api/types';
import { LabelledField } from '../../components/forms';
import type { FormMessages } from '../../components/schemaCheck';
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

/** The browser's problems first, then the server's `fields[].path` (`branchId`, `newPassword`, …). */
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
  return { errorOf, setProblems, clear, unplaced, hasServerFields: Object.keys(server).length > 0 };
}
