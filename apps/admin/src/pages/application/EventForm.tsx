import { recruitmentEventSchemas, type RecruitmentEventType } from '@kader/workflow';
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

export function isEventType(type: string): type is RecruitmentEventType {
  return Object.prototype.hasOwnProperty.call(recruitmentEventSchemas, type);
}

/** The fields of an event's form, derived once per type from its schema. */
const fieldCache = new Map<RecruitmentEventType, FormField[]>();
export function eventFields(type: RecruitmentEventType): FormField[] {
  let fields = fieldCache.get(type);
  if (!fields) {
    fields = fieldsFromSchema(recruitmentEventSchemas[type]);
    fieldCache.set(type, fields);
  }
  return fields;
}

/** The label of an enum value in an event form: documents, rejection or withdrawal reasons. */
export function useOptionLabel() {
  const { td } = useI18n();
  return (type: string, field: string, value: string): string => {
    if (field === 'document') return td(`doc.${value}`, value);
    if (field === 'reasonCode') return td(`${type === 'WITHDRAW' ? 'withdrawal' : 'rejection'}.${value}`, value);
    return td(`option.${value}`, value);
  };
}

export function EventForm(props: {
  type: RecruitmentEventType;
  pending: boolean;
  /** the server's field errors, keyed by payload path (`score`, `note`) */
  serverErrors: Record<string, string>;
  onSubmit: (payload: Record<string, unknown>) => void;
  onCancel: () => void;
  /** Values to start from, e.g. the agreement number the branch's pattern suggests. */
  initial?: FormValues;
}) {
  const { type, pending, serverErrors, onSubmit, onCancel } = props;
  const { t, td, tm } = useI18n();
  const optionLabel = useOptionLabel();
  const schema = recruitmentEventSchemas[type];
  const fields = useMemo(() => eventFields(type), [type]);
  const [values, setValues] = useState<FormValues>(() => props.initial ?? {});
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const actionLabel = td(`event.${type}`, type);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = valuesToPayload(fields, values);
    const result = validatePayload(schema, payload);
    if (!result.ok) {
      setIssues(issuesByPath(result.issues));
      setEdited(new Set());
      return;
    }
    setIssues({});
    setEdited(new Set());
    // send what the person entered (the server applies the same defaults); parsed values for numbers
    onSubmit(payload);
  };

  const errorOf = (f: FormField): string | undefined => {
    if (edited.has(f.name)) return undefined;
    const server = serverErrors[f.name];
    if (server) return tm(server);
    const issue = issues[f.name];
    if (!issue) return undefined;
    if (issue.missing && (f.kind === 'select' || f.required)) {
      return f.kind === 'number' ? tm(issue.message) : t('register.required');
    }
    return tm(issue.message);
  };
  // form-level issues (a refinement without a path) go above the buttons
  const formIssue = issues[''];

  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setEdited((s) => new Set(s).add(name));
  };

  return (
    <form className={`event-form event-form-${type}`} onSubmit={submit} noValidate data-testid={`event-form-${type}`}>
      <h3>{actionLabel}</h3>
      {fields.length === 0 && <p>{t('app.confirmText', { action: actionLabel })}</p>}
      <div className="form-grid">
        {fields.map((f) => {
          const id = `ev-${type}-${f.name}`;
          const error = errorOf(f);
          const common = {
            id,
            name: f.name,
            'data-testid': `event-field-${f.name}`,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${id}-err` : undefined,
          } as const;
          const value = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
          return (
            <div key={f.name} className={`field${error ? ' has-error' : ''}${f.kind === 'textarea' ? ' wide' : ''}`}>
              <label htmlFor={id}>
                {td(`eventField.${f.name}`, f.name)}
                {!f.required && <span className="muted"> ({t('app.optional')})</span>}
              </label>
              {f.kind === 'select' ? (
                <select {...common} value={value} onChange={(e) => set(f.name, e.target.value)}>
                  <option value="">{t('app.choose')}</option>
                  {f.options?.map((o) => (
                    <option key={o} value={o}>
                      {optionLabel(type, f.name, o)}
                    </option>
                  ))}
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea {...common} rows={3} maxLength={f.maxLength} value={value} onChange={(e) => set(f.name, e.target.value)} />
              ) : f.kind === 'checkbox' ? (
                <input {...common} type="checkbox" checked={values[f.name] === true} onChange={(e) => set(f.name, e.target.checked)} />
              ) : (
                <input
                  {...common}
                  type={f.kind === 'number' ? 'number' : f.kind}
                  step={f.kind === 'number' ? f.step : undefined}
                  min={f.min}
                  max={f.max}
                  inputMode={f.kind === 'number' ? 'decimal' : undefined}
                  maxLength={f.maxLength}
                  value={value}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              )}
              {error && (
                <small id={`${id}-err`} className="field-error" data-testid={`event-field-error-${f.name}`}>
                  {error}
                </small>
              )}
            </div>
          );
        })}
      </div>
      {formIssue && <p className="field-error">{tm(formIssue.message)}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${type === 'REJECT' || type === 'WITHDRAW' ? 'btn-danger' : 'btn-primary'}`}
          data-testid="event-submit"
          disabled={pending}
        >
          {pending ? t('app.sending') : fields.length === 0 ? t('app.confirm') : t('app.send')}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid="event-cancel">
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
