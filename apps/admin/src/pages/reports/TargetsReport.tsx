import { formatFigure, formatMonth, formatNumber, formatRupiah } from '@kader/workflow/display';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Table } from '../../components/Table';
import { type Key, useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { ReportHeader } from './ReportHeader';
import { type TargetLine, TargetsChart } from './TargetsChart';
import { type TargetFiguresRow, targetsCsv, targetsCsvFilename } from './targetsCsv';
import type { ReportProps } from './types';

const KPIS = ['visits', 'collection', 'reports', 'attendance'] as const;
const ORDERS = ['name', 'visits', 'collection', 'reports', 'attendance'] as const;
type Order = (typeof ORDERS)[number];

/**
 * Targets and achievement (docs/reports.md "Targets and achievement"): a line per KPI over the
 * years (or the months of a chosen year) against the 100 % target, and the same figures per year
 * or month, per work area and per cadre (a page at a time, lowest first on request).
 */
export function TargetsReport({ filter, headOffice }: ReportProps) {
  const { t, td, lang } = useI18n();
  const trpc = useTRPC();
  const [chosenYear, setYear] = useState<number | null>(null);
  const [order, setOrder] = useState<Order>('name');
  const [page, setPage] = useState(0);
  // a year chosen before the filter's years changed is forgotten rather than sent out of range
  const year = chosenYear !== null && chosenYear >= filter.fromYear && chosenYear <= filter.toYear ? chosenYear : null;
  const report = useQuery({
    ...trpc.reports.targets.queryOptions({ ...filter, year, cadreOrder: order, cadrePage: page }),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const n = (x: number) => formatNumber(x, lang);
  const pct = (x: number | null) => (x === null ? '—' : `${formatFigure(x, lang, 1)}%`);
  const kpiLabel = (k: (typeof KPIS)[number]) => td(`kpi.${k}`, k);
  const branchColumn = headOffice && filter.branchId === null;
  const years = Array.from({ length: filter.toYear - filter.fromYear + 1 }, (_, i) => filter.fromYear + i);

  const actual = (k: (typeof KPIS)[number], f: TargetFiguresRow) =>
    k === 'collection'
      ? t('reports.targets.actualOfTarget', {
          actual: formatRupiah(f.collection.actual, lang),
          target: formatRupiah(f.collection.target, lang),
        })
      : t('reports.targets.actualOfTarget', { actual: n(f[k].actual), target: formatFigure(f[k].target, lang, 2) });
  const heads = (
    <>
      <th scope="col">{t('reports.targets.cadres')}</th>
      <th scope="col">{t('reports.targets.monthsReported')}</th>
      {KPIS.map((k) => (
        <th key={k} scope="col">
          {kpiLabel(k)}
        </th>
      ))}
    </>
  );
  const cells = (f: TargetFiguresRow) => (
    <>
      <td className="num" data-col="cadres">
        {n(f.cadres)}
      </td>
      <td className="num" data-col="months">
        {n(f.months)}
      </td>
      {KPIS.map((k) => (
        <td key={k} className="num" data-col={k} title={actual(k, f)}>
          <strong>{pct(f[k].percent)}</strong>
          <span className="targets-of">{actual(k, f)}</span>
        </td>
      ))}
    </>
  );

  const points = data
    ? data.year === null
      ? data.years.map((y) => String(y.year))
      : data.months.map((m) => formatMonth(m.month, lang, 'short').split(' ')[0]!)
    : [];
  const series = data ? (data.year === null ? data.years : data.months) : [];
  const lines: TargetLine[] = KPIS.map((k) => ({ key: k, label: kpiLabel(k), values: series.map((p) => p[k].percent) }));
  const count = data?.cadres.count ?? 0;
  const pageSize = data?.cadres.pageSize ?? 50;
  const from = page * pageSize;

  return (
    <div aria-busy={report.isFetching}>
      <ReportHeader
        title={t('reports.targets')}
        intro={t('reports.targets.intro')}
        csv={
          data
            ? () => ({ text: targetsCsv(data), filename: targetsCsvFilename(filter.fromYear, filter.toYear, data.year) })
            : null
        }
      >
        <label className="targets-control">
          <span>{t('reports.targets.year')}</span>
          <select
            data-testid="targets-year"
            value={year ?? ''}
            onChange={(e) => {
              setYear(e.target.value === '' ? null : Number(e.target.value));
              setPage(0);
            }}
          >
            <option value="">{t('reports.targets.allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </ReportHeader>
      {report.error && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {report.isLoading && <p className="muted">{t('app.loading')}</p>}
      {data && (
        <>
          <section className="panel targets-section">
            {data.total.months === 0 && series.every((p) => p.months === 0) ? (
              <p className="muted" data-testid="reports-empty">
                {t('reports.targets.chart.noData')}
              </p>
            ) : (
              <TargetsChart
                title={
                  data.year === null ? t('reports.targets.chart.years') : t('reports.targets.chart.months', { year: data.year })
                }
                points={points}
                lines={lines}
              />
            )}
            <h3>{data.year === null ? t('reports.targets.byYear') : t('reports.targets.byMonth', { year: data.year })}</h3>
            <Table
              className="targets-table"
              testId="targets-periods"
              head={
                <>
                  <th scope="col">{data.year === null ? t('reports.targets.period') : t('reports.targets.month')}</th>
                  {heads}
                </>
              }
            >
              {data.year === null
                ? data.years.map((y) => (
                    <tr key={y.year} data-period={y.year}>
                      <th scope="row">{y.year}</th>
                      {cells(y)}
                    </tr>
                  ))
                : data.months.map((m) => (
                    <tr key={m.month} data-period={m.month}>
                      <th scope="row">{formatMonth(m.month, lang)}</th>
                      {cells(m)}
                    </tr>
                  ))}
            </Table>
          </section>

          <section className="panel targets-section">
            <h3>
              {t('reports.targets.byArea')} · {data.year ?? t('reports.targets.scopeAll')}
            </h3>
            {data.areas.length === 0 ? (
              <p className="muted">{t('reports.targets.none')}</p>
            ) : (
              <Table
                className="targets-table"
                testId="targets-areas"
                head={
                  <>
                    {branchColumn && <th scope="col">{t('reports.targets.branch')}</th>}
                    <th scope="col">{t('reports.targets.area')}</th>
                    {heads}
                  </>
                }
                foot={
                  <tr data-testid="targets-total">
                    {branchColumn && <td />}
                    <th scope="row">{t('reports.targets.total')}</th>
                    {cells(data.total)}
                  </tr>
                }
              >
                {data.areas.map((a) => (
                  <tr key={a.workAreaId} data-area={a.regionCode ?? a.name}>
                    {branchColumn && <td>{a.branchCode}</td>}
                    <th scope="row">{a.name}</th>
                    {cells(a)}
                  </tr>
                ))}
              </Table>
            )}
          </section>

          <section className="panel targets-section">
            <div className="targets-cadres-head">
              <h3>
                {t('reports.targets.byCadre')} · {data.year ?? t('reports.targets.scopeAll')}
              </h3>
              <label className="targets-control no-print">
                <span>{t('reports.targets.order')}</span>
                <select
                  data-testid="targets-order"
                  value={order}
                  onChange={(e) => {
                    setOrder(e.target.value as Order);
                    setPage(0);
                  }}
                >
                  {ORDERS.map((o) => (
                    <option key={o} value={o}>
                      {t(`reports.targets.order.${o}` as Key)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="muted">{t('reports.targets.pageNote', { size: pageSize })}</p>
            {count === 0 ? (
              <p className="muted">{t('reports.targets.none')}</p>
            ) : (
              <Table
                className="targets-table"
                testId="targets-cadres"
                head={
                  <>
                    <th scope="col">{t('reports.targets.cadre')}</th>
                    <th scope="col">{t('reports.targets.agreement')}</th>
                    <th scope="col">{t('reports.targets.area')}</th>
                    <th scope="col">{t('reports.targets.monthsReported')}</th>
                    {KPIS.map((k) => (
                      <th key={k} scope="col">
                        {kpiLabel(k)}
                      </th>
                    ))}
                  </>
                }
              >
                {data.cadres.rows.map((c) => (
                  <tr key={c.candidateId}>
                    <th scope="row">{c.name}</th>
                    <td>{c.agreementNumber}</td>
                    <td>{c.workArea}</td>
                    <td className="num">{n(c.months)}</td>
                    {KPIS.map((k) => (
                      <td key={k} className="num" data-col={k} title={actual(k, c)}>
                        <strong>{pct(c[k].percent)}</strong>
                        <span className="targets-of">{actual(k, c)}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </Table>
            )}
            {count > 0 && (
              <Pager>
                <button type="button" className="btn" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  {t('reports.targets.previous')}
                </button>
                <span data-testid="targets-page">
                  {t('reports.targets.page', {
                    from: n(from + 1),
                    to: n(Math.min(count, from + data.cadres.rows.length)),
                    count: n(count),
                  })}
                </span>
                <button type="button" className="btn" disabled={from + pageSize >= count} onClick={() => setPage(page + 1)}>
                  {t('reports.targets.next')}
                </button>
              </Pager>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function Pager({ children }: { children: ReactNode }) {
  return <div className="targets-pager no-print">{children}</div>;
}
