import { addDays, type FieldMessage, formatDate, type RenewalChoice } from '@kader/workflow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { fieldErrors, kaderError } from '../../api/errors';
import type { ContractDetail } from '../../api/types';
import { ErrorBox } from '../../components/ErrorBox';
import { DECISION_REASON_MIN_LENGTH, decisionProblem, reasonRequired } from '../../contracts/decision';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { FormActions } from '../../components/forms';
import { RefusalMessage } from '../../components/RefusalMessage';
import { ScorecardView } from './ScorecardView';

/** After any change to a contract: the lists and the queue show it too. */
export function useContractInvalidation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (next?: ContractDetail) => {
    if (next) queryClient.setQueryData(trpc.contracts.get.queryKey({ id: next.id }), next);
    // an import may change any cadre of the branch
    else void queryClient.invalidateQueries({ queryKey: trpc.contracts.get.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.contracts.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.contracts.renewalQueue.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
  };
}

/**
 * "Putuskan": the scorecard and its explanation, perpanjang / tidak diperpanjang, and the reason —
 * required for a drop and for a renewal against the recommendation (the rule of the machine's
 * guard, `decisionJustified`). Sends `contracts.decide`; the server adds the recommendation.
 * On a lapsed agreement it is the late decision (contract v2): the reason is always required.
 */
export function DecideDialog(props: {
  contractId: number;
  onClose: () => void;
  onDone: (detail: ContractDetail, decision: RenewalChoice) => void;
}) {
  const { contractId, onClose, onDone } = props;
  const { t, tmsg, lang } = useI18n();
  const trpc = useTRPC();
  const invalidate = useContractInvalidation();
  const detail = useQuery(trpc.contracts.get.queryOptions({ id: contractId }));
  const [decision, setDecision] = useState<RenewalChoice | null>(() => {
    const d = detail.data?.context.decision?.decision;
    return d ?? null;
  });
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FieldMessage | null>(null);
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);

  const decide = useMutation(
    trpc.contracts.decide.mutationOptions({
      onSuccess: (next, vars) => {
        invalidate(next);
        onDone(next, vars.decision);
      },
    }),
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  useEffect(() => {
    if (detail.data) first.current?.focus();
  }, [detail.data]);

  const d = detail.data;
  const recommendation = d?.scorecard?.recommendation ?? null;
  // Lapsed undecided: decided late, always with a reason (the machine's `lateDecisionJustified`).
  const late = d?.state === 'lapsed';
  const mayDecide = d ? d.canDecide || (late && d.allowedEvents.includes('DECIDE_LATE')) : false;
  const required = late || (decision !== null && reasonRequired(decision, recommendation));
  const err = decide.error ? kaderError(decide.error) : null;
  const serverFields = fieldErrors(err);
  // the server's message on the field, or the same message found here before sending
  const fieldMessage = (name: 'reason' | 'decision'): string | null => {
    const server = serverFields[name];
    if (server) return tmsg(server);
    return problem?.path === name ? tmsg(problem) : null;
  };
  // a refusal tied to a field shows there; the rest (QUOTA_EXCEEDED, CONFLICT, …) above the buttons
  const generalError = decide.error && Object.keys(serverFields).length === 0 ? decide.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!d) return;
    const p = decisionProblem(decision, reason, recommendation, late);
    setProblem(p);
    if (p || decision === null) return;
    decide.mutate({ id: d.id, revision: d.revision, decision, reason: reason.trim() });
  };

  const reasonError = fieldMessage('reason');
  const decisionError = fieldMessage('decision');

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click beside the dialog closes it; the keyboard has Escape and the buttons
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="decide-dialog"
        data-contract-id={contractId}
      >
        <h2 id={titleId}>{t(late ? 'decide.titleLate' : 'decide.title', { name: d?.candidateName ?? '…' })}</h2>
        {detail.error && <ErrorBox error={detail.error} onRetry={() => void detail.refetch()} />}
        {detail.isLoading && <p className="muted">{t('app.loading')}</p>}
        {d && (
          <form onSubmit={submit} noValidate>
            <ScorecardView scorecard={d.scorecard} testId="decide-scorecard" />
            {late && (
              <p className="alert alert-warn" data-testid="decide-late-intro">
                {t('decide.lateIntro', {
                  end: formatDate(d.endDate, lang),
                  next: formatDate(addDays(d.endDate, 1), lang),
                })}
              </p>
            )}
            {!mayDecide && (
              <p className="alert alert-warn" data-testid="decide-not-allowed">
                {t('decide.notAllowed')}
              </p>
            )}
            <fieldset className={`decide-choice field${decisionError ? ' has-error' : ''}`}>
              <legend>{t('decide.choice')}</legend>
              <label className="radio">
                <input
                  ref={first}
                  type="radio"
                  name="decision"
                  value="renew"
                  data-testid="decide-choice-renew"
                  checked={decision === 'renew'}
                  onChange={() => {
                    setDecision('renew');
                    setProblem(null);
                    decide.reset();
                  }}
                />{' '}
                {t('decide.renew')}
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name="decision"
                  value="drop"
                  data-testid="decide-choice-drop"
                  checked={decision === 'drop'}
                  onChange={() => {
                    setDecision('drop');
                    setProblem(null);
                    decide.reset();
                  }}
                />{' '}
                {t('decide.drop')}
              </label>
              {decisionError && (
                <small className="field-error" data-testid="decide-error-decision">
                  {decisionError}
                </small>
              )}
            </fieldset>
            <div className={`field wide${reasonError ? ' has-error' : ''}`}>
              <label htmlFor={`${titleId}-reason`}>
                {t('decide.reason')}{' '}
                <span className="muted" data-testid="decide-reason-required" data-required={required}>
                  ({t(required ? 'decide.reasonRequired' : 'decide.reasonOptional')})
                </span>
              </label>
              <textarea
                id={`${titleId}-reason`}
                rows={3}
                maxLength={1000}
                data-testid="decide-reason"
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? `${titleId}-reason-err` : undefined}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setProblem(null);
                  if (decide.error) decide.reset();
                }}
              />
              {required && !reasonError && (
                <small className="hint">
                  {late
                    ? t('decide.reasonHintLate', { min: DECISION_REASON_MIN_LENGTH })
                    : decision === 'drop'
                      ? t('decide.reasonHintDrop', { min: DECISION_REASON_MIN_LENGTH })
                      : t('decide.reasonHintAgainst', { min: DECISION_REASON_MIN_LENGTH })}
                </small>
              )}
              {reasonError && (
                <small id={`${titleId}-reason-err`} className="field-error" data-testid="decide-error-reason">
                  {reasonError}
                </small>
              )}
            </div>
            {generalError && (
              <RefusalMessage
                error={generalError}
                onReload={() => {
                  void detail.refetch().then(() => decide.reset());
                }}
                reloading={detail.isFetching}
              />
            )}
            <FormActions
              idPrefix="decide"
              pending={decide.isPending}
              disabled={!mayDecide}
              label={t('decide.submit')}
              onCancel={onClose}
              cancelLabel={t('decide.cancel')}
            />
          </form>
        )}
      </div>
    </div>
  );
}
