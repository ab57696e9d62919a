import type { ReactNode } from 'react';
import { type MessageLike, useI18n } from '../i18n';
import { RefusalMessage } from './RefusalMessage';

/** A field's error under it (nothing without one). */
export function FieldError({ error, testId }: { error: string | undefined; testId: string }) {
  return error ? (
    <small className="field-error" data-testid={testId}>
      {error}
    </small>
  ) : null;
}

/** A labelled field: the label, the input, an optional hint and the field's error. */
export function LabelledField(props: {
  htmlFor: string;
  label: string;
  error?: string;
  errorTestId: string;
  hint?: string;
  children: ReactNode;
}) {
  const { htmlFor, label, error, errorTestId, hint, children } = props;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && <small className="hint">{hint}</small>}
      <FieldError error={error} testId={errorTestId} />
    </div>
  );
}

/** A select whose first option (value '') asks to choose; then `options`, each `[value, label]`. */
export function Select(props: {
  id: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  choose: string;
  options: readonly (readonly [value: string | number, label: string])[];
}) {
  const { id, testId, value, onChange, choose, options } = props;
  return (
    <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{choose}</option>
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** Problems on no field the form shows (path → catalogue message), each in a warning of its own. */
export function OtherErrors({ errors, testId }: { errors: [string, MessageLike][]; testId: (path: string) => string }) {
  const { tmsg } = useI18n();
  return (
    <>
      {errors.map(([p, m]) => (
        <p key={p} className="alert alert-warn" data-testid={testId(p)}>
          {tmsg(m)}
        </p>
      ))}
    </>
  );
}

/**
 * A form's buttons: submit (`<idPrefix>-submit`, its label changing while the form is sent) and,
 * given `onCancel`, cancel (`<idPrefix>-cancel`); anything else (a link back) after them.
 * The labels are "Kirim" / "Mengirim…" / "Batal" unless told.
 */
export function FormActions(props: {
  idPrefix: string;
  pending: boolean;
  /** the submit button is disabled while pending, and also when this says so */
  disabled?: boolean;
  /** across the whole `form-grid` */
  wide?: boolean;
  label?: string;
  pendingLabel?: string;
  onCancel?: () => void;
  cancelLabel?: string;
  children?: ReactNode;
}) {
  const { idPrefix, pending, disabled = false, wide = false, onCancel, children } = props;
  const { t } = useI18n();
  return (
    <div className={wide ? 'form-actions wide' : 'form-actions'}>
      <button type="submit" className="btn btn-primary" data-testid={`${idPrefix}-submit`} disabled={pending || disabled}>
        {pending ? (props.pendingLabel ?? t('app.sending')) : (props.label ?? t('app.send'))}
      </button>
      {onCancel && (
        <button type="button" className="btn" data-testid={`${idPrefix}-cancel`} onClick={onCancel}>
          {props.cancelLabel ?? t('app.cancel')}
        </button>
      )}
      {children}
    </div>
  );
}

/**
 * A form's end: the server's refusal when it names no field of the form, the "saved" message
 * (`savedTestId`, by default `<idPrefix>-saved`) and the submit button (`<idPrefix>-submit`)
 * labelled `<labels>.save`, `<labels>.saving` while the form is sent.
 */
export function FormFooter(props: {
  /** the form (`useCheckedForm`): its mutation, the server's field messages, the "saved" message */
  form: { mutation: { error: unknown; isPending: boolean }; server: Record<string, unknown>; saved: string | null };
  idPrefix: string;
  savedTestId?: string;
  labels: 'quota' | 'rules' | 'settings' | 'campaign';
}) {
  const { form, idPrefix, savedTestId = `${idPrefix}-saved`, labels } = props;
  const { mutation, server, saved } = form;
  const { t } = useI18n();
  return (
    <>
      {mutation.error != null && Object.keys(server).length === 0 && <RefusalMessage error={mutation.error} />}
      {saved && (
        <p className="alert alert-ok" role="status" data-testid={savedTestId}>
          {saved}
        </p>
      )}
      <FormActions
        idPrefix={idPrefix}
        pending={mutation.isPending}
        label={t(`${labels}.save`)}
        pendingLabel={t(`${labels}.saving`)}
      />
    </>
  );
}
