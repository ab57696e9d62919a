import type { RenewalChoice } from '@kader/workflow';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors, kaderError } from '../../api/errors';
import type { ContractDetail } from '../../api/types';
import { canRecordMonths } from '../../auth/roles';
import type { Reload } from '../../components/DetailFrame';
import { EventButtons } from '../../components/EventButtons';
import { RefusalMessage } from '../../components/RefusalMessage';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { RecommendationBadge } from '../contracts/bits';
import { ContractEventForm, isContractFormEvent, type ContractFormEvent } from '../contracts/ContractEventForm';
import { DecideDialog, useContractInvalidation } from '../contracts/DecideDialog';
import { PrintAgreement } from '../contracts/PrintAgreement';

/** "Aksi" of a contract year: deciding the renewal, the contract's events each opening its form, printing. */
export function CadreActions(
  props: {
    detail: ContractDetail;
    mayRecord: boolean;
    mayDecide: boolean;
    role: string;
  } & Reload,
) {
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
        <EventButtons
          machine="contract"
          events={formEvents}
          open={open}
          className={() => 'btn btn-danger-outline'}
          onToggle={(next) => {
            send.reset();
            setSaved(null);
            setOpen(next);
          }}
        />
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
