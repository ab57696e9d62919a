import { formatDate, formatNumber, formatScore, zoneAbbreviation } from '@kader/workflow';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { BranchOption, Period } from '../api/types';
import { canManageQuota } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { ExportLinks } from '../components/ExportLinks';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { CampaignPanel } from './quota/CampaignPanel';
import { CreateBranchForm } from './quota/CreateBranchForm';
import { RulesFormPanel } from './quota/RulesFormPanel';
import { SetQuotaForm } from './quota/SetQuotaForm';
import { WorkAreasPanel } from './quota/WorkAreasPanel';
import { Table } from '../components/Table';

/** One branch's years, newest first, with places taken and left. */
export function quotaRows(branches: readonly BranchOption[], periods: readonly Period[]) {
  return branches.map((b) => ({
    branch: b,
    years: periods
      .filter((p) => p.branch.id === b.id)
      .sort((x, y) => y.year - x.year)
      .map((p) => ({
        id: p.id,
        year: p.year,
        quota: p.quota,
        used: p.quotaUsed,
        left: Math.max(0, p.quota - p.quotaUsed),
        writtenTestGrade: p.writtenTestGrade,
        interviewGrade: p.interviewGrade,
        period: p,
      })),
  }));
}

/**
 * Head office: each branch's quota per year; set a quota; open a branch. A branch's recruiters and
 * supervisors see their own branch's years and plan them (channels, quota per work area).
 */
