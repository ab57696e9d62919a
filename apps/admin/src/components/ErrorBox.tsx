import { kaderError } from '../api/errors';
import { useI18n } from '../i18n';

/** A refused request or a failed load, as a sentence a person can act on. */
export function errorText(err: unknown, tm: (m: string) => string, fallbackNetwork: string, fallback: string): string {
  const k = kaderError(err);
  if (k?.message) return tm(k.message);
  if (err instanceof Error && /fetch|network|Failed to/i.test(err.message)) return fallbackNetwork;
  if (err instanceof Error && err.message) return tm(err.message);
  return fallback;
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tm } = useI18n();
  return (
    <div className="alert alert-error" role="alert" data-testid="error-message">
      <span>{errorText(error, tm, t('app.networkError'), t('app.unknownError'))}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
