import { dateInZone } from '@kader/workflow/display';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { userTimeZone } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { Link, useSearch } from '@tanstack/react-router';
import { REPORT_KINDS } from './reports/reportKinds';
import './reports/reports.css';
import { BranchFilter } from '../components/BranchFilter';

/** Years offered: the programme began in 2017; a period may be planned for next year. */
const FIRST_YEAR = 2017;

/**
 * Laporan: one filter — branch (head office), work area by region code, a range of years — above
 * the reports' tabs (reports/reportKinds.ts, docs/reports.md); each report draws its chart, its
 * table and its CSV from that filter; the page prints on A4 (reports.css). Its own lazy chunk, like
 * every page but the board.
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
  const areas = useQuery(trpc.reports.areas.queryOptions({ branchId }));
  const { laporan } = useSearch({ from: '/signedIn/app/laporan' });
  const kind = REPORT_KINDS.find((r) => r.key === laporan) ?? REPORT_KINDS[0];
  const Report = kind.component;
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);
  const filter = { branchId, regionCode, fromYear, toYear: Math.max(fromYear, toYear) };

  return (
    <section className="reports">
      <div className="toolbar">
        <h1>{t('reports.title')}</h1>
      </div>
      <nav className="report-tabs no-print" aria-label={t('reports.title')}>
        {REPORT_KINDS.map((r) => (
          <Link
            key={r.key}
            to="/laporan"
            search={{ laporan: r.key }}
            className={r.key === kind.key ? 'active' : undefined}
            aria-current={r.key === kind.key ? 'page' : undefined}
            data-testid={`report-tab-${r.key}`}
          >
            {t(r.label)}
          </Link>
        ))}
      </nav>
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
            {(areas.data ?? []).map((a) => (
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
        <button type="button" className="btn" data-testid="reports-print" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </div>
      <Report filter={filter} headOffice={headOffice} />
    </section>
  );
}
