import { dateInZone, formatBasisPoints, formatDate, formatMonth, formatNumber, MONTH_NAMES } from '@kader/workflow/display';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { FeesChart } from './FeesChart';
import { type FeeCadre, type FeeReport, type FeeTotals, feesCsv, feesCsvFilename } from './feesCsv';
import { ReportHeader } from './ReportHeader';
import type { ReportProps } from './types';

/** Months offered: the programme began in 2017. */
const FIRST_YEAR = 2017;

type Schedule = NonNullable<FeeReport['schedule']>;

/**
 * The fee payout (docs/reports.md "Fee payout"): for one month, every cadre's fee by arrears-age
 * tier with the flagged lines, totals per area and branch, a CSV for finance (one line per cadre,
 * no NIK), and each year's monthly totals as bars. Head office over every branch sees the
 * branches' totals first and opens one branch's cadres (a bounded answer).
 */
export function FeesReport({ filter, headOffice }: ReportProps) {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  // null: the server's default, last month on the branch's calendar
  const [month, setMonth] = useState<string | null>(null);
  // head office's branch opened from the branches' totals (when the filter is every branch); it
  // belongs to the filter it was opened under, so another branch or area choice closes it
  const scope = `${filter.branchId}|${filter.regionCode}`;
  const [openedIn, setOpenedIn] = useState<{ scope: string; branchId: number } | null>(null);
  const opened = openedIn?.scope === scope ? openedIn.branchId : null;
  const setOpened = (id: number | null) => setOpenedIn(id === null ? null : { scope, branchId: id });
  const branchId = filter.branchId ?? opened;
  const report = useQuery(trpc.reports.fees.queryOptions({ ...filter, branchId, month }));
  const data = report.data;
  const shown = month ?? data?.month ?? null;
  // an answer with cadre lines is one branch's (a branch user's own, or the one chosen or opened)
  const branch = data?.cadres ? data.branches[0] : undefined;

  return (
    <div aria-busy={report.isFetching}>
      <ReportHeader
        title={t('reports.fees')}
        intro={t('reports.fees.intro')}
        csv={
          data?.cadres && data.cadres.length > 0 && branch
            ? () => ({ text: feesCsv(data, branch.code), filename: feesCsvFilename(branch.code, data.month) })
            : null
        }
      >
        <MonthPicker value={shown} onChange={setMonth} />
      </ReportHeader>
      {report.error && <ErrorBox error={report.error} onRetry={() => void report.refetch()} />}
      {report.isLoading && <p className="muted">{t('app.loading')}</p>}
      {data && (
        <>
          <h3 data-testid="fees-month" data-month={data.month}>
            {t('reports.fees.heading', { month: formatMonth(data.month, lang) })}
            {branch ? ` — ${branch.name}` : ''}
          </h3>
          {data.schedule ? (
            <p className="muted">{t('reports.fees.schedule', { date: formatDate(data.schedule.effectiveFrom, lang) })}</p>
          ) : (
            <p className="muted">{t('reports.fees.noSchedule')}</p>
          )}
          {headOffice && filter.branchId === null && opened !== null && (
            <button type="button" className="btn no-print" data-testid="fees-all-branches" onClick={() => setOpened(null)}>
              {t('reports.fees.allBranches')}
            </button>
          )}
          {data.schedule && data.cadres === null && <BranchesTable report={data} schedule={data.schedule} onOpen={setOpened} />}
          {data.schedule && data.cadres !== null && data.cadres.length === 0 && (
            <p className="muted" data-testid="reports-empty">
              {t('reports.fees.empty')}
            </p>
          )}
          {data.schedule && data.cadres && data.cadres.length > 0 && branch && (
            <>
              <CadresTable cadres={data.cadres} areas={branch.areas} totals={branch.totals} schedule={data.schedule} />
              <FlaggedLines cadres={data.cadres} />
            </>
          )}
          {data.years.map((y) => (
            <YearPanel key={y.year} year={y} chosenMonth={data.month} />
          ))}
        </>
      )}
    </div>
  );
}

