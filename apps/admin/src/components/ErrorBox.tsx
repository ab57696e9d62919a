import { kaderError } from '../api/errors';
import { type I18n, useI18n } from '../i18n';

/** A refused request or a failed load, as a sentence a person can act on. */
export function errorText(err: unknown, tmsg: I18n['tmsg'], fallbackNetwork: string, fallback: string): string {
  const k = kaderError(err);
  if (k && (k.reason || k.message)) return tmsg(k);
  if (err instanceof Error && /fetch|network|Failed to/i.test(err.message)) return fallbackNetwork;
  // anything else (a bug, an answer that is not ours) says so in the user's language
  return fallback;
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tmsg } = useI18n();
  return (
    <div className="alert alert-error" role="alert" data-testid="error-message">
      <span>{errorText(error, tmsg, t('app.networkError'), t('app.unknownError'))}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
