import type { RenewalChoice } from '@kader/workflow';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { fieldErrors, kaderError } from '../api/errors';
import type { ContractDetail } from '../api/types';
import { canDecideRenewal, canRecordMonths } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { DetailFrame } from '../components/DetailFrame';
import { chartSeries } from '../contracts/chart';
import { contractPayloadSummary } from '../contracts/history';
import { formatDate, formatDateTime, formatNik, formatNumber, formatPhone } from '@kader/workflow';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { RevealNikButton, useNikReveal } from './application/NikReveal';
import { RefusalMessage } from '../components/RefusalMessage';
import { ContractStateBadge, RecommendationBadge } from './contracts/bits';
import { ContractEventForm, isContractFormEvent, type ContractFormEvent } from './contracts/ContractEventForm';
import { DecideDialog, useContractInvalidation } from './contracts/DecideDialog';
import { FeesPanel } from './contracts/FeesPanel';
import { ImportPanel } from './contracts/ImportPanel';
import { MonthlyChart } from './contracts/MonthlyChart';
import { MonthsPanel } from './contracts/MonthsPanel';
import { PrintAgreement } from './contracts/PrintAgreement';
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

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Cadre({ detail, reload, reloading }: { detail: ContractDetail; reload: () => Promise<unknown>; reloading: boolean }) {
  const { t, td, lang } = useI18n();
  const me = useMe();
  const role = me?.role ?? 'viewer';
  const c = detail.candidate;
  const ctx = detail.context;
  // As on the application page: the full NIK only after "Tampilkan NIK", until the page is left.
  const nikReveal = useNikReveal(c.id, `contract-${detail.id}`);
  const shown = nikReveal.revealed;
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
          <section className="panel" aria-labelledby="identity-title">
            <h2 id="identity-title">{t('cadre.identity')}</h2>
            <dl className="facts">
              <Fact label={t('app.nik')}>
                <span className="mono nowrap" data-testid="cadre-nik" data-masked={!shown}>
                  {shown ? formatNik(shown.nik) : c.nik}
                </span>
                {c.canRevealNik && !shown && <RevealNikButton testId="cadre-nik-reveal" state={nikReveal} />}
                {c.piiMasked && (
                  <small className="masked-hint muted" data-testid="pii-masked" title={t('app.maskedTitle')}>
                    {' '}
                    ({t('app.masked')})
                  </small>
                )}
              </Fact>
              {shown && (
                <Fact label={t('app.birthDate')}>
                  <span data-testid="cadre-birth-date">{formatDate(shown.birthDate, lang)}</span> (
                  {t('app.ageYears', { age: c.age })}) · {t(shown.sex === 'F' ? 'sex.F' : 'sex.M')}
                </Fact>
              )}
              <Fact label={t('cadre.phone')}>
                <span data-testid="cadre-phone" data-masked={c.piiMasked}>
                  {c.piiMasked ? c.phone : formatPhone(c.phone)}
                </span>
              </Fact>
              <Fact label={t('cadre.branch')}>{detail.branch.name}</Fact>
              <Fact label={t('app.workArea')}>{detail.workArea}</Fact>
              <Fact label={t('cadre.agreementNumber')}>
                <span className="mono">{detail.agreementNumber}</span>
              </Fact>
              <Fact label={t('cadre.agreementPeriod')}>
                {formatDate(detail.startDate, lang)} – {formatDate(detail.endDate, lang)}
              </Fact>
              <Fact label={t('cadre.evaluationDueOn')}>
                <span data-testid="cadre-evaluation-due">{formatDate(detail.evaluationDueOn, lang)}</span>
              </Fact>
              <Fact label={t('cadre.familiesAssigned')}>{formatNumber(detail.familiesAssigned, lang)}</Fact>
              {ctx.decision && (
                <Fact label={t('cadre.decision')}>
                  <span data-testid="cadre-decision" data-decision={ctx.decision.decision}>
                    {t('cadre.decisionLine', {
                      decision: t(`decision.${ctx.decision.decision}`),
                      recommendation: t(`rec.${ctx.decision.recommendation}`),
                    })}
                  </span>
                  {ctx.decision.reason && <div className="note">{ctx.decision.reason}</div>}
                </Fact>
              )}
              {ctx.exit && (
                <Fact label={t('cadre.exit')}>
                  <span data-testid="cadre-exit" data-kind={ctx.exit.kind}>
                    {t('cadre.exitLine', {
                      kind: td(`contractState.${ctx.exit.kind}`, ctx.exit.kind),
                      date: formatDate(ctx.exit.date, lang),
                      reason: td(
                        `${ctx.exit.kind === 'resigned' ? 'resignation' : 'termination'}.${ctx.exit.reasonCode}`,
                        ctx.exit.reasonCode,
                      ),
                    })}
                  </span>
                  {ctx.exit.note && <div className="note">{ctx.exit.note}</div>}
                </Fact>
              )}
            </dl>
          </section>

          <section className="panel" aria-labelledby="chain-title">
            <h2 id="chain-title">{t('cadre.chain')}</h2>
            <ol className="chain" data-testid="chain">
              {detail.chain.map((k, i) => (
                <li key={k.id} data-testid={`chain-${k.id}`} data-current={k.id === detail.id} data-state={k.state}>
                  <span className="muted">{t('cadre.chainYear', { n: i + 1 })}</span>{' '}
                  {k.id === detail.id ? (
                    <strong className="mono">{k.agreementNumber}</strong>
                  ) : (
                    <Link to="/kader/$id" params={{ id: String(k.id) }} className="mono">
                      {k.agreementNumber}
                    </Link>
                  )}
                  <div className="small">
                    {formatDate(k.startDate, lang)} – {formatDate(k.endDate, lang)} <ContractStateBadge state={k.state} />
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>

      {/* full width: the months' table and the fee statements need the room */}
      <MonthsPanel detail={detail} canRecord={mayRecord} reload={reload} reloading={reloading} />
      <FeesPanel detail={detail} />
      {mayRecord && <ImportPanel branchId={detail.branch.id} />}
      <ContractTimeline detail={detail} />
    </article>
  );
}

function CadreActions(props: {
  detail: ContractDetail;
  mayRecord: boolean;
  mayDecide: boolean;
  role: string;
  reload: () => Promise<unknown>;
  reloading: boolean;
}) {
  const { detail, mayRecord, mayDecide, role, reload, reloading } = props;
  const { t, td } = useI18n();
  const trpc = useTRPC();
  const invalidate = useContractInvalidation();
  const [open, setOpen] = useState<ContractFormEvent | null>(null);
  const [deciding, setDeciding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const send = useMutation(
    trpc.contracts.send.mutationOptions({
      onSuccess: (next, vars) => {
        invalidate(next);
        setOpen(null);
        setSaved(td(`contractEvent.${vars.event.type}`, vars.event.type));
      },
    }),
  );
  const err = send.error ? kaderError(send.error) : null;
  const serverErrors = fieldErrors(err, 'event.');
  // only what the server lists for this user, and never for the read-only roles
  const formEvents = mayRecord || mayDecide ? detail.allowedEvents.filter(isContractFormEvent) : [];
  const readOnly = !canRecordMonths(role);

  return (
    <section className="panel actions" aria-labelledby="cadre-actions-title" data-testid="cadre-actions">
      <h2 id="cadre-actions-title">{t('cadreActions.title')}</h2>
      {saved && !send.error && (
        <p className="alert alert-ok" role="status" data-testid="saved-message">
          {t('cadreActions.saved', { action: saved })}
        </p>
      )}
      {readOnly && (
        <p className="muted" data-testid="read-only">
          {t('cadreActions.readOnly')}
        </p>
      )}
      {send.error && Object.keys(serverErrors).length === 0 && (
        <RefusalMessage error={send.error} onReload={() => void reload().then(() => send.reset())} reloading={reloading} />
      )}
      <div className="action-buttons">
        {mayDecide && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="contract-action-decide"
            onClick={() => {
              setSaved(null);
              setDeciding(true);
            }}
          >
            {t('cadreActions.decide')}
          </button>
        )}
        {formEvents.map((type) => (
          <button
            key={type}
            type="button"
            className={`btn btn-danger-outline`}
            data-testid={`contract-action-${type}`}
            aria-expanded={open === type}
            onClick={() => {
              send.reset();
              setSaved(null);
              setOpen(open === type ? null : type);
            }}
          >
            {td(`contractEvent.${type}`, type)}
          </button>
        ))}
        {mayRecord && <PrintAgreement target={{ contractId: detail.id }} />}
      </div>
      {!readOnly && !mayDecide && formEvents.length === 0 && !mayRecord && <p className="muted">{t('cadreActions.none')}</p>}
      {open && formEvents.includes(open) && (
        <ContractEventForm
          key={open}
          type={open}
          pending={send.isPending}
          serverErrors={serverErrors}
          onSubmit={(payload) => {
            setSaved(null);
            send.mutate({ id: detail.id, revision: detail.revision, event: { type: open, ...payload } });
          }}
          onCancel={() => {
            setOpen(null);
            send.reset();
          }}
        />
      )}
      {deciding && (
        <DecideDialog
          contractId={detail.id}
          onClose={() => setDeciding(false)}
          onDone={(_next, decision: RenewalChoice) => {
            setDeciding(false);
            setSaved(`${td('contractEvent.DECIDE_RENEWAL', 'DECIDE_RENEWAL')}: ${t(`decision.${decision}`)}`);
          }}
        />
      )}
      {detail.scorecard && (
        <p className="muted small">
          {t('score.recommendation')}:{' '}
          <RecommendationBadge recommendation={detail.scorecard.recommendation} testId="cadre-recommendation" />
        </p>
      )}
    </section>
  );
}

function ContractTimeline({ detail }: { detail: ContractDetail }) {
  const { t, td, lang } = useI18n();
  const tz = detail.branch.timeZone;
  const entries = [...detail.history].sort((x, y) => y.seq - x.seq);
  const stateLabel = (s: string | null) => (s ? td(`contractState.${s}`, s) : t('history.start'));
  return (
    <section className="panel" aria-labelledby="cadre-history-title">
      <h2 id="cadre-history-title">{t('app.history')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('app.historyEmpty')}</p>
      ) : (
        <ol className="timeline" data-testid="cadre-history">
          {entries.map((h) => {
            const summary = contractPayloadSummary(h.type, h.payload, lang, td);
            return (
              <li key={h.seq} data-testid={`cadre-history-${h.seq}`} data-type={h.type}>
                <div className="tl-head">
                  <strong>{td(`contractEvent.${h.type}`, td(`history.${h.type}`, h.type))}</strong>
                  <time dateTime={h.at}>{formatDateTime(h.at, tz, lang)}</time>
                </div>
                <div className="tl-states">
                  {h.toState && (h.fromState !== h.toState || !h.fromState) ? (
                    <>
                      {stateLabel(h.fromState)} → {stateLabel(h.toState)}
                    </>
                  ) : h.toState ? (
                    stateLabel(h.toState)
                  ) : null}{' '}
                  <span className="muted">{t('app.by', { actor: h.actor })}</span>
                </div>
                {summary && <div className="tl-payload">{summary}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
