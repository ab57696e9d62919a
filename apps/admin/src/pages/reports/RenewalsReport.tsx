import { formatDate, formatNumber, formatScore } from '@kader/workflow/display';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorBox } from '../../components/ErrorBox';
import { Table } from '../../components/Table';
import { type Key, useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { RenewalsChart } from './RenewalsChart';
import { RENEWAL_FIGURES, type RenewalYear, renewalsCsv, renewalsCsvFilename } from './renewalsCsv';
import { ReportHeader } from './ReportHeader';
import type { ReportProps } from './types';

/** The columns of the per-area and per-supervisor tables (the whole year's table has every figure). */
const SPLIT_FIGURES = [
  'decided',
  'renewed',
  'dropped',
  'followed',
  'overriddenToRenew',
  'overriddenToDrop',
  'justified',
  'decidedLate',
] as const;
const AREA_FIGURES = ['agreements', ...SPLIT_FIGURES, 'lapsed', 'pending'] as const;

/**
 * Renewal outcomes (docs/reports.md "Renewal outcomes"): per year of end date the decisions against
 * the recommendations, the scores they were made on (chart and table), per work area and per
 * supervisor, and the overrides with their justification.
 */
export function RenewalsReport({ filter }: ReportProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.renewals.queryOptions(filter));
  const years = (report.data?.years ?? []).filter((y) => y.figures.agreements > 0);
  return (
    <div aria-busy={report.isFetching}>
      <ReportHeader
        title={t('reports.renewals')}
        intro={t('reports.renewals.intro')}
        csv={
          years.length === 0
            ? null
            : () => ({ text: renewalsCsv(years), filename: renewalsCsvFilename(filter.fromYear, filter.toYear) })
        }
      />
      {report.error && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {report.isLoading && <p className="muted">{t('app.loading')}</p>}
      {report.data && years.length === 0 && (
        <p className="muted" data-testid="reports-empty">
          {t('reports.renewals.empty')}
        </p>
      )}
      {years.map((y) => (
        <RenewalYearPanel key={y.year} year={y} />
      ))}
    </div>
  );
}

function RenewalYearPanel({ year: y }: { year: RenewalYear }) {
  const { t, lang } = useI18n();
  const n = (x: number) => formatNumber(x, lang);
  const label = (f: string) => t(`reports.renewals.${f}` as Key);
  const short = (f: string) => t(`reports.renewals.short.${f}` as Key);
  return (
    <article className="panel renewals-year" data-testid={`renewals-year-${y.year}`} data-year={y.year}>
      <h3>{t('reports.renewals.year', { year: y.year })}</h3>
      <div className="renewals-body">
        <Table
          className="renewals-table"
          testId={`renewals-figures-${y.year}`}
          head={
            <>
              <th scope="col">{t('reports.renewals.figure')}</th>
              <th scope="col">{t('reports.count')}</th>
            </>
          }
        >
          {RENEWAL_FIGURES.map((f) => (
            <tr key={f} data-figure={f}>
              <th scope="row">{label(f)}</th>
              <td className="num">{n(y.figures[f])}</td>
            </tr>
          ))}
        </Table>
        <div>
          <h4>{t('reports.renewals.scores')}</h4>
          <RenewalsChart year={y} />
          <Table
            className="renewals-table"
            testId={`renewals-scores-${y.year}`}
            head={
              <>
                <th scope="col">{t('reports.renewals.scoreBin')}</th>
                <th scope="col">{t('reports.renewals.renewed')}</th>
                <th scope="col">{t('reports.renewals.dropped')}</th>
              </>
            }
          >
            {y.scores.bins.map((b) => (
              <tr key={b.from}>
                <th scope="row">{`${b.from}–${b.to}`}</th>
                <td className="num">{n(b.renew)}</td>
                <td className="num">{n(b.drop)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('reports.renewals.noScore')}</th>
              <td className="num">{n(y.scores.noScore.renew)}</td>
              <td className="num">{n(y.scores.noScore.drop)}</td>
            </tr>
          </Table>
          {y.scores.thresholds.map((th) => (
            <p key={th} className="muted">
              {t('reports.renewals.threshold', { threshold: formatScore(th, lang) })}
            </p>
          ))}
        </div>
      </div>

      <h4>{t('reports.renewals.byArea')}</h4>
      <Table
        className="renewals-table"
        testId={`renewals-areas-${y.year}`}
        head={
          <>
            <th scope="col">{t('reports.renewals.area')}</th>
            {AREA_FIGURES.map((f) => (
              <th key={f} scope="col" title={label(f)}>
                {short(f)}
              </th>
            ))}
          </>
        }
      >
        {y.areas.map((a) => (
          <tr key={`${a.branchId}-${a.workAreaId}`}>
            <th scope="row">
              {a.name}
              {a.regionCode && <span className="muted"> ({a.regionCode})</span>} <span className="muted">{a.branchCode}</span>
            </th>
            {AREA_FIGURES.map((f) => (
              <td key={f} className="num" data-col={f}>
                {n(a[f])}
              </td>
            ))}
          </tr>
        ))}
      </Table>

      {y.supervisors.length > 0 && (
        <>
          <h4>{t('reports.renewals.bySupervisor')}</h4>
          <Table
            className="renewals-table"
            testId={`renewals-supervisors-${y.year}`}
            head={
              <>
                <th scope="col">{t('reports.renewals.supervisor')}</th>
                {SPLIT_FIGURES.map((f) => (
                  <th key={f} scope="col" title={label(f)}>
                    {short(f)}
                  </th>
                ))}
              </>
            }
          >
            {y.supervisors.map((s) => (
              <tr key={s.username}>
                <th scope="row">
                  {s.name ?? s.username} <span className="muted">{s.username}</span>
                </th>
                {SPLIT_FIGURES.map((f) => (
                  <td key={f} className="num" data-col={f}>
                    {n(s[f])}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
        </>
      )}

      <h4>{t('reports.renewals.overrides')}</h4>
      <Overrides year={y} />
    </article>
  );
}

function Overrides({ year: y }: { year: RenewalYear }) {
  const { t, lang } = useI18n();
  const total = y.figures.overriddenToRenew + y.figures.overriddenToDrop;
  if (total === 0) return <p className="muted">{t('reports.renewals.overridesNone')}</p>;
  const choice = (c: 'renew' | 'drop') => t(c === 'renew' ? 'decision.renew' : 'decision.drop');
  return (
    <>
      {y.overrides.length < total && (
        <p className="muted">{t('reports.renewals.overridesShown', { shown: y.overrides.length, total })}</p>
      )}
      <Table
        className="renewals-table renewals-overrides"
        testId={`renewals-overrides-${y.year}`}
        head={
          <>
            <th scope="col">{t('reports.renewals.agreement')}</th>
            <th scope="col">{t('reports.renewals.area')}</th>
            <th scope="col">{t('reports.renewals.decision')}</th>
            <th scope="col">{t('reports.renewals.recommendation')}</th>
            <th scope="col">{t('reports.renewals.score')}</th>
            <th scope="col">{t('reports.renewals.reason')}</th>
            <th scope="col">{t('reports.renewals.by')}</th>
            <th scope="col">{t('reports.renewals.date')}</th>
          </>
        }
      >
        {y.overrides.map((o) => (
          <tr key={o.contractId}>
            <td>
              <Link to="/kader/$id" params={{ id: String(o.contractId) }}>
                {o.agreementNumber}
              </Link>
            </td>
            <td>{o.area}</td>
            <td>{choice(o.decision)}</td>
            <td>{choice(o.recommendation)}</td>
            <td className="num">{o.score === null ? '—' : formatScore(o.score, lang)}</td>
            <td className="renewals-reason">{o.reason}</td>
            <td>{o.by}</td>
            <td>
              {formatDate(o.date, lang)}
              {o.late && <span className="muted"> ({t('reports.renewals.late')})</span>}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
