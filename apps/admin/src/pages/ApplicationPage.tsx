import { daysInStage } from '@kader/workflow';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ApplicationDetail } from '../api/types';
import { canEditCandidate, canWorkApplications } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { daysLabel, StateBadge } from '../components/bits';
import { DetailFrame, type Reload } from '../components/DetailFrame';
import { useI18n } from '../i18n';
import { usePagePeriod } from '../period';
import { useTRPC } from '../trpc';
import { ActionsPanel, useApplicationActions } from './application/ActionsPanel';
import { CandidatePanel, EarlierPanel } from './application/CandidatePanel';
import { StageData } from './application/StageData';
import { StateDiagram } from './application/StateDiagram';
import { Timeline } from './application/Timeline';

export function ApplicationPage() {
  const { id } = useParams({ from: '/signedIn/app/lamaran/$id' });
  const { t } = useI18n();
  const trpc = useTRPC();
  const appId = Number(id);
  const detail = useQuery(trpc.applications.get.queryOptions({ id: appId }, { enabled: Number.isInteger(appId) && appId > 0 }));
  return (
    <DetailFrame valid={Number.isInteger(appId) && appId > 0} query={detail} back={<Link to="/">{t('app.backToBoard')}</Link>}>
      {(data) => <Application detail={data} reload={() => detail.refetch()} reloading={detail.isFetching} />}
    </DetailFrame>
  );
}

/**
 * One application: the actions this person may take, what the selection recorded, the candidate,
 * their earlier applications, the flow diagram and the history. Each panel is its own file under
 * `application/`.
 */
function Application({
  detail,
  reload,
  reloading,
}: {
  detail: ApplicationDetail;
} & Reload) {
  const { t } = useI18n();
  const me = useMe();
  const role = me?.role ?? 'viewer';
  const tz = detail.period.branch.timeZone;
  // the header shows this application's period and quota, not the one chosen for the board
  usePagePeriod(detail.period);
  const actions = useApplicationActions(detail, role);
  const c = detail.candidate;
  const trpc = useTRPC();
  // the steps the diagram marks: their own small query, not the whole history
  const path = useQuery(trpc.applications.path.queryOptions({ id: detail.id }));

  return (
    <article className="application">
      <div className="app-head">
        <Link to="/" className="back">
          ← {t('app.backToBoard')}
        </Link>
        <h1>
          <span data-testid="candidate-name">{c.name}</span> <StateBadge state={detail.state} testId="state-badge" />
        </h1>
        <p className="muted">
          {t('app.title', { id: detail.id })} ·{' '}
          {t('period.option', { branch: detail.period.branch.name, year: detail.period.year })} · {detail.workArea.name} ·{' '}
          {t('app.inStage', { days: daysLabel(daysInStage(detail.stateEnteredAt, tz), t) })}
        </p>
      </div>

      <div className="app-grid">
        <div className="app-main">
          {!canWorkApplications(role) ? (
            <p className="panel muted" data-testid="read-only">
              {t('app.readOnly')}
            </p>
          ) : (
            <ActionsPanel detail={detail} actions={actions} reload={reload} reloading={reloading} />
          )}

          <StageData
            detail={detail}
            canTick={actions.canTick}
            pendingDoc={actions.pendingDoc}
            onTick={(code, verified) =>
              actions.doSend({ type: verified ? 'UNVERIFY_DOCUMENT' : 'VERIFY_DOCUMENT', payload: { document: code } })
            }
          />
        </div>

        <aside className="app-side">
          <CandidatePanel
            detail={detail}
            mayEdit={canEditCandidate(role, detail.canEditCandidate)}
            reload={reload}
            reloading={reloading}
          />
          <EarlierPanel detail={detail} />
        </aside>
      </div>

      {/* full width: the line of stages needs the room */}
      <section className="panel" aria-labelledby="diagram-title">
        <h2 id="diagram-title">{t('app.diagram')}</h2>
        <StateDiagram state={detail.state} path={path.data ?? []} />
      </section>

      <Timeline detail={detail} />
    </article>
  );
}
