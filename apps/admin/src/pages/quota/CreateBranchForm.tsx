import { BRANCH_TIME_ZONES } from '@kader/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { RegionCombobox } from '../../components/address/RegionCombobox';
import { FieldError, FormFooter, LabelledField, Select } from '../../components/forms';
import { messagesByPath } from '../../components/schemaCheck';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import {
  type BranchForm,
  branchFormPath,
  checkBranchForm,
  EMPTY_WORK_AREA,
  pickRegion,
  type WorkAreaRow,
  ZONE_LABELS,
} from './quotaForms';

const EMPTY: BranchForm = { code: '', name: '', timeZone: '', workAreas: [EMPTY_WORK_AREA] };

/**
 * "Buka kantor cabang": code, name, zone and work areas (`branches.create`), checked with the
 * shared schema. Each area is a name and the regency/city picked for it from Kemendagri's data
 * (searched on the server by any part of its name); a name alone (a group of districts) is kept
 * without a code until one is picked here or later in the branch's work areas.
 */
export function CreateBranchForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<BranchForm>(EMPTY);
  const form = useCheckedForm(
    trpc.branches.create.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.branches.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
        setValues(EMPTY);
      },
    }),
    {
      saved: (b) => t('quota.created', { name: b.name, code: b.code }),
      // the server numbers the work areas it was sent (empty rows dropped): back to the rows shown
      serverFields: (fields) => messagesByPath(fields, branchFormPath(values.workAreas)),
    },
  );
  const { errorOf, edited } = form;
  const set = (path: 'code' | 'name' | 'timeZone', value: string) => {
    setValues((v) => ({ ...v, [path]: value }));
    edited(path);
  };
  const setRow = (i: number, change: (row: WorkAreaRow) => WorkAreaRow) =>
    setValues((v) => ({ ...v, workAreas: v.workAreas.map((row, k) => (k === i ? change(row) : row)) }));
  const fieldError = (path: string) => <FieldError error={errorOf(path)} testId={`branch-error-${path}`} />;
  const field = (path: keyof BranchForm, inputId: string, label: string, input: ReactNode, hint?: string) => (
    <LabelledField htmlFor={inputId} label={label} error={errorOf(path)} errorTestId={`branch-error-${path}`} hint={hint}>
      {input}
    </LabelledField>
  );
  const text = (path: 'code' | 'name', example: string, clean: (typed: string) => string = (typed) => typed) => (
    <input
      id={`branch-${path}`}
      data-testid={`branch-${path}`}
      placeholder={example}
      value={values[path]}
      onChange={(e) => set(path, clean(e.target.value))}
    />
  );
  return (
    <form className="panel" onSubmit={(e) => form.submit(e, checkBranchForm(values))} noValidate data-testid="branch-form">
      <h2>{t('quota.createBranch')}</h2>
      <div className="form-grid">
        {field(
          'code',
          'branch-code',
          t('quota.code'),
          text('code', t('quota.codeExample'), (typed) => typed.toUpperCase()),
          t('quota.codeHint'),
        )}
        {field('name', 'branch-name', t('quota.name'), text('name', t('quota.nameExample')))}
        {field(
          'timeZone',
          'branch-zone',
          t('quota.zone'),
          <Select
            id="branch-zone"
            testId="branch-zone"
            value={values.timeZone}
            onChange={(zone) => set('timeZone', zone)}
            choose={t('quota.chooseZone')}
            options={BRANCH_TIME_ZONES.map((zone) => [zone, t(ZONE_LABELS[zone])])}
          />,
        )}
      </div>
      <fieldset className="work-areas" data-testid="branch-work-areas">
        <legend>{t('quota.workAreas')}</legend>
        <small className="hint">{t('workArea.pickHint')}</small>
        {values.workAreas.map((w, i) => (
          <div
            key={i}
            className={`work-area-row${errorOf(`workAreas.${i}.name`) || errorOf(`workAreas.${i}.regionCode`) ? ' has-error' : ''}`}
            data-testid={`branch-work-area-row-${i}`}
            data-region-code={w.region?.code ?? ''}
          >
            <RegionCombobox
              level="regency"
              anyParent
              label={t('workArea.region')}
              parentCode={undefined}
              value={w.region}
              onPick={(region) => {
                setRow(i, (row) => pickRegion(row, region));
                edited(`workAreas.${i}.regionCode`);
              }}
              testId={`branch-work-area-region-${i}`}
            />
            <div className="field">
              <label htmlFor={`branch-work-area-${i}`}>{t('workArea.name')}</label>
              <input
                id={`branch-work-area-${i}`}
                data-testid={`branch-work-area-${i}`}
                placeholder={i === 0 ? t('quota.workAreaExample') : ''}
                value={w.name}
                onChange={(e) => {
                  const name = e.target.value;
                  setRow(i, (row) => ({ ...row, name }));
                  edited(`workAreas.${i}.name`);
                }}
              />
            </div>
            <small className="muted" data-testid={`branch-work-area-code-${i}`}>
              {w.region ? t('workArea.codeShown', { code: w.region.code }) : t('workArea.noCode')}
            </small>
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
            {fieldError(`workAreas.${i}.name`)}
            {fieldError(`workAreas.${i}.regionCode`)}
          </div>
        ))}
        {fieldError('workAreas')}
        <button
          type="button"
          className="btn btn-small"
          data-testid="branch-work-area-add"
          onClick={() => setValues((v) => ({ ...v, workAreas: [...v.workAreas, EMPTY_WORK_AREA] }))}
        >
          {t('quota.addWorkArea')}
        </button>
      </fieldset>
      <FormFooter form={form} idPrefix="branch" labels="quota" />
    </form>
  );
}
