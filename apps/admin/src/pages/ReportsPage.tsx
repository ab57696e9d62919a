import { dateInZone, formatFigure, formatNumber, formatPercent } from '@kader/workflow/display';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { userTimeZone } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { Table } from '../components/Table';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { FunnelChart } from './reports/FunnelChart';
import { funnelCsv, funnelCsvFilename } from './reports/funnelCsv';
import type { FunnelPeriod } from './reports/types';
import './reports/reports.css';
import { BranchFilter } from '../components/BranchFilter';

/** Years offered: the programme began in 2017; a period may be planned for next year. */
const FIRST_YEAR = 2017;

/** Hands the browser a file made here (the table shown), as a download. */
function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * Laporan: the selection funnel (docs/reports.md), filtered by branch (head office), work area by
 * region code and a range of years; per period a chart and the table with the same figures, a CSV
 * of the table and print on A4 (reports.css). Its own lazy chunk, like every page but the board.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const headOffice = me?.branch == null;
  const thisYear = Number(dateInZone(new Date(), me ? userTimeZone(me) : 'Asia/Jakarta').slice(0, 4));
  const [branchId, setBranchId] = useState<number | null>(null);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [fromYear, setFromYear] = useState(thisYear);
  const [toYear, setToYear] = useState(thisYear);
  const report = useQuery(
    trpc.reports.funnel.queryOptions({ branchId, regionCode, fromYear, toYear: Math.max(fromYear, toYear) }),
  );
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);
  const periods = report.data?.periods ?? [];

  return (
    <section className="reports" aria-busy={report.isFetching}>
      <div className="toolbar">
        <h1>{t('reports.title')}</h1>
        <h2 className="reports-subtitle">{t('reports.funnel')}</h2>
        <p className="muted">{t('reports.funnel.intro')}</p>
      </div>
      <div className="filters panel no-print" data-testid="reports-filters">
        {headOffice && (
          <BranchFilter
            label={t('reports.filter.branch')}
            allLabel={t('reports.filter.allBranches')}
            testId="reports-filter-branch"
            value={branchId}
            onChange={(id) => {
              setBranchId(id);
              setRegionCode(null);
            }}
          />
        )}
        <label className="field-inline">
          <span>{t('reports.filter.area')}</span>
          <select
            data-testid="reports-filter-area"
            value={regionCode ?? ''}
            onChange={(e) => setRegionCode(e.target.value || null)}
          >
            <option value="">{t('reports.filter.allAreas')}</option>
            {(report.data?.areas ?? []).map((a) => (
              <option key={`${a.branchId}-${a.regionCode}`} value={a.regionCode}>
                {`${a.name} (${a.regionCode})`}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('reports.filter.fromYear')}</span>
          <select data-testid="reports-filter-from" value={fromYear} onChange={(e) => setFromYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('reports.filter.toYear')}</span>
          <select data-testid="reports-filter-to" value={toYear} onChange={(e) => setToYear(Number(e.target.value))}>
            {years
              .filter((y) => y >= fromYear)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          data-testid="reports-download"
          disabled={periods.length === 0}
          onClick={() => download(funnelCsv(periods), funnelCsvFilename(fromYear, Math.max(fromYear, toYear)))}
        >
          {t('reports.download')}
        </button>
        <button type="button" className="btn" data-testid="reports-print" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </div>
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
    </section>
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
