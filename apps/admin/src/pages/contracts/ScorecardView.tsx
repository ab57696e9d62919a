import type { KpiKey, Scorecard } from '@kader/workflow';
import { formatFigure, formatPercentValue, formatRupiah, type Lang } from '@kader/workflow';
import { useI18n } from '../../i18n';
import { RecommendationBadge } from './bits';
import { Table } from '../../components/Table';

/** A KPI's actual or target as a person reads it: rupiah, families, months, meetings. */
export function kpiValue(key: KpiKey, value: number, lang: Lang, t: ReturnType<typeof useI18n>['t']): string {
  switch (key) {
    case 'collection':
      return formatRupiah(value, lang);
    case 'visits':
      return t('score.familiesValue', { n: formatFigure(value, lang) });
    case 'reports':
      return t('score.reportsValue', { n: formatFigure(value, lang) });
    case 'attendance':
      return t('score.meetingsValue', { n: formatFigure(value, lang) });
  }
}

/**
 * The scorecard as @kader/workflow computed it on the server (nothing recomputed here): each KPI's
 * actual, target, % of target, weight, points and floor; the total against the threshold; the
 * recommendation with its explanation, each sentence a catalogue message in the reader's language.
 */
export function ScorecardView({ scorecard, testId = 'scorecard' }: { scorecard: Scorecard | null; testId?: string }) {
  const { t, td, tmsg, lang } = useI18n();
  if (!scorecard || scorecard.recommendation === null) {
    return (
      <div data-testid={testId} data-recommendation="none">
        <p className="muted">{t('score.none')}</p>
        <RecommendationBadge recommendation={null} testId={`${testId}-recommendation`} />
      </div>
    );
  }
  const ex = scorecard.explanation;
  const sentences = new Map(ex.kpis.map((k) => [k.key, k.sentence]));
  return (
    <div className="scorecard" data-testid={testId} data-recommendation={scorecard.recommendation} data-total={scorecard.total}>
      <Table
        className="scorecard-table"
        head={
          <>
            <th>{t('score.kpi')}</th>
            <th className="num">{t('score.actual')}</th>
            <th className="num">{t('score.target')}</th>
            <th className="num">{t('score.percent')}</th>
            <th className="num">{t('score.weight')}</th>
            <th className="num">{t('score.points')}</th>
            <th>{t('score.floor')}</th>
          </>
        }
        foot={
          <tr>
            <th>{t('score.total')}</th>
            <td colSpan={4} className="muted">
              {t('score.months', { n: scorecard.months.length })}
            </td>
            <td className="num" data-testid={`${testId}-total`}>
              <strong className={ex.passedThreshold ? 'ok' : 'bad'}>{formatFigure(scorecard.total, lang)}</strong>
            </td>
            <td data-testid={`${testId}-threshold`} data-passed={ex.passedThreshold}>
              {t('score.threshold', { threshold: formatFigure(scorecard.threshold, lang) })}
            </td>
          </tr>
        }
      >
        {scorecard.kpis.map((k) => (
          <tr key={k.key} data-testid={`${testId}-kpi-${k.key}`} data-passed={k.passedFloor} data-percent={k.percentOfTarget}>
            <td>{td(`kpi.${k.key}`, k.key)}</td>
            <td className="num">{kpiValue(k.key, k.actual, lang, t)}</td>
            <td className="num">{kpiValue(k.key, k.target, lang, t)}</td>
            <td className="num">{formatPercentValue(k.percentOfTarget, lang)}</td>
            <td className="num">{formatFigure(k.weight, lang)}</td>
            <td className="num">{formatFigure(k.points, lang)}</td>
            <td>
              {k.floor === null ? (
                <span className="muted">{t('score.noFloor')}</span>
              ) : (
                <span className={`pill ${k.passedFloor ? 'pill-ok' : 'pill-bad'}`}>
                  {formatPercentValue(k.floor, lang)} · {t(k.passedFloor ? 'score.passed' : 'score.failed')}
                </span>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <div className="recommendation">
        <strong>{t('score.recommendation')}:</strong>{' '}
        <RecommendationBadge recommendation={scorecard.recommendation} testId={`${testId}-recommendation`} />
        <p data-testid={`${testId}-summary`}>{tmsg(ex.summary)}</p>
        <details>
          <summary>{t('score.explanation')}</summary>
          <ul className="plain explanation">
            {scorecard.kpis.map((k) => (
              <li key={k.key} data-testid={`${testId}-sentence-${k.key}`} className={k.passedFloor ? '' : 'bad'}>
                {sentences.has(k.key) ? tmsg(sentences.get(k.key)!) : null}
              </li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
}
