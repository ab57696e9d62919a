import { dateInZone, type RecruitmentContext, type RecruitmentEventType } from '@kader/workflow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { fieldErrors, kaderError } from '../api/errors';
import type { ApplicationDetail, HistoryEntry } from '../api/types';
import { daysLabel, StateBadge, useScheduleLine } from '../components/bits';
import { DetailFrame } from '../components/DetailFrame';
import { ErrorBox } from '../components/ErrorBox';
import { daysInStage, formatClock, formatDate, formatDateTime, formatNik, formatPhone, formatScore, type Lang } from '@kader/workflow';
import { canEditCandidate, canWorkApplications, visibleActions } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n';
import { usePagePeriod } from '../period';
import { useTRPC } from '../trpc';
import { CandidateEditForm } from './application/CandidateEditForm';
import { EventForm, isEventType, useOptionLabel } from './application/EventForm';
import { RevealNikButton, useNikReveal } from './application/NikReveal';
import { adminCheckBlockers, allowedAfterRefusal, passMark, scoreBelowPassMark, sentOutcome } from './application/guidance';
import { StateDiagram } from './application/StateDiagram';
import { ContractStateBadge } from './contracts/bits';
import { PrintAgreement } from './contracts/PrintAgreement';

/** From agreement signing on, the agreement (PKS) can be printed: a watermarked draft until signed. */
export const AGREEMENT_PRINT_STATES: ReadonlySet<string> = new Set(['agreementSigning', 'debriefing', 'active']);

/** Document ticks are buttons in the checklist, not forms of their own. */
const CHECKLIST_EVENTS = new Set(['VERIFY_DOCUMENT', 'UNVERIFY_DOCUMENT']);

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

type SendVars = { type: RecruitmentEventType; payload: Record<string, unknown> };

