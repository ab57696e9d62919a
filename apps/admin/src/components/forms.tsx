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
 * A form's end: the server's refusal when it names no field of the form, the "saved" message and
 * the submit button.
 */
export function FormFooter(props: {
  /** the form's mutation: its refusal and whether it is under way */
  mutation: { error: unknown; isPending: boolean };
  fieldErrors: Record<string, unknown>;
  saved: string | null;
  /** the test ids of the "saved" message and of the submit button */
  testIds: { saved: string; submit: string };
  /** the submit button's label, and its label while saving */
  labels: { save: string; saving: string };
}) {
  const { mutation, fieldErrors, saved, testIds, labels } = props;
  const { error, isPending: pending } = mutation;
  return (
    <>
      {error != null && Object.keys(fieldErrors).length === 0 && <RefusalMessage error={error} />}
      {saved && (
        <p className="alert alert-ok" role="status" data-testid={testIds.saved}>
          {saved}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid={testIds.submit} disabled={pending}>
          {pending ? labels.saving : labels.save}
        </button>
      </div>
    </>
  );
}
