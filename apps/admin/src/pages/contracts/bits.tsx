import type { RenewalChoice } from '@kader/workflow';
import { kaderError } from '../../api/errors';
import { errorText } from '../../components/ErrorBox';
import { formatFigure } from '@kader/workflow';
import { useI18n } from '../../i18n';

export function ContractStateBadge({ state, testId }: { state: string; testId?: string }) {
  const { td } = useI18n();
  return (
    <span className={`badge cbadge-${state}`} data-testid={testId} data-state={state}>
      {td(`contractState.${state}`, state)}
    </span>
  );
}

/** "Direkomendasikan diperpanjang" / "Tidak direkomendasikan"; nothing to recommend without data. */
export function RecommendationBadge({ recommendation, testId }: { recommendation: RenewalChoice | null; testId?: string }) {
  const { t } = useI18n();
  const key = recommendation === 'renew' ? 'rec.renew' : recommendation === 'drop' ? 'rec.drop' : 'rec.none';
  return (
    <span
      className={`pill ${recommendation === 'renew' ? 'pill-ok' : recommendation === 'drop' ? 'pill-bad' : ''}`}
      data-testid={testId}
      data-recommendation={recommendation ?? 'none'}
    >
      {t(key)}
    </span>
  );
}

/** "72,5 dari 100" and the recommendation badge. */
export function ScoreAndRecommendation(props: { score: number | null; recommendation: RenewalChoice | null; testId?: string }) {
  const { t, lang } = useI18n();
  const { score, recommendation, testId } = props;
  return (
    <span className="score-rec" data-testid={testId} data-score={score ?? ''} data-recommendation={recommendation ?? 'none'}>
      {score !== null && <span className="score">{t('cadres.scoreOf', { score: formatFigure(score, lang) })}</span>}{' '}
      <RecommendationBadge recommendation={recommendation} />
    </span>
  );
}

/**
 * A refused request on the contract pages: the standard reload message for CONFLICT, the
 * server's sentence (with `data-code`) otherwise.
 */
export function RefusalMessage(props: { error: unknown; onReload?: () => void; reloading?: boolean; testId?: string }) {
  const { t, tm } = useI18n();
  const { error, onReload, reloading, testId = 'error-message' } = props;
  const k = kaderError(error);
  if (k?.code === 'CONFLICT') {
    return (
      <div className="alert alert-warn" role="alert" data-testid={testId} data-code="CONFLICT">
        <span>{t('app.conflict')}</span>
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
        <p>{tm(k.message)}</p>
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <span>{errorText(error, tm, t('app.networkError'), t('app.unknownError'))}</span>
    </div>
  );
}
