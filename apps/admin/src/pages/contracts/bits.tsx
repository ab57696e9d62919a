import { formatFigure, type RenewalChoice } from '@kader/workflow';
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
