import { formatDate } from '@kader/workflow';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { ContractDetail } from '../api/types';
import { canDecideRenewal, canRecordMonths } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { DetailFrame, type Reload } from '../components/DetailFrame';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { chartSeries } from '../contracts/chart';
import { contractPayloadSummary } from '../contracts/history';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { CadreActions } from './cadre/CadreActions';
import { ChainPanel } from './cadre/ChainPanel';
import { IdentityPanel } from './cadre/IdentityPanel';
import { ContractStateBadge } from './contracts/bits';
import { FeesPanel } from './contracts/FeesPanel';
import { ImportPanel } from './contracts/ImportPanel';
import { MonthlyChart } from './contracts/MonthlyChart';
import { MonthsPanel } from './contracts/MonthsPanel';
import { ScorecardView } from './contracts/ScorecardView';

export function CadrePage() {
  const { id } = useParams({ from: '/signedIn/app/kader/$id' });
  const { t } = useI18n();
  const trpc = useTRPC();
  const contractId = Number(id);
  const valid = Number.isInteger(contractId) && contractId > 0;
  const detail = useQuery(trpc.contracts.get.queryOptions({ id: contractId }, { enabled: valid }));
  return (
    <DetailFrame valid={valid} query={detail} back={<Link to="/kader">{t('cadre.back')}</Link>}>
      {(data) => <Cadre detail={data} reload={() => detail.refetch()} reloading={detail.isFetching} />}
    </DetailFrame>
  );
}

function Cadre({ detail, reload, reloading }: { detail: ContractDetail } & Reload) {
  const { t, td, lang } = useI18n();
  const me = useMe();
  const role = me?.role ?? 'viewer';
  const c = detail.candidate;
  const mayRecord = canRecordMonths(role) && detail.canRecordMonths;
  const mayDecide = canDecideRenewal(role) && detail.canDecide;
  const series = useMemo(() => chartSeries(detail), [detail]);
  const chainIndex = detail.chain.findIndex((k) => k.id === detail.id);

  return (
    <article className="cadre" data-testid="cadre" data-contract-id={detail.id} data-state={detail.state}>
      <div className="app-head">
        <Link to="/kader" className="back">
          ← {t('cadre.back')}
        </Link>
        <h1>
          <span data-testid="cadre-name">{c.name}</span> <ContractStateBadge state={detail.state} testId="cadre-state" />
        </h1>
        <p className="muted">
          <span className="mono" data-testid="cadre-agreement">
            {detail.agreementNumber}
          </span>{' '}
          · {detail.branch.name} · {detail.workArea} · {formatDate(detail.startDate, lang)} – {formatDate(detail.endDate, lang)}
          {chainIndex >= 0 && <> · {t('cadre.chainYear', { n: chainIndex + 1 })}</>}
        </p>
      </div>

      <div className="app-grid">
        <div className="app-main">
          <CadreActions
            detail={detail}
            mayRecord={mayRecord}
            mayDecide={mayDecide}
            role={role}
            reload={reload}
            reloading={reloading}
          />

          <section className="panel" aria-labelledby="chart-title" data-testid="charts">
            <h2 id="chart-title">{t('chart.title')}</h2>
            <div className="charts">
              <MonthlyChart points={series.visits} title={t('chart.visits')} testId="chart-visits" />
              <MonthlyChart points={series.collection} title={t('chart.collection')} rupiah testId="chart-collection" />
            </div>
          </section>

          <section className="panel" aria-labelledby="score-title">
            <h2 id="score-title">{t('score.title')}</h2>
            <ScorecardView scorecard={detail.scorecard} />
          </section>
        </div>

        <aside className="app-side">
          <IdentityPanel detail={detail} />
          <ChainPanel detail={detail} />
        </aside>
      </div>

      {/* full width: the months' table and the fee statements need the room */}
      <MonthsPanel detail={detail} canRecord={mayRecord} reload={reload} reloading={reloading} />
      <FeesPanel detail={detail} />
      {mayRecord && <ImportPanel branchId={detail.branch.id} />}
      <HistoryTimeline
        entries={detail.history}
        timeZone={detail.branch.timeZone}
        testId="cadre-history"
        machine="contract"
        summary={(h) => contractPayloadSummary(h.type, h.payload, lang, td)}
      />
    </article>
  );
}