/** Month and year as two lists (a month input is not offered by every tablet's browser). */
function MonthPicker({ value, onChange }: { value: string | null; onChange: (month: string) => void }) {
  const { t, lang } = useI18n();
  const thisYear = Number(dateInZone(new Date(), 'Asia/Jakarta').slice(0, 4));
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);
  const [y, m] = value ? value.split('-') : [String(thisYear), '01'];
  return (
    <>
      <label className="field-inline">
        <span>{t('reports.fees.monthPick')}</span>
        <select data-testid="fees-month-pick" value={m} disabled={!value} onChange={(e) => onChange(`${y}-${e.target.value}`)}>
          {MONTH_NAMES[lang].long.map((name, i) => (
            <option key={name} value={String(i + 1).padStart(2, '0')}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('reports.fees.yearPick')}</span>
        <select data-testid="fees-year-pick" value={y} disabled={!value} onChange={(e) => onChange(`${e.target.value}-${m}`)}>
          {years.map((year) => (
            <option key={year} value={String(year)}>
              {year}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The tier columns' titles: `2–6 bln (7%)`. */
function useTierLabel() {
  const { t, lang } = useI18n();
  return (tier: Schedule['tiers'][number]) =>
    t('reports.fees.tier', { from: tier.fromMonths, to: tier.toMonths, rate: formatBasisPoints(tier.rateBasisPoints, lang) });
}

/** The amount cells of one line: per tier collected and fee, flagged, collected, fee. */
function AmountCells({ totals }: { totals: FeeTotals }) {
  const { lang } = useI18n();
  const n = (x: number) => formatNumber(x, lang);
  return (
    <>
      {totals.tiers.map((tier, i) => (
        // the schedule's tiers, in its fixed order: the position is the column
        <Fragment key={i}>
          <td className="num">{n(tier.collected)}</td>
          <td className="num">{n(tier.fee)}</td>
        </Fragment>
      ))}
      <td className="num" data-col="flagged">
        {totals.flagged.lines === 0 ? '—' : `${n(totals.flagged.lines)} · ${n(totals.flagged.amount)}`}
      </td>
      <td className="num" data-col="collected">
        {n(totals.collected)}
      </td>
      <td className="num" data-col="fee">
        <strong>{n(totals.fee)}</strong>
      </td>
    </>
  );
}

function AmountHeads({ schedule }: { schedule: Schedule }) {
  const { t } = useI18n();
  const tierLabel = useTierLabel();
  return (
    <>
      {schedule.tiers.map((tier) => (
        <Fragment key={tier.fromMonths}>
          <th scope="col">{t('reports.fees.tierCollected', { tier: tierLabel(tier) })}</th>
          <th scope="col">{t('reports.fees.tierFee', { tier: tierLabel(tier) })}</th>
        </Fragment>
      ))}
      <th scope="col">{t('reports.fees.flagged')}</th>
      <th scope="col">{t('reports.fees.collected')}</th>
      <th scope="col">{t('reports.fees.fee')}</th>
    </>
  );
}

function BranchesTable({ report, schedule, onOpen }: { report: FeeReport; schedule: Schedule; onOpen: (id: number) => void }) {
  const { t, lang } = useI18n();
  return (
    <Table
      className="fees-table"
      testId="fees-branches"
      head={
        <>
          <th scope="col">{t('reports.filter.branch')}</th>
          <th scope="col">{t('reports.fees.cadres')}</th>
          <AmountHeads schedule={schedule} />
          <th scope="col" className="no-print">
            <span className="sr-only">{t('reports.fees.showCadres')}</span>
          </th>
        </>
      }
      foot={
        <tr data-testid="fees-total">
          <th scope="row">{t('reports.fees.total')}</th>
          <td className="num">{formatNumber(report.totals.cadres, lang)}</td>
          <AmountCells totals={report.totals} />
          <td className="no-print" />
        </tr>
      }
    >
      {report.branches.map((b) => (
        <tr key={b.branchId} data-branch={b.code}>
          <th scope="row">{b.name}</th>
          <td className="num">{formatNumber(b.totals.cadres, lang)}</td>
          <AmountCells totals={b.totals} />
          <td className="no-print">
            <button
              type="button"
              className="btn btn-small"
              data-testid={`fees-open-${b.code}`}
              onClick={() => onOpen(b.branchId)}
            >
              {t('reports.fees.showCadres')}
            </button>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The branch's cadres by area, each area closed by its total, the branch's total at the foot. */
function CadresTable({
  cadres,
  areas,
  totals,
  schedule,
}: {
  cadres: FeeCadre[];
  areas: FeeReport['branches'][number]['areas'];
  totals: FeeTotals;
  schedule: Schedule;
}) {
  const { t } = useI18n();
  return (
    <Table
      className="fees-table"
      testId="fees-cadres"
      head={
        <>
          <th scope="col">{t('reports.fees.agreement')}</th>
          <th scope="col">{t('reports.fees.name')}</th>
          <AmountHeads schedule={schedule} />
        </>
      }
      foot={
        <tr data-testid="fees-total">
          <th scope="row" colSpan={2}>
            {t('reports.fees.total')}
          </th>
          <AmountCells totals={totals} />
        </tr>
      }
    >
      {areas.map((area) => (
        <Fragment key={area.workAreaId}>
          <tr className="fees-area-head">
            <th scope="colgroup" colSpan={2 + schedule.tiers.length * 2 + 3}>
              {area.name}
            </th>
          </tr>
          {cadres
            .filter((c) => c.workAreaId === area.workAreaId)
            .map((c) => (
              <tr key={c.contractId} data-agreement={c.agreementNumber}>
                <td className="fees-agreement">{c.agreementNumber}</td>
                <td>{c.name}</td>
                <AmountCells totals={c.totals} />
              </tr>
            ))}
          <tr className="fees-area-total" data-area={area.name}>
            <th scope="row" colSpan={2}>
              {t('reports.fees.areaTotal', { area: area.name })}
            </th>
            <AmountCells totals={area.totals} />
          </tr>
        </Fragment>
      ))}
    </Table>
  );
}

/** Every line that earns nothing, with its reason: shown and counted, not hidden in a total. */
function FlaggedLines({ cadres }: { cadres: FeeCadre[] }) {
  const { t, td, lang } = useI18n();
  const lines = cadres.flatMap((c) => c.flaggedLines.map((l, i) => ({ ...l, cadre: c, key: `${c.contractId}-${i}` })));
  return (
    <div className="fees-flagged">
      <h4 data-testid="fees-flagged-count">{t('reports.fees.flaggedLines', { n: lines.length })}</h4>
      {lines.length > 0 && (
        <Table
          testId="fees-flagged"
          head={
            <>
              <th scope="col">{t('reports.fees.agreement')}</th>
              <th scope="col">{t('reports.fees.name')}</th>
              <th scope="col">{t('reports.fees.arrears')}</th>
              <th scope="col">{t('reports.fees.amount')}</th>
              <th scope="col">{t('reports.fees.flag')}</th>
            </>
          }
        >
          {lines.map((l) => (
            <tr key={l.key}>
              <td>{l.cadre.agreementNumber}</td>
              <td>{l.cadre.name}</td>
              <td className="num">{t('reports.fees.arrearsValue', { n: l.arrearsMonths })}</td>
              <td className="num">{formatNumber(l.amount, lang)}</td>
              <td>{td(`flag.${l.flag}`, l.flag)}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}

/** A year's chart beside its table of months. */
function YearPanel({ year, chosenMonth }: { year: FeeReport['years'][number]; chosenMonth: string }) {
  const { t, lang } = useI18n();
  return (
    <article className="panel fees-year" data-testid={`fees-year-${year.year}`}>
      <h4>{t('reports.fees.chart.title', { year: year.year })}</h4>
      <div className="fees-body">
        <FeesChart year={year} chosenMonth={chosenMonth} />
        <Table
          className="fees-table"
          head={
            <>
              <th scope="col">{t('reports.fees.monthPick')}</th>
              <th scope="col">{t('reports.fees.cadres')}</th>
              <th scope="col">{t('reports.fees.collected')}</th>
              <th scope="col">{t('reports.fees.fee')}</th>
            </>
          }
        >
          {year.months.map((m) => (
            <tr key={m.month} data-month={m.month}>
              <th scope="row">{formatMonth(m.month, lang)}</th>
              <td className="num">{formatNumber(m.cadres, lang)}</td>
              <td className="num">{formatNumber(m.collected, lang)}</td>
              <td className="num" data-col="fee">
                {formatNumber(m.fee, lang)}
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </article>
  );
}
