import { BRANCH_TIME_ZONES } from '@kader/workflow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { kaderError } from '../../api/errors';
import { FieldError, FormFooter } from '../../components/forms';
import { type FormMessages, messagesByPath } from '../../components/schemaCheck';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { type BranchForm, branchFormPath, checkBranchForm, ZONE_LABELS } from './quotaForms';

const EMPTY: BranchForm = { code: '', name: '', timeZone: '', workAreas: [''] };

/** "Buka kantor cabang": code, name, zone and work areas (`branches.create`), checked with the shared schema. */
export function CreateBranchForm() {
  const { t, tmsg } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<BranchForm>(EMPTY);
  const [errors, setErrors] = useState<FormMessages>({});
  const [saved, setSaved] = useState<string | null>(null);
  const create = useMutation(
    trpc.branches.create.mutationOptions({
      onSuccess: (b) => {
        void queryClient.invalidateQueries({ queryKey: trpc.branches.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
        setSaved(t('quota.created', { name: b.name, code: b.code }));
        setValues(EMPTY);
      },
    }),
  );
  // the server numbers the work areas it was sent (empty rows dropped): back to the rows shown
  const refused = kaderError(create.error);
  const server = messagesByPath(refused?.fields ?? [], branchFormPath(values.workAreas));
  const errorOf = (path: string) => {
    const e = server[path] ?? errors[path];
    return e ? tmsg(e) : undefined;
  };
  const touch = (path: string) => {
    setErrors(({ [path]: _gone, ...rest }) => rest);
    setSaved(null);
    if (create.error) create.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBranchForm(values);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.value);
  };
  const fieldError = (path: string) => <FieldError error={errorOf(path)} testId={`branch-error-${path}`} />;
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="branch-form">
      <h2>{t('quota.createBranch')}</h2>
      <div className="form-grid">
        <div className={`field${errorOf('code') ? ' has-error' : ''}`}>
          <label htmlFor="branch-code">{t('quota.code')}</label>
          <input
            id="branch-code"
            data-testid="branch-code"
            placeholder={t('quota.codeExample')}
            value={values.code}
            onChange={(e) => {
              setValues((v) => ({ ...v, code: e.target.value.toUpperCase() }));
              touch('code');
            }}
          />
          <small className="hint">{t('quota.codeHint')}</small>
          {fieldError('code')}
        </div>
        <div className={`field${errorOf('name') ? ' has-error' : ''}`}>
          <label htmlFor="branch-name">{t('quota.name')}</label>
          <input
            id="branch-name"
            data-testid="branch-name"
            placeholder={t('quota.nameExample')}
            value={values.name}
            onChange={(e) => {
              setValues((v) => ({ ...v, name: e.target.value }));
              touch('name');
            }}
          />
          {fieldError('name')}
        </div>
        <div className={`field${errorOf('timeZone') ? ' has-error' : ''}`}>
          <label htmlFor="branch-zone">{t('quota.zone')}</label>
          <select
            id="branch-zone"
            data-testid="branch-zone"
            value={values.timeZone}
            onChange={(e) => {
              setValues((v) => ({ ...v, timeZone: e.target.value }));
              touch('timeZone');
            }}
          >
            <option value="">{t('quota.chooseZone')}</option>
            {BRANCH_TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {t(ZONE_LABELS[zone])}
              </option>
            ))}
          </select>
          {fieldError('timeZone')}
        </div>
      </div>
      <fieldset className="work-areas" data-testid="branch-work-areas">
        <legend>{t('quota.workAreas')}</legend>
        {values.workAreas.map((w, i) => (
          <div key={i} className={`work-area-row${errorOf(`workAreas.${i}`) ? ' has-error' : ''}`}>
            <input
              data-testid={`branch-work-area-${i}`}
              aria-label={`${t('quota.workAreas')} ${i + 1}`}
              placeholder={i === 0 ? t('quota.workAreaExample') : ''}
              value={w}
              onChange={(e) => {
                const value = e.target.value;
                setValues((v) => ({ ...v, workAreas: v.workAreas.map((x, k) => (k === i ? value : x)) }));
                touch(`workAreas.${i}`);
              }}
            />
            {values.workAreas.length > 1 && (
              <button
                type="button"
                className="btn btn-small"
                data-testid={`branch-work-area-remove-${i}`}
                onClick={() => setValues((v) => ({ ...v, workAreas: v.workAreas.filter((_, k) => k !== i) }))}
              >
                {t('quota.removeWorkArea')}
              </button>
            )}
            {fieldError(`workAreas.${i}`)}
          </div>
        ))}
        {fieldError('workAreas')}
        <button
          type="button"
          className="btn btn-small"
          data-testid="branch-work-area-add"
          onClick={() => setValues((v) => ({ ...v, workAreas: [...v.workAreas, ''] }))}
        >
          {t('quota.addWorkArea')}
        </button>
      </fieldset>
      <FormFooter
        mutation={create}
        fieldErrors={server}
        saved={saved}
        testIds={{ saved: 'branch-saved', submit: 'branch-submit' }}
        labels={{ save: t('quota.save'), saving: t('quota.saving') }}
      />
    </form>
  );
}