export function QuotaPage() {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const headOffice = canManageQuota(useMe()?.role ?? '');
  const branches = useQuery(trpc.branches.list.queryOptions());
  const periods = useQuery(trpc.periods.list.queryOptions(undefined, { staleTime: 60_000 }));
  const rows = useMemo(() => quotaRows(branches.data ?? [], periods.data ?? []), [branches.data, periods.data]);
  const [preset, setPreset] = useState<{ branchId: number; year: number; quota: number; n: number } | null>(null);
  const [rulesFor, setRulesFor] = useState<{ periodId: number; n: number } | null>(null);
  const rulesPeriod = rulesFor ? periods.data?.find((p) => p.id === rulesFor.periodId) : undefined;
  const [campaignFor, setCampaignFor] = useState<{ periodId: number; n: number } | null>(null);
  // read from the list each time, so each form of the panel sends the revision last read
  const campaignPeriod = campaignFor ? periods.data?.find((p) => p.id === campaignFor.periodId) : undefined;
  const [areasFor, setAreasFor] = useState<{ branch: BranchOption; n: number } | null>(null);
  const areasButton = (branch: BranchOption) => (
    <button
      type="button"
      className="btn btn-small"
      data-testid={`work-areas-open-${branch.code}`}
      aria-expanded={areasFor?.branch.id === branch.id}
      onClick={() => setAreasFor({ branch, n: Date.now() })}
    >
      {t('workArea.open')}
    </button>
  );

  return (
    <section className="quota-page">
      <div className="toolbar">
        <h1>{t('quota.title')}</h1>
        <p className="muted">{t('quota.intro')}</p>
        <ExportLinks list="quota" filters={{}} />
      </div>
      {(branches.error || periods.error) && (
        <ErrorBox
          error={branches.error ?? periods.error}
          onRetry={() => {
            void branches.refetch();
            void periods.refetch();
          }}
        />
      )}
      {(branches.isLoading || periods.isLoading) && <p className="muted">{t('app.loading')}</p>}

      {branches.data && periods.data && (
        <div className="panel">
          <Table
            className="quota-table"
            testId="quota-table"
            head={
              <>
                <th>{t('quota.branch')}</th>
                <th>{t('quota.zone')}</th>
                <th className="num">{t('quota.year')}</th>
                <th className="num">{t('quota.quota')}</th>
                <th className="num">{t('quota.used')}</th>
                <th className="num">{t('quota.left')}</th>
                <th className="num">{t('rules.gradesColumn')}</th>
                <th>{t('campaign.windowColumn')}</th>
                <th aria-label={t('app.actions')} />
              </>
            }
          >
            {rows.flatMap(({ branch, years }) =>
              years.length === 0
                ? [
                    <tr key={`b${branch.id}`} data-testid={`quota-branch-${branch.code}`} data-branch-id={branch.id}>
                      <td>
                        <strong>{branch.name}</strong> <span className="muted mono">{branch.code}</span>
                      </td>
                      <td>{zoneAbbreviation(branch.timeZone)}</td>
                      <td colSpan={6} className="muted">
                        {t('quota.noPeriods')}
                      </td>
                      <td>{areasButton(branch)}</td>
                    </tr>,
                  ]
                : years.map((y, i) => (
                    <tr
                      key={y.id}
                      data-testid={`quota-row-${branch.code}-${y.year}`}
                      data-branch-id={branch.id}
                      data-year={y.year}
                      data-quota={y.quota}
                      data-used={y.used}
                      data-left={y.left}
                      data-written-grade={y.writtenTestGrade}
                      data-interview-grade={y.interviewGrade}
                    >
                      <td>
                        {i === 0 && (
                          <>
                            <strong>{branch.name}</strong> <span className="muted mono">{branch.code}</span>
                          </>
                        )}
                      </td>
                      <td>{i === 0 ? zoneAbbreviation(branch.timeZone) : ''}</td>
                      <td className="num">{y.year}</td>
                      <td className="num" data-testid="quota-quota">
                        {formatNumber(y.quota, lang)}
                      </td>
                      <td className="num" data-testid="quota-used">
                        {formatNumber(y.used, lang)}
                      </td>
                      <td className="num" data-testid="quota-left">
                        <b className={y.left === 0 ? 'quota-none' : undefined}>{formatNumber(y.left, lang)}</b>
                      </td>
                      <td className="num" data-testid="quota-grades">
                        <span data-testid="quota-written-grade">{formatScore(y.writtenTestGrade, lang)}</span> /{' '}
                        <span data-testid="quota-interview-grade">{formatScore(y.interviewGrade, lang)}</span>
                      </td>
                      <td data-testid="quota-window">
                        {y.period.registrationOpensOn && y.period.registrationClosesOn
                          ? t('campaign.windowShown', {
                              opens: formatDate(y.period.registrationOpensOn, lang, 'short'),
                              closes: formatDate(y.period.registrationClosesOn, lang, 'short'),
                            })
                          : '—'}
                      </td>
                      <td>
                        {headOffice && (
                          <button
                            type="button"
                            className="btn btn-small"
                            data-testid={`quota-edit-${branch.code}-${y.year}`}
                            onClick={() => setPreset({ branchId: branch.id, year: y.year, quota: y.quota, n: Date.now() })}
                          >
                            {t('quota.set')}
                          </button>
                        )}
                        {headOffice && (
                          <button
                            type="button"
                            className="btn btn-small"
                            data-testid={`rules-open-${y.id}`}
                            aria-expanded={rulesFor?.periodId === y.id}
                            onClick={() => setRulesFor({ periodId: y.id, n: Date.now() })}
                          >
                            {t('rules.open')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid={`campaign-open-${y.id}`}
                          aria-expanded={campaignFor?.periodId === y.id}
                          onClick={() => setCampaignFor({ periodId: y.id, n: Date.now() })}
                        >
                          {t('campaign.open')}
                        </button>
                        {i === 0 && areasButton(branch)}
                      </td>
                    </tr>
                  )),
            )}
          </Table>
        </div>
      )}

      {rulesFor && rulesPeriod && <RulesFormPanel key={rulesFor.n} period={rulesPeriod} onClose={() => setRulesFor(null)} />}
      {campaignFor && campaignPeriod && (
        <CampaignPanel
          key={campaignFor.n}
          period={campaignPeriod}
          canSetWindow={headOffice}
          onClose={() => setCampaignFor(null)}
        />
      )}

      {areasFor && (
        <WorkAreasPanel key={areasFor.n} branch={areasFor.branch} canEdit={headOffice} onClose={() => setAreasFor(null)} />
      )}

      {headOffice && (
        <div className="quota-forms">
          <SetQuotaForm key={preset?.n ?? 0} branches={branches.data ?? []} preset={preset} />
          <CreateBranchForm />
        </div>
      )}
    </section>
  );
}
