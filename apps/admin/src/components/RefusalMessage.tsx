import { kaderError } from '../api/errors';
import { useI18n } from '../i18n';
import { errorText } from './ErrorBox';

/**
 * A refused request under a form or an action: the standard reload message for CONFLICT, the
 * server's message in the user's language (with `data-code`, and the actions allowed now)
 * otherwise, or a network or unknown failure.
 */
export function RefusalMessage(props: { error: unknown; onReload?: () => void; reloading?: boolean; testId?: string }) {
  const { t, tmsg } = useI18n();
  const { error, onReload, reloading, testId = 'error-message' } = props;
  const k = kaderError(error);
  if (k?.code === 'CONFLICT') {
    return (
      <div className="alert alert-warn" role="alert" data-testid={testId} data-code="CONFLICT">
        <span>{tmsg(k)}</span>
        {onReload && (
          <button type="button" className="btn btn-small" onClick={onReload} disabled={reloading} data-testid="reload">
            {t('app.reload')}
          </button>
        )}
      </div>
    );
  }
  if (k) {
    return (
      <div className="alert alert-error" role="alert" data-testid={testId} data-code={k.code}>
        <p>{tmsg(k)}</p>
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <span>{errorText(error, tmsg, t('app.networkError'), t('app.unknownError'))}</span>
    </div>
  );
}
