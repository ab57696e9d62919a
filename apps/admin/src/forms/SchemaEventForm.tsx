import { useState, type FormEvent } from 'react';
import { msg } from '@kader/workflow';
import type { ServerMessage } from '../api/errors';
import { useI18n } from '../i18n';
import { dateInputBounds, dateLimitIssues, type DateLimitsOf } from './dateLimits';
import {
  issuesByPath,
  validatePayload,
  valuesToPayload,
  type AnySchema,
  type FieldIssue,
  type FormField,
  type FormValues,
} from './schemaFields';

/**
 * An event's form generated from its schema (the fields come from `fieldsFromSchema`), checked in
 * the browser with the same schema the server validates with. The test ids are
 * `<testIdPrefix>-form-<type>`, `<testIdPrefix>-field-<name>`, `<testIdPrefix>-field-error-<name>`,
 * `<testIdPrefix>-submit` and `<testIdPrefix>-cancel`.
 */
export function SchemaEventForm(props: {
  type: string;
  schema: AnySchema;
  fields: FormField[];
  testIdPrefix: string;
  /** the prefix of the inputs' ids (`<idPrefix>-<type>-<name>`) */
  idPrefix: string;
  className: string;
  title: string;
  fieldLabel: (name: string) => string;
  optionLabel: (field: string, value: string) => string;
  /** a red submit button (a refusal, a withdrawal, an ending) */
  danger: boolean;
  pending: boolean;
  /** the server's field errors, keyed by payload path (`score`, `note`): `fieldErrors(k, 'event.')` */
  serverErrors: Record<string, ServerMessage>;
  onSubmit: (payload: Record<string, unknown>) => void;
  onCancel: () => void;
  /** Values to start from, e.g. the agreement number the branch's pattern suggests. */
  initial?: FormValues;
  /**
   * The server's date rules for this event (`eventDateLimits` with the branch's today and the
   * application's dates): bounds on the date inputs and a refusal before sending.
   */
  dateLimits?: DateLimitsOf;
}) {
  const { type, schema, fields, testIdPrefix, idPrefix, title, pending, serverErrors, onSubmit, onCancel } = props;
  const { t, tmsg } = useI18n();
  const [values, setValues] = useState<FormValues>(() => props.initial ?? {});
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [edited, setEdited] = useState<Set<string>>(new Set());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = valuesToPayload(fields, values);
    const result = validatePayload(schema, payload);
    setEdited(new Set());
    if (!result.ok) {
      setIssues(issuesByPath(result.issues));
      return;
    }
    const dateIssues = props.dateLimits ? dateLimitIssues(props.dateLimits(payload), payload) : [];
    if (dateIssues.length) {
      setIssues(issuesByPath(dateIssues));
      return;
    }
    setIssues({});
    // send what the person entered (the server applies the same defaults); parsed values for numbers
    onSubmit(payload);
  };

  const errorOf = (f: FormField): string | undefined => {
    if (edited.has(f.name)) return undefined;
    const server = serverErrors[f.name];
    if (server) return tmsg(server);
    const issue = issues[f.name];
    if (!issue) return undefined;
    if (issue.missing && (f.kind === 'select' || f.required)) {
      return f.kind === 'number' ? tmsg(issue.message) : tmsg(msg('FIELD_REQUIRED'));
    }
    return tmsg(issue.message);
  };
  const bounds = props.dateLimits ? dateInputBounds(props.dateLimits(values)) : {};
  // form-level issues (a refinement without a path) go above the buttons
  const formIssue = issues[''];

  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setEdited((s) => new Set(s).add(name));
  };

  return (
    <form className={props.className} onSubmit={submit} noValidate data-testid={`${testIdPrefix}-form-${type}`}>
      <h3>{title}</h3>
      {fields.length === 0 && <p>{t('app.confirmText', { action: title })}</p>}
      <div className="form-grid">
        {fields.map((f) => {
          const id = `${idPrefix}-${type}-${f.name}`;
          const error = errorOf(f);
          const common = {
            id,
            name: f.name,
            'data-testid': `${testIdPrefix}-field-${f.name}`,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${id}-err` : undefined,
          } as const;
          const value = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
          return (
            <div key={f.name} className={`field${error ? ' has-error' : ''}${f.kind === 'textarea' ? ' wide' : ''}`}>
              <label htmlFor={id}>
                {props.fieldLabel(f.name)}
                {!f.required && <span className="muted"> ({t('app.optional')})</span>}
              </label>
              {f.kind === 'select' ? (
                <select {...common} value={value} onChange={(e) => set(f.name, e.target.value)}>
                  <option value="">{t('app.choose')}</option>
                  {f.options?.map((o) => (
                    <option key={o} value={o}>
                      {props.optionLabel(f.name, o)}
                    </option>
                  ))}
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea
                  {...common}
                  rows={3}
                  maxLength={f.maxLength}
                  value={value}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              ) : f.kind === 'checkbox' ? (
                <input
                  {...common}
                  type="checkbox"
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, e.target.checked)}
                />
              ) : (
                <input
                  {...common}
                  type={f.kind === 'number' ? 'number' : f.kind}
                  step={f.kind === 'number' ? f.step : undefined}
                  min={f.kind === 'date' ? bounds[f.name]?.min : f.min}
                  max={f.kind === 'date' ? bounds[f.name]?.max : f.max}
                  inputMode={f.kind === 'number' ? 'decimal' : undefined}
                  maxLength={f.maxLength}
                  value={value}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              )}
              {error && (
                <small id={`${id}-err`} className="field-error" data-testid={`${testIdPrefix}-field-error-${f.name}`}>
                  {error}
                </small>
              )}
            </div>
          );
        })}
      </div>
      {formIssue && <p className="field-error">{tmsg(formIssue.message)}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`}
          data-testid={`${testIdPrefix}-submit`}
          disabled={pending}
        >
          {pending ? t('app.sending') : fields.length === 0 ? t('app.confirm') : t('app.send')}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid={`${testIdPrefix}-cancel`}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
