import { formatDate, formatNumber } from '@kader/workflow/display';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import type { AppRouter } from '../../api/router';
import { ErrorBox } from '../../components/ErrorBox';
import { Table } from '../../components/Table';
import { type Key, useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { CadresChart, type Fill } from './CadresChart';
import { cadresCsv, cadresCsvFilename, underAgreementCsv, underAgreementCsvFilename } from './cadresCsv';
import { downloadCsv } from './download';
import { ReportHeader } from './ReportHeader';
import type { ReportProps } from './types';

export type CadresAnswer = inferRouterOutputs<AppRouter>['reports']['cadres'];
type Figures = CadresAnswer['years'][number];

/** How the year's agreements were made (the first chart), bottom to top. */
const MADE: readonly { key: 'recruited' | 'renewed'; label: Key; fill: Fill }[] = [
  { key: 'recruited', label: 'reports.cadres.recruited', fill: 'black' },
  { key: 'renewed', label: 'reports.cadres.renewed', fill: 'hatch' },
];
/** The table's first figures, in its order (the endings follow: ENDED). */
const MADE_COLUMNS = ['made', 'recruited', 'returners', 'renewed', 'renewedOn'] as const;
/** How they ended short of a renewal (the second chart), bottom to top; the names are the contract states'. */
const ENDED = [
  { key: 'dropped', fill: 'black' },
  { key: 'resigned', fill: 'hatch' },
  { key: 'terminated', fill: 'dots' },
  { key: 'lapsed', fill: 'grey' },
] as const satisfies readonly { key: keyof Figures; fill: Fill }[];

/**
 * Cadres per year (docs/reports.md "Cadres per year"): the agreements by the year they start — made
 * (recruited, renewed) and how they ended — as two charts and one table, the same per work area,
 * and the cadres under agreement on a date per work area (today in each branch's zone unless one is
 * chosen).
 */
export function CadresReport({ filter, headOffice }: ReportProps) {
  const { t, td, lang } = useI18n();
  const trpc = useTRPC();
  const [onDate, setOnDate] = useState<string | null>(null);
  const report = useQuery(trpc.reports.cadres.queryOptions({ ...filter, onDate }));
  const data = report.data;
  const made = data?.years.reduce((s, y) => s + y.made, 0) ?? 0;
  const n = (x: number) => formatNumber(x, lang);
  const endedLabel = (key: string) => td(`contractState.${key}`, key);
  const branchColumn = headOffice && filter.branchId === null;

  const figureCells = (f: Figures) => (
    <>
      {MADE_COLUMNS.map((key) => (
        <td key={key} className="num" data-col={key}>
          {n(f[key])}
        </td>
      ))}
      {ENDED.map((e) => (
        <td key={e.key} className="num" data-col={e.key}>
          {n(f[e.key])}
        </td>
      ))}
      <td className="num" data-col="running">
        {n(f.running)}
      </td>
    </>
  );
  const figureHeads = (
    <>
      <th scope="col">{t('reports.cadres.made')}</th>
      <th scope="col">{t('reports.cadres.recruited')}</th>
      <th scope="col">{t('reports.cadres.returners')}</th>
      <th scope="col">{t('reports.cadres.renewed')}</th>
      <th scope="col">{t('reports.cadres.renewedOn')}</th>
      {ENDED.map((e) => (
        <th key={e.key} scope="col">
          {endedLabel(e.key)}
        </th>
      ))}
      <th scope="col">{t('reports.cadres.running')}</th>
    </>
  );

  return (
    <div aria-busy={report.isFetching}>
      <ReportHeader
        title={t('reports.cadres')}
        intro={t('reports.cadres.intro')}
        csv={
          !data || made === 0
            ? null
            : () => ({ text: cadresCsv(data), filename: cadresCsvFilename(filter.fromYear, filter.toYear) })
        }
      />
      {report.error && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {report.isLoading && <p className="muted">{t('app.loading')}</p>}
      {data && made === 0 && (
        <p className="muted" data-testid="reports-empty">
          {t('reports.cadres.empty')}
        </p>
      )}
      {data && made > 0 && (
        <article className="panel cadres-years" data-testid="cadres-years">
          <div className="cadres-charts">
            <CadresChart
              testId="cadres-chart-made"
              title={t('reports.cadres.chart.made')}
              series={MADE.map((s) => ({ label: t(s.label), fill: s.fill }))}
              years={data.years.map((y) => ({ year: y.year, values: MADE.map((s) => y[s.key]) }))}
            />
            <CadresChart
              testId="cadres-chart-ended"
              title={t('reports.cadres.chart.ended')}
              series={ENDED.map((s) => ({ label: endedLabel(s.key), fill: s.fill }))}
              years={data.years.map((y) => ({ year: y.year, values: ENDED.map((s) => y[s.key]) }))}
            />
          </div>
          <Table
            className="cadres-table"
            testId="cadres-year-table"
            head={
              <>
                <th scope="col">{t('reports.cadres.year')}</th>
                {figureHeads}
              </>
            }
          >
            {data.years.map((y) => (
              <tr key={y.year} data-year={y.year}>
                <th scope="row">{y.year}</th>
                {figureCells(y)}
              </tr>
            ))}
          </Table>
          <h3>{t('reports.cadres.byArea.title')}</h3>
          <Table
            className="cadres-table"
            testId="cadres-area-table"
            head={
              <>
                <th scope="col">{t('reports.cadres.year')}</th>
                {branchColumn && <th scope="col">{t('reports.cadres.branch')}</th>}
                <th scope="col">{t('reports.cadres.area')}</th>
                {figureHeads}
              </>
            }
          >
            {data.areas.map((a) => (
              <tr key={`${a.year}-${a.workAreaId}`} data-year={a.year} data-area={a.regionCode ?? a.areaName}>
                <td>{a.year}</td>
                {branchColumn && <td>{a.branchName}</td>}
                <th scope="row">{a.regionCode ? `${a.areaName} (${a.regionCode})` : a.areaName}</th>
                {figureCells(a)}
              </tr>
            ))}
          </Table>
        </article>
      )}
      {data && (
        <article className="panel cadres-under" data-testid="cadres-under">
          <div className="report-head">
            <h3>{t('reports.cadres.under.title')}</h3>
            <div className="report-actions no-print">
              <label className="field-inline">
                <span>{t('reports.cadres.under.date')}</span>
                <input
                  type="date"
                  data-testid="cadres-under-date"
                  value={onDate ?? data.underAgreement.date ?? ''}
                  onChange={(e) => setOnDate(e.target.value || null)}
                  aria-describedby="cadres-under-hint"
                />
              </label>
              <button
                type="button"
                className="btn"
                data-testid="cadres-under-download"
                onClick={() =>
                  downloadCsv(underAgreementCsv(data.underAgreement.areas), underAgreementCsvFilename(data.underAgreement.date))
                }
              >
                {t('reports.cadres.under.download')}
              </button>
            </div>
          </div>
          <p id="cadres-under-hint" className="muted no-print">
            {t('reports.cadres.under.today')}
          </p>
          <p data-testid="cadres-under-total">
            {t('reports.cadres.under.total', {
              date:
                data.underAgreement.date === null
                  ? t('reports.cadres.under.eachToday')
                  : formatDate(data.underAgreement.date, lang, 'long'),
              n: n(data.underAgreement.total),
            })}
          </p>
          <Table
            className="cadres-table"
            testId="cadres-under-table"
            head={
              <>
                {branchColumn && <th scope="col">{t('reports.cadres.branch')}</th>}
                <th scope="col">{t('reports.cadres.area')}</th>
                <th scope="col">{t('reports.cadres.under.count')}</th>
              </>
            }
          >
            {data.underAgreement.areas.map((a) => (
              <tr key={a.workAreaId} data-area={a.regionCode ?? a.areaName}>
                {branchColumn && <td>{a.branchName}</td>}
                <th scope="row">{a.regionCode ? `${a.areaName} (${a.regionCode})` : a.areaName}</th>
                <td className="num" data-col="n">
                  {n(a.n)}
                </td>
              </tr>
            ))}
          </Table>
        </article>
      )}
    </div>
  );
}
