import { adminCheckIncomplete, dateInZone, formatScore, msg, type RecruitmentEventType } from '@kader/workflow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors, kaderError } from '../../api/errors';
import type { ApplicationDetail } from '../../api/types';
import { visibleActions } from '../../auth/roles';
import { ErrorBox } from '../../components/ErrorBox';
import { EventButtons } from '../../components/EventButtons';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { PrintAgreement } from '../contracts/PrintAgreement';
import { EventForm, isEventType } from './EventForm';
import { adminCheckBlockers, allowedAfterRefusal, passMark, scoreBelowPassMark, sentOutcome } from './guidance';
import type { Reload } from '../../components/DetailFrame';

/** From agreement signing on, the agreement (PKS) can be printed: a watermarked draft until signed. */
export const AGREEMENT_PRINT_STATES: ReadonlySet<string> = new Set(['agreementSigning', 'debriefing', 'active']);

/** Document ticks are buttons in the checklist, not forms of their own. */
const CHECKLIST_EVENTS = new Set(['VERIFY_DOCUMENT', 'UNVERIFY_DOCUMENT']);

type SendVars = { type: RecruitmentEventType; payload: Record<string, unknown> };

/**
 * Sending the application's events: the mutation, the form that is open, what was just saved and a
 * score under the pass mark waiting for a yes. The actions panel and the document checklist share it.
 */
export function useApplicationActions(detail: ApplicationDetail, role: string) {
  const { td } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<RecruitmentEventType | null>(null);
  const [saved, setSaved] = useState<{ action: string; outcome: 'saved' | 'rejected' } | null>(null);
  // a score under the pass mark waits for a yes: it ends the application
  const [confirmBelow, setConfirmBelow] = useState<(SendVars & { grade: number }) | null>(null);

  const send = useMutation(
    trpc.applications.send.mutationOptions({
      onSuccess: (next, vars) => {
        // the answer is the application as it is now; its timeline and the diagram's steps are read again
        queryClient.setQueryData(trpc.applications.get.queryKey({ id: detail.id }), next);
        void queryClient.invalidateQueries({ queryKey: trpc.applications.history.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.path.pathKey() });
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

  // the server lists only what this user may send; read-only roles are offered nothing regardless
  const allowed = visibleActions(role, detail.allowedEvents);
  const canTick = allowed.includes('VERIFY_DOCUMENT') || allowed.includes('UNVERIFY_DOCUMENT');
  const pendingDoc =
    send.isPending && send.variables && CHECKLIST_EVENTS.has(send.variables.event.type)
      ? String((send.variables.event as Record<string, unknown>).document)
      : null;
  return { send, doSend, allowed, canTick, pendingDoc, open, setOpen, saved, setSaved, confirmBelow, setConfirmBelow };
}
export type ApplicationActions = ReturnType<typeof useApplicationActions>;

/** "Aksi": the events this person may send now, each opening its form; refusals and what was saved. */
export function ActionsPanel(
  props: {
    detail: ApplicationDetail;
    actions: ApplicationActions;
  } & Reload,
) {
  const { detail, reload, reloading } = props;
  const { send, doSend, allowed, canTick, open, setOpen, saved, setSaved, confirmBelow, setConfirmBelow } = props.actions;
  const { t, tmsg, lang } = useI18n();
  const actions = allowed.filter((e) => !CHECKLIST_EVENTS.has(e)).filter(isEventType);
  // completing the check is shown, disabled, while required documents are missing, saying which
  const blockers = adminCheckBlockers(detail.context);
  const showBlockedComplete = detail.state === 'administrativeCheck' && canTick && !blockers.ready;
  const shownActions = showBlockedComplete ? actions.filter((e) => e !== 'COMPLETE_ADMIN_CHECK') : actions;
  const openMark = open ? passMark(detail.context, open) : null;
  const serverFieldErrors = fieldErrors(send.error ? kaderError(send.error) : null, 'event.');

  return (
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
        <EventButtons
          machine="recruitment"
          events={shownActions}
          blocked={showBlockedComplete ? { event: 'COMPLETE_ADMIN_CHECK', why: 'complete-blocked' } : null}
          open={open}
          className={(type) =>
            `btn ${type === 'REJECT' || type === 'WITHDRAW' ? 'btn-danger-outline' : open === type ? 'btn-primary' : ''}`
          }
          onToggle={(next) => {
            send.reset();
            setSaved(null);
            setConfirmBelow(null);
            setOpen(next);
          }}
        />
      </div>
      {showBlockedComplete && (
        // the very message the server answers when completing is tried now
        <p className="muted" id="complete-blocked" data-testid="complete-blocked">
          {tmsg(adminCheckIncomplete(detail.context))}
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
      {open === 'SIGN_AGREEMENT' && detail.agreementNumberProblem && (
        // the branch's numbering pattern is broken: no number is suggested, and head office must fix it
        <p className="alert alert-warn" data-testid="agreement-number-problem">
          {tmsg(detail.agreementNumberProblem)}
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
  const { t, tmsg } = useI18n();
  const k = kaderError(error);
  if (k?.code === 'CONFLICT') {
    return (
      <div className="alert alert-warn" role="alert" data-testid="error-message" data-code="CONFLICT">
        <span>{tmsg(k)}</span>
        <button type="button" className="btn btn-small" onClick={onReload} disabled={reloading} data-testid="reload">
          {t('app.reload')}
        </button>
      </div>
    );
  }
  if (k?.code === 'INVALID_TRANSITION') {
    const allowed = allowedAfterRefusal(k.allowedEvents ?? [], refused);
    return (
      <div className="alert alert-error" role="alert" data-testid="error-message" data-code="INVALID_TRANSITION">
        {/* the refusal, then the actions allowed now on a line of their own (never the one refused) */}
        <p>{tmsg({ reason: k.reason, params: k.params, message: k.message })}</p>
        <p>{tmsg(msg('ALLOWED_NOW', { events: allowed, machine: 'recruitment' }))}</p>
        <button type="button" className="btn btn-small" onClick={onReload} disabled={reloading}>
          {t('app.reload')}
        </button>
      </div>
    );
  }
  if (k) {
    return (
      <div className="alert alert-error" role="alert" data-testid="error-message" data-code={k.code}>
        <p>{tmsg(k)}</p>
      </div>
    );
  }
  return <ErrorBox error={error} />;
}
