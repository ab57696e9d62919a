import { formatFigure, formatNumber, formatPercent } from '@kader/workflow/display';
import { useQuery } from '@tanstack/react-query';
import { ErrorBox } from '../../components/ErrorBox';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { FunnelChart } from './FunnelChart';
import { funnelCsv, funnelCsvFilename } from './funnelCsv';
import { ReportHeader } from './ReportHeader';
import type { FunnelPeriod, ReportProps } from './types';

/**
 * The selection funnel (docs/reports.md "Selection funnel"): per period a chart and the table with
 * the same figures, the reasons of rejections and withdrawals, and the channels.
 */
export function FunnelReport({ filter }: ReportProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.funnel.queryOptions(filter));
  const periods = report.data?.periods ?? [];
  return (
    <div aria-busy={report.isFetching}>
      <ReportHeader
        title={t('reports.funnel')}
        intro={t('reports.funnel.intro')}
        csv={
          periods.length === 0
            ? null
            : () => ({ text: funnelCsv(periods), filename: funnelCsvFilename(filter.fromYear, filter.toYear) })
        }
      />
      {report.error && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {report.isLoading && <p className="muted">{t('app.loading')}</p>}
      {report.data && periods.length === 0 && (
        <p className="muted" data-testid="reports-empty">
          {t('reports.empty')}
        </p>
      )}
      {periods.map((p) => (
        <FunnelPeriodPanel key={p.periodId} period={p} />
      ))}
    </div>
  );
}

function FunnelPeriodPanel({ period: p }: { period: FunnelPeriod }) {
  const { t, td, lang } = useI18n();
  const days = (n: number | undefined) => (n === undefined ? '—' : formatFigure(n, lang, 1));
  const reasons = p.stages.flatMap((s) => [
    ...s.rejections.map((r) => ({ stage: s.stage, kind: 'rejection', ...r })),
    ...s.withdrawals.map((r) => ({ stage: s.stage, kind: 'withdrawal', ...r })),
  ]);
  return (
    <article
      className="panel funnel-period"
      data-testid={`funnel-period-${p.periodId}`}
      data-branch={p.branchCode}
      data-year={p.year}
    >
      <h3>{t('reports.period', { branch: p.branchName, year: p.year })}</h3>
      <p>
        {t('reports.registered')}: <strong data-testid="funnel-registered">{formatNumber(p.registered, lang)}</strong> ·{' '}
        {t('reports.active')}: <strong data-testid="funnel-active">{formatNumber(p.active, lang)}</strong>
      </p>
      <div className="funnel-body">
        <FunnelChart period={p} />
        <Table
          className="funnel-table"
          testId={`funnel-table-${p.periodId}`}
          head={
            <>
              <th scope="col">{t('reports.stage')}</th>
              <th scope="col">{t('reports.reached')}</th>
              <th scope="col">{t('reports.passed')}</th>
              <th scope="col">{t('reports.passRate')}</th>
              <th scope="col">{t('reports.inStage')}</th>
              <th scope="col">{t('reports.rejected')}</th>
              <th scope="col">{t('reports.withdrawn')}</th>
              <th scope="col">{t('reports.daysMedian')}</th>
              <th scope="col">{t('reports.daysP90')}</th>
            </>
          }
        >
          {p.stages.map((s) => (
            <tr key={s.stage} data-stage={s.stage}>
              <th scope="row">{td(`state.${s.stage}`, s.stage)}</th>
              <td className="num" data-col="reached">
                {formatNumber(s.reached, lang)}
              </td>
              <td className="num" data-col="passed">
                {formatNumber(s.passed, lang)}
              </td>
              <td className="num">{s.passRate === null ? '—' : formatPercent(s.passRate, lang)}</td>
              <td className="num">{formatNumber(s.inStage, lang)}</td>
              <td className="num">{formatNumber(s.rejected, lang)}</td>
              <td className="num">{formatNumber(s.withdrawn, lang)}</td>
              <td className="num">{days(s.days?.median)}</td>
              <td className="num">{days(s.days?.p90)}</td>
            </tr>
          ))}
        </Table>
      </div>
      <p data-testid="funnel-to-active">
        {p.toActive
          ? t('reports.toActive', { median: days(p.toActive.median), p90: days(p.toActive.p90), n: p.toActive.n })
          : t('reports.toActiveNone')}
      </p>
      <div className="funnel-lists">
        <div>
          <h4>{t('reports.reasons')}</h4>
          {reasons.length === 0 ? (
            <p className="muted">{t('reports.reasonsNone')}</p>
          ) : (
            <Table
              head={
                <>
                  <th scope="col">{t('reports.stage')}</th>
                  <th scope="col">{t('reports.reasons')}</th>
                  <th scope="col">{t('reports.count')}</th>
                </>
              }
            >
              {reasons.map((r) => (
                <tr key={`${r.stage}-${r.kind}-${r.reasonCode}`}>
                  <td>{td(`state.${r.stage}`, r.stage)}</td>
                  <td>
                    {td(`state.${r.kind === 'rejection' ? 'rejected' : 'withdrawn'}`, r.kind)}:{' '}
                    {td(`${r.kind}.${r.reasonCode}`, r.reasonCode)}
                  </td>
                  <td className="num">{formatNumber(r.n, lang)}</td>
                </tr>
              ))}
            </Table>
          )}
        </div>
        <div>
          <h4>{t('reports.channels')}</h4>
          <Table
            head={
              <>
                <th scope="col">{t('reports.channels')}</th>
                <th scope="col">{t('reports.count')}</th>
              </>
            }
          >
            {p.channels.map((c) => (
              <tr key={c.channel ?? 'none'}>
                <td>{c.channel === null ? t('reports.channelUnknown') : td(`channel.${c.channel}`, c.channel)}</td>
                <td className="num">{formatNumber(c.n, lang)}</td>
              </tr>
            ))}
          </Table>
        </div>
      </div>
    </article>
  );
}
