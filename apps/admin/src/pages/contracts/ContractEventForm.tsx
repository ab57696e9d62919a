import { contractEventSchemas, type ContractEventType } from '@kader/workflow';
import { useMemo, useState, type FormEvent } from 'react';
import {
  fieldsFromSchema,
  issuesByPath,
  validatePayload,
  valuesToPayload,
  type FieldIssue,
  type FormField,
  type FormValues,
} from '../../forms/schemaFields';
import { useI18n } from '../../i18n';

/** The events a person sends from the cadre page's forms (the decision has its own dialog). */
export const CONTRACT_FORM_EVENTS = ['RESIGN', 'TERMINATE'] as const satisfies readonly ContractEventType[];
export type ContractFormEvent = (typeof CONTRACT_FORM_EVENTS)[number];

export function isContractFormEvent(type: string): type is ContractFormEvent {
  return (CONTRACT_FORM_EVENTS as readonly string[]).includes(type);
}

const cache = new Map<ContractFormEvent, FormField[]>();
/** The fields of a contract event's form, from its schema in @kader/workflow. */
export function contractEventFields(type: ContractFormEvent): FormField[] {
  let fields = cache.get(type);
  if (!fields) {
    fields = fieldsFromSchema(contractEventSchemas[type]).filter((f) => f.kind !== 'list');
    cache.set(type, fields);
  }
  return fields;
}

/** The label of a reason code: `resignation.MOVED_AWAY`, `termination.ASKED_FOR_CASH`. */
export function contractOptionKey(type: ContractFormEvent, field: string, value: string): string {
  if (field === 'reasonCode') return `${type === 'RESIGN' ? 'resignation' : 'termination'}.${value}`;
  return `option.${value}`;
}

/** RESIGN / TERMINATE as forms generated from `contractEventSchemas` (validated with the same schema). */
export function ContractEventForm(props: {
  type: ContractFormEvent;
  pending: boolean;
  serverErrors: Record<string, string>;
  onSubmit: (payload: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const { type, pending, serverErrors, onSubmit, onCancel } = props;
  const { t, td, tm } = useI18n();
  const fields = useMemo(() => contractEventFields(type), [type]);
  const [values, setValues] = useState<FormValues>({});
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const label = td(`contractEvent.${type}`, type);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = valuesToPayload(fields, values);
    const result = validatePayload(contractEventSchemas[type], payload);
    setEdited(new Set());
    if (!result.ok) {
      setIssues(issuesByPath(result.issues));
      return;
    }
    setIssues({});
    onSubmit(payload);
  };

  const errorOf = (f: FormField): string | undefined => {
    if (edited.has(f.name)) return undefined;
    if (serverErrors[f.name]) return tm(serverErrors[f.name]!);
    const issue = issues[f.name];
    if (!issue) return undefined;
    if (issue.missing && (f.kind === 'select' || f.required)) return t('register.required');
    return tm(issue.message);
  };
  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setEdited((s) => new Set(s).add(name));
  };

  return (
    <form className="event-form" onSubmit={submit} noValidate data-testid={`contract-event-form-${type}`}>
      <h3>{label}</h3>
      <div className="form-grid">
        {fields.map((f) => {
          const id = `cev-${type}-${f.name}`;
          const error = errorOf(f);
          const value = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
          const common = {
            id,
            name: f.name,
            'data-testid': `contract-event-field-${f.name}`,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${id}-err` : undefined,
          } as const;
          return (
            <div key={f.name} className={`field${error ? ' has-error' : ''}${f.kind === 'textarea' ? ' wide' : ''}`}>
              <label htmlFor={id}>
                {td(`contractField.${f.name}`, f.name)}
                {!f.required && <span className="muted"> ({t('app.optional')})</span>}
              </label>
              {f.kind === 'select' ? (
                <select {...common} value={value} onChange={(e) => set(f.name, e.target.value)}>
                  <option value="">{t('app.choose')}</option>
                  {f.options?.map((o) => (
                    <option key={o} value={o}>
                      {td(contractOptionKey(type, f.name, o), o)}
                    </option>
                  ))}
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea {...common} rows={3} maxLength={f.maxLength} value={value} onChange={(e) => set(f.name, e.target.value)} />
              ) : (
                <input
                  {...common}
                  type={f.kind === 'number' ? 'number' : f.kind === 'date' || f.kind === 'month' || f.kind === 'time' ? f.kind : 'text'}
                  maxLength={f.maxLength}
                  value={value}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              )}
              {error && (
                <small id={`${id}-err`} className="field-error" data-testid={`contract-event-field-error-${f.name}`}>
                  {error}
                </small>
              )}
            </div>
          );
        })}
      </div>
      {issues[''] && <p className="field-error">{tm(issues['']!.message)}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" data-testid="contract-event-submit" disabled={pending}>
          {pending ? t('app.sending') : t('app.send')}
        </button>
        <button type="button" className="btn" data-testid="contract-event-cancel" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
