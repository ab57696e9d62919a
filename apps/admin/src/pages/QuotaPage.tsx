import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, kaderError } from '../api/errors';
import type { BranchOption, Period } from '../api/types';
import { ErrorBox } from '../components/ErrorBox';
import { formatNumber, zoneAbbreviation } from '@kader/workflow';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { RulesFormPanel } from './quota/RulesFormPanel';
import { gradeText } from './quota/rulesForm';
import { BRANCH_ZONES, checkBranchForm, checkQuotaForm, type BranchForm, type QuotaForm } from './quota/quotaForms';
import { FieldError, FormFooter, LabelledField } from '../components/forms';

/** One branch's years, newest first, with places taken and left. */
export function quotaRows(branches: readonly BranchOption[], periods: readonly Period[]) {
  return branches.map((b) => ({
    branch: b,
    years: periods
      .filter((p) => p.branch.id === b.id)
      .sort((x, y) => y.year - x.year)
      .map((p) => ({
        id: p.id,
        year: p.year,
        quota: p.quota,
        used: p.quotaUsed,
        left: Math.max(0, p.quota - p.quotaUsed),
        writtenTestGrade: p.writtenTestGrade,
        interviewGrade: p.interviewGrade,
        period: p,
      })),
  }));
}

/** Head office: each branch's quota per year; set a quota; open a branch. */
export function QuotaPage() {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const branches = useQuery(trpc.branches.list.queryOptions());
  const periods = useQuery(trpc.periods.list.queryOptions(undefined, { staleTime: 60_000 }));
  const rows = useMemo(() => quotaRows(branches.data ?? [], periods.data ?? []), [branches.data, periods.data]);
  const [preset, setPreset] = useState<{ branchId: number; year: number; quota: number; n: number } | null>(null);
  const [rulesFor, setRulesFor] = useState<{ periodId: number; n: number } | null>(null);
  const rulesPeriod = rulesFor ? periods.data?.find((p) => p.id === rulesFor.periodId) : undefined;

  return (
    <section className="quota-page">
      <div className="toolbar">
        <h1>{t('quota.title')}</h1>
        <p className="muted">{t('quota.intro')}</p>
      </div>
      {(branches.error || periods.error) && (
        <ErrorBox
          error={branches.error ?? periods.error}
          onRetry={() => {
            void branches.refetch();
            void periods.refetch();
          }}
        />
      )}
      {(branches.isLoading || periods.isLoading) && <p className="muted">{t('app.loading')}</p>}

      {branches.data && periods.data && (
        <div className="panel">
          <div className="table-wrap">
            <table className="table quota-table" data-testid="quota-table">
              <thead>
                <tr>
                  <th>{t('quota.branch')}</th>
                  <th>{t('quota.zone')}</th>
                  <th className="num">{t('quota.year')}</th>
                  <th className="num">{t('quota.quota')}</th>
                  <th className="num">{t('quota.used')}</th>
                  <th className="num">{t('quota.left')}</th>
                  <th className="num">{t('rules.gradesColumn')}</th>
                  <th aria-label={t('app.actions')} />
                </tr>
              </thead>
              <tbody>
                {rows.flatMap(({ branch, years }) =>
                  years.length === 0
                    ? [
                        <tr key={`b${branch.id}`} data-testid={`quota-branch-${branch.code}`} data-branch-id={branch.id}>
                          <td>
                            <strong>{branch.name}</strong> <span className="muted mono">{branch.code}</span>
                          </td>
                          <td>{zoneAbbreviation(branch.timeZone)}</td>
                          <td colSpan={5} className="muted">
                            {t('quota.noPeriods')}
                          </td>
                          <td />
                        </tr>,
                      ]
                    : years.map((y, i) => (
                        <tr
                          key={y.id}
                          data-testid={`quota-row-${branch.code}-${y.year}`}
                          data-branch-id={branch.id}
                          data-year={y.year}
                          data-quota={y.quota}
                          data-used={y.used}
                          data-left={y.left}
                          data-written-grade={y.writtenTestGrade}
                          data-interview-grade={y.interviewGrade}
                        >
                          <td>
                            {i === 0 && (
                              <>
                                <strong>{branch.name}</strong> <span className="muted mono">{branch.code}</span>
                              </>
                            )}
                          </td>
                          <td>{i === 0 ? zoneAbbreviation(branch.timeZone) : ''}</td>
                          <td className="num">{y.year}</td>
                          <td className="num" data-testid="quota-quota">
                            {formatNumber(y.quota, lang)}
                          </td>
                          <td className="num" data-testid="quota-used">
                            {formatNumber(y.used, lang)}
                          </td>
                          <td className="num" data-testid="quota-left">
                            <b className={y.left === 0 ? 'quota-none' : undefined}>{formatNumber(y.left, lang)}</b>
                          </td>
                          <td className="num" data-testid="quota-grades">
                            <span data-testid="quota-written-grade">{gradeText(y.writtenTestGrade, lang)}</span> /{' '}
                            <span data-testid="quota-interview-grade">{gradeText(y.interviewGrade, lang)}</span>
                          </td>
                          <td>
                            <button
                              type="button"
                              className="btn btn-small"
                              data-testid={`quota-edit-${branch.code}-${y.year}`}
                              onClick={() => setPreset({ branchId: branch.id, year: y.year, quota: y.quota, n: Date.now() })}
                            >
                              {t('quota.set')}
                            </button>
                            <button
                              type="button"
                              className="btn btn-small"
                              data-testid={`rules-open-${y.id}`}
                              aria-expanded={rulesFor?.periodId === y.id}
                              onClick={() => setRulesFor({ periodId: y.id, n: Date.now() })}
                            >
                              {t('rules.open')}
                            </button>
                          </td>
                        </tr>
                      )),
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {rulesFor && rulesPeriod && <RulesFormPanel key={rulesFor.n} period={rulesPeriod} onClose={() => setRulesFor(null)} />}

      <div className="quota-forms">
        <SetQuotaForm key={preset?.n ?? 0} branches={branches.data ?? []} preset={preset} />
        <CreateBranchForm />
      </div>
    </section>
  );
}

function SetQuotaForm({
  branches,
  preset,
}: {
  branches: BranchOption[];
  preset: { branchId: number; year: number; quota: number } | null;
}) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<QuotaForm>(() => ({
    branchId: preset ? String(preset.branchId) : '',
    year: String(preset?.year ?? new Date().getFullYear() + 1),
    quota: preset ? String(preset.quota) : '',
  }));
  const [errors, setErrors] = useState<Partial<Record<keyof QuotaForm, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const setQuota = useMutation(
    trpc.periods.setQuota.mutationOptions({
      onSuccess: (period) => {
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
        setSaved(t('quota.saved', { branch: period.branch.name, year: period.year, quota: period.quota }));
      },
    }),
  );
  const server = fieldErrors(setQuota.error ? kaderError(setQuota.error) : null);
  const errorOf = (name: keyof QuotaForm) => {
    const e = server[name] ?? errors[name];
    return e ? tm(e) : undefined;
  };
  const set = (name: keyof QuotaForm, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
    setSaved(null);
    if (setQuota.error) setQuota.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkQuotaForm(values);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, t(v)])));
      return;
    }
    setErrors({});
    setQuota.mutate(checked.input);
  };
  const field = (name: keyof QuotaForm, label: string, input: ReactNode) => (
    <LabelledField htmlFor={`quota-${name}`} label={label} error={errorOf(name)} errorTestId={`quota-error-${name}`}>
      {input}
    </LabelledField>
  );
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="quota-form">
      <h2>{t('quota.set')}</h2>
      <p className="muted small">{t('quota.setHint')}</p>
      <div className="form-grid">
        {field(
          'branchId',
          t('quota.branch'),
          <select
            id="quota-branchId"
            data-testid="quota-form-branch"
            value={values.branchId}
            onChange={(e) => set('branchId', e.target.value)}
          >
            <option value="">{t('quota.chooseBranch')}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.code})
              </option>
            ))}
          </select>,
        )}
        {field(
          'year',
          t('quota.year'),
          <input
            id="quota-year"
            type="number"
            step={1}
            min={2017}
            data-testid="quota-form-year"
            value={values.year}
            onChange={(e) => set('year', e.target.value)}
          />,
        )}
        {field(
          'quota',
          t('quota.quota'),
          <input
            id="quota-quota"
            type="number"
            step={1}
            min={0}
            data-testid="quota-form-quota"
            value={values.quota}
            onChange={(e) => set('quota', e.target.value)}
          />,
        )}
      </div>
      <FormFooter
        mutation={setQuota}
        fieldErrors={server}
        saved={saved}
        testIds={{ saved: 'quota-saved', submit: 'quota-form-submit' }}
        labels={{ save: t('quota.save'), saving: t('quota.saving') }}
      />
    </form>
  );
}

