import { KPI_KEYS, type FeeSchedule, type KpiKey, type KpiSettings } from '@kader/workflow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { kaderError } from '../api/errors';
import { userTimeZone } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { formatDate, formatFigure, formatRupiah, dateInZone } from '@kader/workflow';
import { useI18n } from '../i18n';
import type { Key } from '../i18n/dict';
import { useTRPC } from '../trpc';
import {
  checkFeeForm,
  checkKpiForm,
  feeFormFrom,
  firstOfNextMonth,
  flat25,
  inForce,
  kpiFormFrom,
  nextTier,
  serverFieldErrors,
  versionStatus,
  weightSum,
  type FeeForm,
  type FieldErrors,
  type KpiForm,
  type VersionStatus,
} from './settings/settingsForms';
import { FieldError, FormFooter, LabelledField, OtherErrors } from '../components/forms';

const WEIGHT_LABEL: Record<KpiKey, Key> = {
  visits: 'settings.w.visits',
  collection: 'settings.w.collection',
  reports: 'settings.w.reports',
  attendance: 'settings.w.attendance',
};

/** Head office: the KPI and fee versions, each from its effective date; add a version. */
export function SettingsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const today = dateInZone(new Date(), me ? userTimeZone(me) : 'Asia/Jakarta');
  const list = useQuery(trpc.settings.list.queryOptions());
  const kpiNow = list.data ? inForce(list.data.kpi, today) : null;
  const feeNow = list.data ? inForce(list.data.fee, today) : null;

  return (
    <section className="quota-page settings-page">
      <div className="toolbar">
        <h1>{t('settings.title')}</h1>
        <p className="muted">{t('settings.intro')}</p>
      </div>
      {list.error && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && <p className="muted">{t('app.loading')}</p>}
      {list.data && (
        <>
          <h2>{t('settings.kpiTitle')}</h2>
          <KpiTable versions={list.data.kpi} today={today} />
          <KpiAddForm
            key={`kpi-${list.data.kpi.length}`}
            base={kpiNow ?? list.data.kpi[list.data.kpi.length - 1]}
            today={today}
          />
          <h2>{t('settings.feeTitle')}</h2>
          <FeeTable versions={list.data.fee} today={today} />
          <FeeAddForm
            key={`fee-${list.data.fee.length}`}
            base={feeNow ?? list.data.fee[list.data.fee.length - 1]}
            today={today}
          />
        </>
      )}
    </section>
  );
}

function StatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge settings-${status}`} data-testid="settings-status" data-status={status}>
      {t(`settings.${status}`)}
    </span>
  );
}

function KpiTable({ versions, today }: { versions: readonly KpiSettings[]; today: string }) {
  const { t, lang } = useI18n();
  const status = versionStatus(versions, today);
  const pct = (n: number | undefined) => (n === undefined ? t('misc.dash') : `${formatFigure(n, lang)}%`);
  return (
    <div className="panel">
      <div className="table-wrap">
        <table className="table settings-table" data-testid="settings-kpi-table">
          <thead>
            <tr>
              <th>{t('settings.effectiveFrom')}</th>
              <th>{t('settings.status')}</th>
              {KPI_KEYS.map((k) => (
                <th key={k} className="num">
                  {t(WEIGHT_LABEL[k])}
                </th>
              ))}
              <th className="num">{t('settings.collectionPerMonth')}</th>
              <th className="num">{t('settings.meetingsPerMonth')}</th>
              <th className="num">{t('settings.reportDueDay')}</th>
              <th className="num">{t('settings.familiesVisited')}</th>
              <th className="num">{t('settings.threshold')}</th>
              <th className="num">{t('settings.collectionFloor')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.effectiveFrom} data-testid={`settings-kpi-row-${v.effectiveFrom}`} data-status={status.get(v)}>
                <td>{formatDate(v.effectiveFrom, lang)}</td>
                <td>
                  <StatusBadge status={status.get(v)!} />
                </td>
                {KPI_KEYS.map((k) => (
                  <td key={k} className="num" data-testid={`settings-kpi-weight-${k}`}>
                    {v.weights[k]}
                  </td>
                ))}
                <td className="num">{formatRupiah(v.targets.collectionPerMonth, lang)}</td>
                <td className="num">{v.targets.meetingsPerMonth}</td>
                <td className="num">{t('settings.reportDueDayValue', { day: v.targets.reportDueDay })}</td>
                <td className="num">{pct(v.targets.familiesVisitedShare * 100)}</td>
                <td className="num">{formatFigure(v.threshold, lang)}</td>
                <td className="num">{pct(v.floors.collection)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FeeTable({ versions, today }: { versions: readonly FeeSchedule[]; today: string }) {
  const { t, lang } = useI18n();
  const status = versionStatus(versions, today);
  return (
    <div className="panel">
      <div className="table-wrap">
        <table className="table settings-table" data-testid="settings-fee-table">
          <thead>
            <tr>
              <th>{t('settings.effectiveFrom')}</th>
              <th>{t('settings.status')}</th>
              <th>{t('settings.kind')}</th>
              <th>{t('settings.tiers')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr
                key={v.effectiveFrom}
                data-testid={`settings-fee-row-${v.effectiveFrom}`}
                data-status={status.get(v)}
                data-kind={v.kind}
              >
                <td>{formatDate(v.effectiveFrom, lang)}</td>
                <td>
                  <StatusBadge status={status.get(v)!} />
                </td>
                <td data-testid="settings-fee-kind">{t(`settings.kind.${v.kind}`)}</td>
                <td data-testid="settings-fee-tiers">
                  {v.tiers.map((tier, i) => (
                    <div key={i}>
                      {t('settings.tierLine', {
                        from: tier.fromMonths,
                        to: tier.toMonths,
                        rate: `${formatFigure(tier.rateBasisPoints / 100, lang)}%`,
                      })}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One labelled input with its error, testids `settings-field-<path>` / `settings-error-<path>`. */
function Field(props: { form: 'kpi' | 'fee'; path: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  const { form, path, label, error, hint, children } = props;
  return (
    <LabelledField
      htmlFor={`settings-${form}-${path}`}
      label={label}
      error={error}
      errorTestId={`settings-error-${path}`}
      hint={hint}
    >
      {children}
    </LabelledField>
  );
}

/**
 * An add form's state: its values (none until there is a version to start from), the browser's
 * and the server's field errors, the "saved" message and `touch` (an edit clears them all).
 */
function useAddForm<F>(initial: () => F | null, savedKey: 'settings.savedKpi' | 'settings.savedFee') {
  const { t, tm, lang } = useI18n();
  const [values, setValues] = useState<F | null>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const add = useAddSetting((date) => setSaved(t(savedKey, { date: formatDate(date, lang) })));
  const server = serverFieldErrors(add.error ? (kaderError(add.error)?.fields ?? []) : []);
  const errorOf = (path: string) => {
    const e = server[path] ?? errors[path];
    return e ? tm(e) : undefined;
  };
  const touch = () => {
    setSaved(null);
    setErrors({});
    if (add.error) add.reset();
  };
  return { values, setValues, errors, setErrors, saved, add, server, errorOf, touch };
}

/** The list after a change comes back from `settings.add`: straight into the cache. */
function useAddSetting(onSaved: (date: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.settings.add.mutationOptions({
      onSuccess: (lists, input) => {
        queryClient.setQueryData(trpc.settings.list.queryKey(), lists);
        void queryClient.invalidateQueries({ queryKey: trpc.settings.list.pathKey() });
        onSaved(String((input.value as { effectiveFrom?: unknown }).effectiveFrom ?? ''));
      },
    }),
  );
}

function KpiAddForm({ base, today }: { base: KpiSettings | undefined; today: string }) {
  const { t, lang } = useI18n();
  const { values, setValues, errors, setErrors, saved, add, server, errorOf, touch } = useAddForm(
    () => (base ? kpiFormFrom(base, firstOfNextMonth(today)) : null),
    'settings.savedKpi',
  );
  if (!values) return null;
  const input = (
    path: string,
    value: string,
    onChange: (v: string) => void,
    extra: { inputMode?: 'numeric' | 'decimal'; type?: string } = {},
  ) => (
    <input
      id={`settings-kpi-${path}`}
      data-testid={`settings-field-${path}`}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      value={value}
      aria-invalid={errorOf(path) ? true : undefined}
      onChange={(e) => {
        onChange(e.target.value);
        touch();
      }}
    />
  );
  const set = (patch: Partial<KpiForm>) => setValues((v) => (v ? { ...v, ...patch } : v));
  const sum = weightSum(values.weights);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkKpiForm(values, today);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate({ kind: 'kpi', value: checked.value });
  };
  const shownFields = new Set([
    'effectiveFrom',
    'weights',
    ...KPI_KEYS.flatMap((k) => [`weights.${k}`, `floors.${k}`]),
    'targets.collectionPerMonth',
    'targets.meetingsPerMonth',
    'targets.reportDueDay',
    'targets.familiesVisitedShare',
    'threshold',
  ]);
  const other = Object.entries({ ...errors, ...server }).filter(([p]) => !shownFields.has(p));
  return (
    <form className="panel settings-form" onSubmit={submit} noValidate data-testid="settings-kpi-add">
      <h3>{t('settings.add')}</h3>
      <p className="muted small">{t('settings.addKpiHint')}</p>
      <div className="form-grid">
        <Field form="kpi" path="effectiveFrom" label={t('settings.effectiveFrom')} error={errorOf('effectiveFrom')}>
          {input('effectiveFrom', values.effectiveFrom, (v) => set({ effectiveFrom: v }), { type: 'date' })}
        </Field>
      </div>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.weights')}</legend>
        <div className="form-grid">
          {KPI_KEYS.map((k) => (
            <Field form="kpi" key={k} path={`weights.${k}`} label={t(WEIGHT_LABEL[k])} error={errorOf(`weights.${k}`)}>
              {input(`weights.${k}`, values.weights[k], (v) => set({ weights: { ...values.weights, [k]: v } }), {
                inputMode: 'numeric',
              })}
            </Field>
          ))}
        </div>
        <p
          className={`settings-sum${sum === 100 ? ' ok' : ' off'}`}
          data-testid="settings-weight-sum"
          data-sum={sum}
          aria-live="polite"
        >
          {t('settings.weightSum', { sum: formatFigure(sum, lang) })}
        </p>
        <FieldError error={errorOf('weights')} testId="settings-error-weights" />
      </fieldset>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.targets')}</legend>
        <div className="form-grid">
          <Field
            form="kpi"
            path="targets.collectionPerMonth"
            label={`${t('settings.collectionPerMonth')} (Rp)`}
            error={errorOf('targets.collectionPerMonth')}
          >
            {input('targets.collectionPerMonth', values.collectionPerMonth, (v) => set({ collectionPerMonth: v }), {
              inputMode: 'numeric',
            })}
          </Field>
          <Field
            form="kpi"
            path="targets.meetingsPerMonth"
            label={t('settings.meetingsPerMonth')}
            error={errorOf('targets.meetingsPerMonth')}
          >
            {input('targets.meetingsPerMonth', values.meetingsPerMonth, (v) => set({ meetingsPerMonth: v }), {
              inputMode: 'numeric',
            })}
          </Field>
          <Field
            form="kpi"
            path="targets.reportDueDay"
            label={t('settings.reportDueDay')}
            error={errorOf('targets.reportDueDay')}
          >
            {input('targets.reportDueDay', values.reportDueDay, (v) => set({ reportDueDay: v }), { inputMode: 'numeric' })}
          </Field>
          <Field
            form="kpi"
            path="targets.familiesVisitedShare"
            label={`${t('settings.familiesVisited')} (%)`}
            hint={t('settings.familiesVisitedHint')}
            error={errorOf('targets.familiesVisitedShare')}
          >
            {input('targets.familiesVisitedShare', values.familiesVisitedPercent, (v) => set({ familiesVisitedPercent: v }), {
              inputMode: 'decimal',
            })}
          </Field>
          <Field form="kpi" path="threshold" label={t('settings.threshold')} error={errorOf('threshold')}>
            {input('threshold', values.threshold, (v) => set({ threshold: v }), { inputMode: 'decimal' })}
          </Field>
        </div>
      </fieldset>
      <fieldset className="settings-fieldset">
        <legend>{t('settings.floors')}</legend>
        <div className="form-grid">
          {KPI_KEYS.map((k) => (
            <Field form="kpi" key={k} path={`floors.${k}`} label={t(WEIGHT_LABEL[k])} error={errorOf(`floors.${k}`)}>
              {input(`floors.${k}`, values.floors[k], (v) => set({ floors: { ...values.floors, [k]: v } }), {
                inputMode: 'decimal',
              })}
            </Field>
          ))}
        </div>
      </fieldset>
      <OtherErrors errors={other} testId={(p) => `settings-error-${p || 'value'}`} />
      <FormFooter
        mutation={add}
        fieldErrors={server}
        saved={saved}
        testIds={{ saved: 'settings-saved', submit: 'settings-submit' }}
        labels={{ save: t('settings.save'), saving: t('settings.saving') }}
      />
    </form>
  );
}

function FeeAddForm({ base, today }: { base: FeeSchedule | undefined; today: string }) {
  const { t } = useI18n();
  const { values, setValues, errors, setErrors, saved, add, server, errorOf, touch } = useAddForm(
    () => (base ? feeFormFrom(base, firstOfNextMonth(today)) : null),
    'settings.savedFee',
  );
  if (!values) return null;
  const update = (patch: Partial<FeeForm>) => {
    setValues((v) => (v ? { ...v, ...patch } : v));
    touch();
  };
  const setTier = (i: number, key: keyof FeeForm['tiers'][number], value: string) =>
    update({ tiers: values.tiers.map((x, k) => (k === i ? { ...x, [key]: value } : x)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkFeeForm(values, today);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate({ kind: 'fee', value: checked.value });
  };
  const err = (path: string) => <FieldError error={errorOf(path)} testId={`settings-error-${path}`} />;
  const tierInput = (i: number, key: 'fromMonths' | 'toMonths' | 'ratePercent', label: string) => {
    const path = `tiers.${i}.${key === 'ratePercent' ? 'rateBasisPoints' : key}`;
    return (
      <Field form="fee" path={path} label={label} error={errorOf(path)}>
        <input
          id={`settings-fee-${path}`}
          data-testid={`settings-field-${path}`}
          inputMode={key === 'ratePercent' ? 'decimal' : 'numeric'}
          value={values.tiers[i]![key]}
          onChange={(e) => setTier(i, key, e.target.value)}
        />
      </Field>
    );
  };
  const known = new Set([
    'effectiveFrom',
    'kind',
    'tiers',
    ...values.tiers.flatMap((_, i) => ['fromMonths', 'toMonths', 'rateBasisPoints'].map((k) => `tiers.${i}.${k}`)),
  ]);
  const other = Object.entries({ ...errors, ...server }).filter(([p]) => !known.has(p));
  return (
    <form className="panel settings-form" onSubmit={submit} noValidate data-testid="settings-fee-add">
      <h3>{t('settings.add')}</h3>
      <p className="muted small">{t('settings.addFeeHint')}</p>
      <div className="form-grid">
        <Field form="fee" path="effectiveFrom" label={t('settings.effectiveFrom')} error={errorOf('effectiveFrom')}>
          <input
            id="settings-fee-effectiveFrom"
            type="date"
            data-testid="settings-field-effectiveFrom"
            value={values.effectiveFrom}
            onChange={(e) => update({ effectiveFrom: e.target.value })}
          />
        </Field>
        <Field form="fee" path="kind" label={t('settings.kind')} error={errorOf('kind')}>
          <select
            id="settings-fee-kind"
            data-testid="settings-field-kind"
            value={values.kind}
            onChange={(e) => update({ kind: e.target.value as FeeForm['kind'] })}
          >
            <option value="tiered">{t('settings.kind.tiered')}</option>
            <option value="flat">{t('settings.kind.flat')}</option>
          </select>
        </Field>
      </div>
      <fieldset className="settings-fieldset" data-testid="settings-tiers">
        <legend>{t('settings.tiers')}</legend>
        {values.tiers.map((_, i) => (
          <div key={i} className="settings-tier-row" data-testid={`settings-tier-${i}`}>
            {tierInput(i, 'fromMonths', t('settings.fromMonths'))}
            {tierInput(i, 'toMonths', t('settings.toMonths'))}
            {tierInput(i, 'ratePercent', t('settings.rate'))}
            {values.tiers.length > 1 && (
              <button
                type="button"
                className="btn btn-small"
                data-testid={`settings-tier-remove-${i}`}
                onClick={() => update({ tiers: values.tiers.filter((_, k) => k !== i) })}
              >
                {t('settings.removeTier')}
              </button>
            )}
          </div>
        ))}
        {err('tiers')}
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-small"
            data-testid="settings-tier-add"
            onClick={() => update({ tiers: [...values.tiers, nextTier(values.tiers)] })}
          >
            {t('settings.addTier')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="settings-flat25"
            onClick={() => update(flat25(values.effectiveFrom))}
          >
            {t('settings.flat25')}
          </button>
        </div>
      </fieldset>
      <OtherErrors errors={other} testId={(p) => `settings-error-${p || 'value'}`} />
      <FormFooter
        mutation={add}
        fieldErrors={server}
        saved={saved}
        testIds={{ saved: 'settings-saved', submit: 'settings-submit' }}
        labels={{ save: t('settings.save'), saving: t('settings.saving') }}
      />
    </form>
  );
}
