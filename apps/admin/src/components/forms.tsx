import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { RefusalMessage } from '../pages/contracts/bits';

/** A field's error under it (nothing without one). */
export function FieldError({ error, testId }: { error: string | undefined; testId: string }) {
  return error ? (
    <small className="field-error" data-testid={testId}>
      {error}
    </small>
  ) : null;
}

/** A labelled field: the label, the input, an optional hint and the field's error. */
export function LabelledField(props: { htmlFor: string; label: string; error?: string; errorTestId: string; hint?: string; children: ReactNode }) {
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

/** Errors on no field the form shows (path → message key), each in a warning of its own. */
export function OtherErrors({ errors, testId }: { errors: [string, string][]; testId: (path: string) => string }) {
  const { tm } = useI18n();
  return (
    <>
      {errors.map(([p, m]) => (
        <p key={p} className="alert alert-warn" data-testid={testId(p)}>
          {tm(m)}
        </p>
      ))}
    </>
  );
}

/**
 * A form's end: the server's refusal when it names no field of the form, the "saved" message and
 * the submit button.
 */
export function FormFooter(props: {
  error: unknown;
  fieldErrors: Record<string, unknown>;
  saved: string | null;
  savedTestId: string;
  submitTestId: string;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  const { error, fieldErrors, saved, savedTestId, submitTestId, pending, label, pendingLabel } = props;
  return (
    <>
      {error != null && Object.keys(fieldErrors).length === 0 && <RefusalMessage error={error} />}
      {saved && (
        <p className="alert alert-ok" role="status" data-testid={savedTestId}>
          {saved}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid={submitTestId} disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      </div>
    </>
  );
}