function CreateBranchForm() {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const empty: BranchForm = { code: '', name: '', timeZone: '', workAreas: [''] };
  const [values, setValues] = useState<BranchForm>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const create = useMutation(
    trpc.branches.create.mutationOptions({
      onSuccess: (b) => {
        void queryClient.invalidateQueries({ queryKey: trpc.branches.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
        setSaved(t('quota.created', { name: b.name, code: b.code }));
        setValues(empty);
      },
    }),
  );
  // the server numbers the work areas it was sent (empty rows dropped): back to the rows shown
  const sent = values.workAreas.flatMap((w, i) => (w.trim() ? [i] : []));
  const server: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(create.error ? kaderError(create.error) : null))) {
    const m = /^workAreas\.(\d+)$/.exec(path);
    server[m && sent[Number(m[1])] !== undefined ? `workAreas.${sent[Number(m[1])]}` : path] = message;
  }
  const errorOf = (path: string) => {
    const e = server[path] ?? errors[path];
    return e ? tm(e) : undefined;
  };
  const touch = (path: string) => {
    setErrors((e) => {
      const next = { ...e };
      delete next[path];
      return next;
    });
    setSaved(null);
    if (create.error) create.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBranchForm(values);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, t(v)])));
      return;
    }
    setErrors({});
    create.mutate(checked.input);
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
            placeholder="KC-XXX"
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
            placeholder="KC Surabaya"
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
            {BRANCH_ZONES.map((z) => (
              <option key={z.zone} value={z.zone}>
                {t(z.label)}
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
              placeholder={i === 0 ? 'Kota Surabaya' : ''}
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
