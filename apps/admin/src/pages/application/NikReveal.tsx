import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';

export type RevealedNik = { nik: string; birthDate: string; sex: 'M' | 'F' };

/**
 * "Tampilkan NIK": every read sends the NIK masked; the full one (with the birth date and sex it
 * encodes) is asked for by a click, and the server logs that view. It is kept in this page's state
 * only (never in the query cache), so it is gone once the page is left; `page` names the record
 * shown, so moving to another application or contract hides it again.
 */
export function useNikReveal(candidateId: number, page: string) {
  const trpc = useTRPC();
  const [shown, setShown] = useState<{ page: string; value: RevealedNik } | null>(null);
  const mutation = useMutation(trpc.candidates.revealNik.mutationOptions());
  const revealed = shown?.page === page ? shown.value : null;
  return {
    revealed,
    pending: mutation.isPending,
    error: mutation.error,
    /** Asks the server once per page; `then` runs with the full NIK (at once when already shown). */
    reveal: (then?: (value: RevealedNik) => void) => {
      if (revealed) return then?.(revealed);
      mutation.mutate(
        { candidateId },
        {
          onSuccess: (value) => {
            setShown({ page, value });
            then?.(value);
          },
        },
      );
    },
    /** After a correction the NIK shown may be stale: mask it again. */
    forget: () => setShown(null),
  };
}

export function RevealNikButton({
  testId,
  state,
}: {
  testId: string;
  state: Pick<ReturnType<typeof useNikReveal>, 'pending' | 'error' | 'reveal'>;
}) {
  const { t } = useI18n();
  return (
    <>
      {' '}
      <button
        type="button"
        className="btn btn-small"
        data-testid={testId}
        disabled={state.pending}
        title={t('nik.revealTitle')}
        onClick={() => state.reveal()}
      >
        {state.pending ? t('nik.revealing') : t('nik.reveal')}
      </button>
      {state.error && <ErrorBox error={state.error} />}
    </>
  );
}
