import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrors, kaderError, type ServerMessage } from '../../api/errors';
import type { ContractDetail } from '../../api/types';
import { FormActions } from '../../components/forms';
import { RefusalMessage } from '../../components/RefusalMessage';
import { monthLabel } from '../../contracts/chart';
import {
  checkMonth,
  COLLECTION_FIELDS,
  emptyCollection,
  formPath,
  MONTH_FIELDS,
  type MonthFormValues,
  monthPayload,
  type MonthProblem,
  RUPIAH_FIELDS,
} from '../../contracts/monthForm';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { useContractInvalidation } from './DecideDialog';
import type { Reload } from '../../components/DetailFrame';

/** The month being written: a new one (`month` null) or a recorded one at the revision it was read. */
export type Editing = { month: string | null; revision: number | null; values: MonthFormValues };

/** The form to add a month or edit one: fields from the schema, collections as rows, checked here and by the server. */
export function MonthForm(
  props: {
    detail: ContractDetail;
    editing: Editing;
    onCancel: () => void;
    onSaved: (month: string) => void;
  } & Reload,
) {
  const { detail, editing, reload, reloading, onCancel, onSaved } = props;
  const { t, td, tmsg, lang } = useI18n();
  const trpc = useTRPC();
  const invalidate = useContractInvalidation();
  const [values, setValues] = useState<MonthFormValues>(editing.values);
  const [errors, setErrors] = useState<Record<string, MonthProblem>>({});
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [revision, setRevision] = useState<number | null>(editing.revision);
  // after "Muat ulang" on a conflict: take the month's latest revision, keep what was typed
  const [syncRevision, setSyncRevision] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a reload after a conflict takes the latest revision
  useEffect(() => {
    if (!syncRevision) return;
    const month = editing.month ?? values.fields.month;
    setRevision(detail.months.find((m) => m.month === month)?.revision ?? null);
    setSyncRevision(false);
  }, [syncRevision, detail]);

  const record = useMutation(
    trpc.contracts.recordMonth.mutationOptions({
      onSuccess: (next, vars) => {
        invalidate(next);
        onSaved(String(vars.record.month));
      },
    }),
  );
  const err = record.error ? kaderError(record.error) : null;
  const server = fieldErrors(err, 'record.');
  const serverByFormPath: Record<string, ServerMessage> = {};
  for (const [path, message] of Object.entries(server)) serverByFormPath[formPath(path, values)] = message;

  const isNew = editing.month === null;
  const takenMonth = isNew && revision === null && detail.months.some((m) => m.month === values.fields.month);

  // the server's message on the field, else the schema's found here; none once the field is edited
  const errorOf = (path: string): string | undefined => {
    if (edited.has(path)) return undefined;
    const problem = serverByFormPath[path] ?? errors[path]?.message;
    return problem ? tmsg(problem) : undefined;
  };

  const touch = (path: string) => setEdited((s) => new Set(s).add(path));
  const setField = (name: string, value: string) => {
    setValues((v) => ({ ...v, fields: { ...v.fields, [name]: value } }));
    touch(name);
  };
  const setCollection = (index: number, name: 'arrearsMonths' | 'amount', value: string) => {
    setValues((v) => ({ ...v, collections: v.collections.map((c, i) => (i === index ? { ...c, [name]: value } : c)) }));
    touch(`collections.${index}.${name}`);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (takenMonth) return;
    const checked = checkMonth(values);
    setEdited(new Set());
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    record.mutate({ contractId: detail.id, revision, record: monthPayload(values) });
  };

  const title = isNew ? t('months.formNew') : t('months.formEdit', { month: monthLabel(editing.month!, lang, { long: true }) });
  const monthMin = detail.startDate.slice(0, 7);
  const monthMax = detail.endDate.slice(0, 7);

  return (
    <form className="month-form event-form" onSubmit={submit} noValidate data-testid="month-form" data-new={isNew}>
      <h3>{title}</h3>
      <div className="form-grid">
        {MONTH_FIELDS.map((f) => {
          const id = `month-${f.name}`;
          const error = errorOf(f.name) ?? (f.name === 'month' && takenMonth ? t('months.monthTaken') : undefined);
          const value = typeof values.fields[f.name] === 'string' ? (values.fields[f.name] as string) : '';
          return (
            <div key={f.name} className={`field${error ? ' has-error' : ''}`}>
              <label htmlFor={id}>
                {td(`monthField.${f.name}`, f.name)}
                {!f.required && f.name !== 'familiesAssigned' && <span className="muted"> ({t('app.optional')})</span>}
              </label>
              <input
                id={id}
                name={f.name}
                data-testid={`month-field-${f.name}`}
                type={f.kind === 'number' ? 'number' : f.kind === 'month' || f.kind === 'date' ? f.kind : 'text'}
                inputMode={f.kind === 'number' ? 'numeric' : undefined}
                step={f.kind === 'number' ? f.step : undefined}
                min={f.kind === 'month' ? monthMin : f.min}
                max={f.kind === 'month' ? monthMax : f.max}
                readOnly={f.name === 'month' && !isNew}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-err` : undefined}
                value={value}
                onChange={(e) => setField(f.name, e.target.value)}
              />
              {error && (
                <small id={`${id}-err`} className="field-error" data-testid={`month-field-error-${f.name}`}>
                  {error}
                </small>
              )}
            </div>
          );
        })}
      </div>

      <fieldset className="collections" data-testid="month-collections">
        <legend>{td('monthField.collections', 'collections')}</legend>
        <p className="hint">{t('months.collectionsHint')}</p>
        {values.collections.length === 0 && <p className="muted">{t('months.noCollections')}</p>}
        {values.collections.map((c, i) => (
          <div className="collection-row" key={i} data-testid={`month-collection-${i}`}>
            {COLLECTION_FIELDS.map((f) => {
              const path = `collections.${i}.${f.name}`;
              const id = `month-${path}`;
              const error = errorOf(path);
              const rupiah = RUPIAH_FIELDS.has(f.name);
              return (
                <div key={f.name} className={`field${error ? ' has-error' : ''}`}>
                  <label htmlFor={id}>{td(`monthField.${f.name}`, f.name)}</label>
                  {rupiah ? (
                    <span className="rupiah-input">
                      <span aria-hidden="true">{t('money.currency')}</span>
                      <input
                        id={id}
                        type="text"
                        inputMode="numeric"
                        placeholder="1.250.000"
                        data-testid={`month-collection-${i}-${f.name}`}
                        aria-invalid={error ? true : undefined}
                        value={c[f.name as 'amount']}
                        onChange={(e) => setCollection(i, f.name as 'amount', e.target.value)}
                      />
                    </span>
                  ) : (
                    <input
                      id={id}
                      type="number"
                      inputMode="numeric"
                      step={1}
                      min={f.min}
                      max={f.max}
                      data-testid={`month-collection-${i}-${f.name}`}
                      aria-invalid={error ? true : undefined}
                      value={c[f.name as 'arrearsMonths']}
                      onChange={(e) => setCollection(i, f.name as 'arrearsMonths', e.target.value)}
                    />
                  )}
                  {error && (
                    <small className="field-error" data-testid={`month-field-error-${path}`}>
                      {error}
                    </small>
                  )}
                </div>
              );
            })}
            <button
              type="button"
              className="btn btn-small"
              data-testid={`month-collection-remove-${i}`}
              onClick={() => {
                setValues((v) => ({ ...v, collections: v.collections.filter((_, k) => k !== i) }));
                setErrors({});
              }}
            >
              {t('months.removeCollection')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          data-testid="month-collection-add"
          onClick={() => setValues((v) => ({ ...v, collections: [...v.collections, emptyCollection()] }))}
        >
          {t('months.addCollection')}
        </button>
        {errorOf('collections') && <small className="field-error">{errorOf('collections')}</small>}
      </fieldset>

      {record.error && Object.keys(server).length === 0 && (
        <RefusalMessage
          error={record.error}
          onReload={() => {
            // the latest revision of this month, then the same values can be saved again
            void reload().then(() => {
              record.reset();
              setSyncRevision(true);
            });
          }}
          reloading={reloading}
        />
      )}
      {record.error && Object.keys(server).length > 0 && err && (
        <p className="field-error" data-testid="month-form-error">
          {tmsg(err)}
        </p>
      )}
      <FormActions idPrefix="month" pending={record.isPending} onCancel={onCancel} />
    </form>
  );
}