function Application({
  detail,
  reload,
  reloading,
}: {
  detail: ApplicationDetail;
  reload: () => Promise<unknown>;
  reloading: boolean;
}) {
  const { t, td, lang } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<RecruitmentEventType | null>(null);
  const [saved, setSaved] = useState<{ action: string; outcome: 'saved' | 'rejected' } | null>(null);
  // a score under the pass mark waits for a yes: it ends the application
  const [confirmBelow, setConfirmBelow] = useState<(SendVars & { grade: number }) | null>(null);
  const [editing, setEditing] = useState(false);
  const [candidateSaved, setCandidateSaved] = useState(false);
  const me = useMe();
  const role = me?.role ?? 'viewer';
  const tz = detail.period.branch.timeZone;
  // the header shows this application's period and quota, not the one chosen for the board
  usePagePeriod(detail.period);

  const send = useMutation(
    trpc.applications.send.mutationOptions({
      onSuccess: (next, vars) => {
        queryClient.setQueryData(trpc.applications.get.queryKey({ id: detail.id }), next);
        void queryClient.invalidateQueries({ queryKey: trpc.applications.board.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
        setOpen(null);
        setSaved({
          action: td(`event.${vars.event.type}`, vars.event.type),
          outcome: sentOutcome(vars.event.type, next.state),
        });
      },
    }),
  );

  const doSend = ({ type, payload }: SendVars) => {
    setSaved(null);
    setConfirmBelow(null);
    send.mutate({ id: detail.id, revision: detail.revision, event: { type, ...payload } });
  };

  const err = send.error ? kaderError(send.error) : null;
  const serverFieldErrors = fieldErrors(err, 'event.');
  // the server lists only what this user may send; read-only roles are offered nothing regardless
  const allowed = visibleActions(role, detail.allowedEvents);
  const actions = allowed.filter((e) => !CHECKLIST_EVENTS.has(e)).filter(isEventType);
  const canTick = allowed.includes('VERIFY_DOCUMENT') || allowed.includes('UNVERIFY_DOCUMENT');
  // completing the check is shown, disabled, while required documents are missing, saying which
  const blockers = adminCheckBlockers(detail.context);
  const showBlockedComplete = detail.state === 'administrativeCheck' && canTick && !blockers.ready;
  const shownActions = showBlockedComplete ? actions.filter((e) => e !== 'COMPLETE_ADMIN_CHECK') : actions;
  const openMark = open ? passMark(detail.context, open) : null;
  const mayEdit = canEditCandidate(role, detail.canEditCandidate);
  const pendingDoc =
    send.isPending && send.variables && CHECKLIST_EVENTS.has(send.variables.event.type)
      ? String((send.variables.event as Record<string, unknown>).document)
      : null;

  const c = detail.candidate;
  const a = c.address;
  // The full NIK (with birth date and sex) only after "Tampilkan NIK", until the page is left.
  const nikReveal = useNikReveal(c.id, `application-${detail.id}`);
  const shown = nikReveal.revealed;

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
            <section className="panel actions" aria-labelledby="actions-title">
              <h2 id="actions-title">{t('app.actions')}</h2>
              {saved && !send.error && (
                <p
                  className={`alert ${saved.outcome === 'rejected' ? 'alert-warn' : 'alert-ok'}`}
                  role="status"
                  data-testid="saved-message"
                  data-outcome={saved.outcome}
                >
                  {t(saved.outcome === 'rejected' ? 'app.rejectedAfter' : 'app.saved', { action: saved.action })}
                </p>
              )}
              {send.error && (
                <SendError
                  error={send.error}
                  refused={send.variables?.event.type}
                  onReload={() => {
                    void reload().then(() => send.reset());
                  }}
                  reloading={reloading}
                />
              )}
              {actions.length === 0 && !canTick && <p className="muted">{t('app.noActions')}</p>}
              <div className="action-buttons">
                {showBlockedComplete && (
                  <button
                    type="button"
                    className="btn"
                    data-testid="action-COMPLETE_ADMIN_CHECK"
                    disabled
                    aria-describedby="complete-blocked"
                  >
                    {td('event.COMPLETE_ADMIN_CHECK', 'COMPLETE_ADMIN_CHECK')}
                  </button>
                )}
                {shownActions.map((type) => (
                  <button
                    key={type}
                    type="button"
                    className={`btn ${type === 'REJECT' || type === 'WITHDRAW' ? 'btn-danger-outline' : open === type ? 'btn-primary' : ''}`}
                    data-testid={`action-${type}`}
                    aria-expanded={open === type}
                    onClick={() => {
                      send.reset();
                      setSaved(null);
                      setConfirmBelow(null);
                      setOpen(open === type ? null : type);
                    }}
                  >
                    {td(`event.${type}`, type)}
                  </button>
                ))}
              </div>
              {showBlockedComplete && (
                <p className="muted" id="complete-blocked" data-testid="complete-blocked">
                  {blockers.missing.length > 0
                    ? t('app.completeBlocked', { docs: blockers.missing.map((d) => td(`doc.${d}`, d)).join(', ') })
                    : t('app.completeBlockedEligibility')}
                </p>
              )}
              {AGREEMENT_PRINT_STATES.has(detail.state) && (
                <div className="print-row" data-testid="agreement-print">
                  <PrintAgreement target={{ applicationId: detail.id }} draft={detail.state === 'agreementSigning'} />
                </div>
              )}
              {open && allowed.includes(open) && openMark !== null && (
                <p className="pass-mark" data-testid="pass-mark">
                  {t('score.passMark', { grade: formatScore(openMark, lang) })}
                </p>
              )}
              {open && allowed.includes(open) && (
                <EventForm
                  key={open}
                  type={open}
                  pending={send.isPending}
                  serverErrors={serverFieldErrors}
                  dateFacts={{
                    today: dateInZone(new Date(), detail.period.branch.timeZone),
                    registeredOn: detail.context.registeredOn,
                    periodYear: detail.period.year,
                    signedOn: detail.context.agreement?.signedOn ?? null,
                  }}
                  initial={
                    open === 'SIGN_AGREEMENT' && detail.suggestedAgreementNumber
                      ? { agreementNumber: detail.suggestedAgreementNumber }
                      : undefined
                  }
                  onSubmit={(payload) => {
                    const grade = scoreBelowPassMark(detail.context, open, payload);
                    if (grade !== null) {
                      send.reset();
                      setConfirmBelow({ type: open, payload, grade });
                    } else doSend({ type: open, payload });
                  }}
                  onCancel={() => {
                    setOpen(null);
                    setConfirmBelow(null);
                    send.reset();
                  }}
                />
              )}
              {confirmBelow && open === confirmBelow.type && (
                <div className="alert alert-warn confirm-below" role="alertdialog" data-testid="score-confirm">
                  <p>{t('score.confirmBelow', { grade: formatScore(confirmBelow.grade, lang) })}</p>
                  <div className="action-buttons">
                    <button
                      type="button"
                      className="btn btn-danger-outline"
                      data-testid="score-confirm-yes"
                      disabled={send.isPending}
                      onClick={() => doSend(confirmBelow)}
                    >
                      {t('score.confirmYes')}
                    </button>
                    <button type="button" className="btn" data-testid="score-confirm-no" onClick={() => setConfirmBelow(null)}>
                      {t('score.confirmNo')}
                    </button>
                  </div>
                </div>
              )}
            </section>
          )}

          <StageData
            detail={detail}
            canTick={canTick}
            pendingDoc={pendingDoc}
            onTick={(code, verified) =>
              doSend({ type: verified ? 'UNVERIFY_DOCUMENT' : 'VERIFY_DOCUMENT', payload: { document: code } })
            }
          />
        </div>

        <aside className="app-side">
          <section className="panel" aria-labelledby="cand-title">
            <div className="panel-head">
              <h2 id="cand-title">{t('app.candidate')}</h2>
              {mayEdit && !editing && (
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="candidate-edit"
                  disabled={nikReveal.pending}
                  onClick={() => {
                    setCandidateSaved(false);
                    // The form corrects the NIK too, so it starts from the full one: opening it reveals it.
                    nikReveal.reveal(() => setEditing(true));
                  }}
                >
                  {t('cand.edit')}
                </button>
              )}
            </div>
            {candidateSaved && (
              <p className="alert alert-ok" role="status" data-testid="candidate-saved">
                {t('cand.saved')}
              </p>
            )}
            {editing && mayEdit && shown && (
              <CandidateEditForm
                detail={detail}
                nik={shown.nik}
                reload={reload}
                reloading={reloading}
                onDone={() => {
                  setEditing(false);
                  setCandidateSaved(true);
                  // the NIK may have been corrected: show it masked again rather than a stale one
                  nikReveal.forget();
                }}
                onCancel={() => setEditing(false)}
              />
            )}
            <dl className="facts">
              <Fact label={t('app.nik')}>
                <span className="mono nowrap" data-testid="candidate-nik" data-masked={!shown}>
                  {shown ? formatNik(shown.nik) : c.nik}
                </span>
                {c.piiMasked && <MaskedHint />}
                {c.canRevealNik && !shown && <RevealNikButton testId="candidate-nik-reveal" state={nikReveal} />}
              </Fact>
              {/* Birth date and sex would give a masked NIK's digits 7-12 back, so the server sends
                  them only with the revealed NIK; until then the page shows the age. */}
              {shown ? (
                <Fact label={t('app.birthDate')}>
                  <span data-testid="candidate-birth-date">{formatDate(shown.birthDate, lang)}</span> (
                  {t('app.ageYears', { age: c.age })})
                </Fact>
              ) : (
                <Fact label={t('app.ageNow')}>
                  <span data-testid="candidate-age">{t('app.ageYears', { age: c.age })}</span>
                </Fact>
              )}
              {shown && (
                <Fact label={t('app.sex')}>
                  <span data-testid="candidate-sex">{t(shown.sex === 'F' ? 'sex.F' : 'sex.M')}</span>
                </Fact>
              )}
              <Fact label={t('app.phone')}>
                <span data-testid="candidate-phone" data-masked={c.piiMasked}>
                  {c.piiMasked ? c.phone : formatPhone(c.phone)}
                </span>
                {c.piiMasked && <MaskedHint />}
              </Fact>
              <Fact label={t('app.education')}>{td(`edu.${c.education}`, c.education)}</Fact>
              <Fact label={t('app.address')}>
                <span data-testid="candidate-address">
                  {t('app.addressLine', {
                    street: a.street,
                    rtRw: a.rtRw,
                    village: a.village,
                    district: a.district,
                    regency: a.regency,
                  })}
                </span>
              </Fact>
              <Fact label={t('app.registeredOn')}>{formatDate(detail.context.registeredOn, lang)}</Fact>
            </dl>
          </section>

          <section className="panel" aria-labelledby="earlier-title">
            <h2 id="earlier-title">{t('app.earlier')}</h2>
            {detail.earlierApplications.length === 0 ? (
              <p className="muted">{t('app.earlierNone')}</p>
            ) : (
              <ul className="earlier">
                {detail.earlierApplications.map((e) => (
                  <li key={e.id}>
                    <Link to="/lamaran/$id" params={{ id: String(e.id) }} data-testid={`earlier-${e.id}`}>
                      {t('app.earlierLine', { year: e.year, branch: e.branchName })}
                    </Link>{' '}
                    <StateBadge state={e.state} />
                  </li>
                ))}
              </ul>
            )}
            {detail.earlierContracts.length > 0 && (
              <>
                <h3>{t('app.earlierContracts')}</h3>
                <ul className="earlier" data-testid="earlier-contracts">
                  {detail.earlierContracts.map((c) => (
                    <li key={c.id}>
                      <Link to="/kader/$id" params={{ id: String(c.id) }}>
                        {c.agreementNumber}
                      </Link>{' '}
                      {formatDate(c.startDate, lang)} – {formatDate(c.endDate, lang)} <ContractStateBadge state={c.state} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </aside>
      </div>

      {/* full width: the line of stages needs the room */}
      <section className="panel" aria-labelledby="diagram-title">
        <h2 id="diagram-title">{t('app.diagram')}</h2>
        <StateDiagram state={detail.state} history={detail.history} />
      </section>

      <Timeline detail={detail} />
    </article>
  );
}

/** Shown beside a masked NIK or phone: only the branch's recruiters and supervisors see it whole. */
function MaskedHint() {
  const { t } = useI18n();
  return (
    <small className="masked-hint muted" data-testid="pii-masked" title={t('app.maskedTitle')}>
      {' '}
      ({t('app.masked')})
    </small>
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

function SendError({
  error,
  refused,
  onReload,
  reloading,
}: {
  error: unknown;
  /** the event just refused: not offered back as allowed now */
  refused?: string;
  onReload: () => void;
  reloading: boolean;
}) {
  const { t, td, tm } = useI18n();
  const k = kaderError(error);
  if (k?.code === 'CONFLICT') {
    return (
      <div className="alert alert-warn" role="alert" data-testid="error-message" data-code="CONFLICT">
        <span>{t('app.conflict')}</span>
        <button type="button" className="btn btn-small" onClick={onReload} disabled={reloading} data-testid="reload">
          {t('app.reload')}
        </button>
      </div>
    );
  }
  if (k?.code === 'INVALID_TRANSITION') {
    const allowed = allowedAfterRefusal(k.allowedEvents ?? [], refused);
    // the server appends the allowed event codes to its sentence; they are listed below, translated
    const message = k.allowedEvents ? k.message.replace(/\s*Aksi yang berlaku sekarang:[\s\S]*$/, '') : k.message;
    return (
      <div className="alert alert-error" role="alert" data-testid="error-message" data-code="INVALID_TRANSITION">
        <p>{tm(message)}</p>
        <p>
          {t('app.allowedNow', {
            events: allowed.length ? allowed.map((e) => td(`event.${e}`, e)).join(', ') : t('app.noneAllowed'),
          })}
        </p>
        <button type="button" className="btn btn-small" onClick={onReload} disabled={reloading}>
          {t('app.reload')}
        </button>
      </div>
    );
  }
  if (k) {
    return (
      <div className="alert alert-error" role="alert" data-testid="error-message" data-code={k.code}>
        <p>{tm(k.message)}</p>
      </div>
    );
  }
  return <ErrorBox error={error} />;
}

function StageData(props: {
  detail: ApplicationDetail;
  canTick: boolean;
  pendingDoc: string | null;
  onTick: (code: string, verified: boolean) => void;
}) {
  const { t, td, lang } = useI18n();
  const { detail, canTick, pendingDoc, onTick } = props;
  const ctx: RecruitmentContext = detail.context;
  const tz = detail.period.branch.timeZone;
  const scheduleLine = useScheduleLine();
  const optionLabel = useOptionLabel();
  const verified = new Set<string>(ctx.verifiedDocuments);
  const el = ctx.eligibility;

  const score = (kind: 'writtenTest' | 'interview') => {
    const s = ctx.scores[kind];
    if (!s) return <span className="muted">{t('app.noScore')}</span>;
    return (
      <span data-testid={`score-${kind}`}>
        {t('app.scoreLine', { score: formatScore(s.score, lang), grade: formatScore(s.grade, lang) })}{' '}
        <span className={`pill ${s.passed ? 'pill-ok' : 'pill-bad'}`}>{t(s.passed ? 'app.passed' : 'app.failed')}</span>
        {s.notes && <span className="note"> — {s.notes}</span>}
      </span>
    );
  };
  const schedule = (kind: 'writtenTest' | 'interview') => {
    const s = ctx.schedules[kind];
    // `previous` exists from machine v2 on; a v1 snapshot is migrated before it reaches the UI.
    const moved = s?.previous?.length ?? 0;
    return s ? (
      <span data-testid={`schedule-${kind}`}>
        {scheduleLine(kind, s, tz)}
        {moved > 0 && (
          <span
            className="muted"
            data-testid={`rescheduled-${kind}`}
            title={s.previous.map((p) => scheduleLine(kind, p, tz)).join('\n')}
          >
            {' '}
            ({t('app.rescheduled', { n: moved })})
          </span>
        )}
      </span>
    ) : (
      <span className="muted">
        {t(kind === 'writtenTest' ? 'schedule.writtenTest' : 'schedule.interview')}: {t('app.noSchedule')}
      </span>
    );
  };

  return (
    <section className="panel stage" aria-labelledby="stage-title">
      <h2 id="stage-title">{t('app.stage')}</h2>

      {ctx.outcome && (
        <div className={`outcome outcome-${ctx.outcome.kind}`} data-testid="outcome">
          <strong>{td(`state.${ctx.outcome.kind}`, ctx.outcome.kind)}</strong>{' '}
          {t('app.outcomeAt', { stage: td(`state.${ctx.outcome.stage}`, ctx.outcome.stage) })}
          <div>
            {t('app.reason')}:{' '}
            {optionLabel(ctx.outcome.kind === 'withdrawn' ? 'WITHDRAW' : 'REJECT', 'reasonCode', ctx.outcome.reasonCode)}
          </div>
          {ctx.outcome.note && (
            <div>
              {t('app.note')}: {ctx.outcome.note}
            </div>
          )}
        </div>
      )}

      <div className="stage-grid">
        <div>
          <h3>{t('app.documents')}</h3>
          <ul className="checklist" data-testid="documents">
            {ctx.rules.documents.map((d) => {
              const ok = verified.has(d.code);
              return (
                <li key={d.code} className={ok ? 'done' : ''} data-testid={`doc-${d.code}`} data-verified={ok}>
                  <span className="tickmark" aria-hidden="true">
                    {ok ? '✓' : '○'}
                  </span>
                  <span className="doc-name">
                    {td(`doc.${d.code}`, d.code)}{' '}
                    <small className="muted">({t(d.required ? 'app.required' : 'app.optional')})</small>
                  </span>
                  <span className="sr-only">{t(ok ? 'app.verified' : 'app.notVerified')}</span>
                  {canTick && (
                    <button
                      type="button"
                      className={`btn btn-small ${ok ? '' : 'btn-primary'}`}
                      data-testid={`doc-verify-${d.code}`}
                      data-verified={ok}
                      aria-pressed={ok}
                      disabled={pendingDoc !== null}
                      onClick={() => onTick(d.code, ok)}
                      title={td(`event.${ok ? 'UNVERIFY_DOCUMENT' : 'VERIFY_DOCUMENT'}`, '')}
                    >
                      {pendingDoc === d.code ? '…' : t(ok ? 'app.unverify' : 'app.verify')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>

        <div>
          <h3>{t('app.eligibility')}</h3>
          <ul className="plain" data-testid="eligibility">
            <li className={el.age.ok ? 'ok' : 'bad'}>
              {t('app.age', { age: el.age.value, max: el.age.max })}: {t(el.age.ok ? 'app.ok' : 'app.notOk')}
            </li>
            <li className={el.education.ok ? 'ok' : 'bad'}>
              {t('app.eduCheck', { edu: td(`edu.${el.education.value}`, el.education.value) })}:{' '}
              {t(el.education.ok ? 'app.ok' : 'app.notOk')}
            </li>
          </ul>

          <h3>{t('app.schedules')}</h3>
          <ul className="plain">
            <li>{schedule('writtenTest')}</li>
            <li>{schedule('interview')}</li>
          </ul>

          <h3>{t('app.scores')}</h3>
          <dl className="facts">
            <Fact label={t('state.writtenTest')}>{score('writtenTest')}</Fact>
            <Fact label={t('state.interview')}>{score('interview')}</Fact>
          </dl>

          <h3>{t('app.agreement')}</h3>
          {ctx.agreement ? (
            <dl className="facts" data-testid="agreement">
              <Fact label={t('app.agreementNumber')}>
                <span className="mono">{ctx.agreement.number}</span>
              </Fact>
              <Fact label={t('app.signedOn')}>{formatDate(ctx.agreement.signedOn, lang)}</Fact>
              <Fact label={t('app.agreementPeriod')}>
                {formatDate(ctx.agreement.startDate, lang)} – {formatDate(ctx.agreement.endDate, lang)}
              </Fact>
              <Fact label={t('app.debriefedOn')}>
                {ctx.debriefedOn ? formatDate(ctx.debriefedOn, lang) : <span className="muted">{t('misc.dash')}</span>}
              </Fact>
            </dl>
          ) : (
            <p className="muted">{t('app.noAgreement')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** One line of what an event carried: "Nilai: 72,5 · Catatan: …". */
export function payloadSummary(
  type: string,
  payload: unknown,
  lang: Lang,
  timeZone: string,
  td: (key: string, fallback: string) => string,
  optionLabel: (type: string, field: string, value: string) => string,
): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    // nested data (e.g. the rules copied at registration) is not a one-line summary
    if (key === 'type' || value === '' || value === null || value === undefined || typeof value === 'object') continue;
    let shown: string;
    if (key === 'document' || key === 'reasonCode') shown = optionLabel(type, key, String(value));
    else if (typeof value === 'number') shown = formatScore(value, lang);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) shown = formatDate(value, lang);
    else if (key === 'time' && typeof value === 'string' && /^\d{2}:\d{2}$/.test(value))
      shown = formatClock(value, timeZone, lang);
    else if (typeof value === 'string') shown = value.length > 80 ? `${value.slice(0, 79)}…` : value;
    else shown = String(value);
    parts.push(`${td(`eventField.${key}`, key)}: ${shown}`);
  }
  return parts.join(' · ');
}

function Timeline({ detail }: { detail: ApplicationDetail }) {
  const { t, td, lang } = useI18n();
  const optionLabel = useOptionLabel();
  const tz = detail.period.branch.timeZone;
  const entries: HistoryEntry[] = [...detail.history].sort((x, y) => y.seq - x.seq);
  const stateLabel = (s: string | null) => (s ? td(`state.${s}`, s) : t('history.start'));
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('app.history')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('app.historyEmpty')}</p>
      ) : (
        <ol className="timeline" data-testid="history">
          {entries.map((h) => {
            const summary = payloadSummary(h.type, h.payload, lang, tz, td, optionLabel);
            return (
              <li key={h.seq} data-testid={`history-${h.seq}`} data-type={h.type}>
                <div className="tl-head">
                  <strong>{td(`event.${h.type}`, td(`history.${h.type}`, h.type))}</strong>
                  <time dateTime={h.at}>{formatDateTime(h.at, tz, lang)}</time>
                </div>
                <div className="tl-states">
                  {h.fromState !== h.toState || !h.fromState ? (
                    <>
                      {stateLabel(h.fromState)} → {stateLabel(h.toState)}
                    </>
                  ) : (
                    stateLabel(h.toState)
                  )}{' '}
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
