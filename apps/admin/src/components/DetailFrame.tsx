import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { kaderError, trpcCode } from '../api/errors';
import { useI18n } from '../i18n';
import { ErrorBox } from './ErrorBox';

/** What a detail page gives its panels: reloading the record (after a conflict), and whether that is under way. */
export type Reload = { reload: () => Promise<unknown>; reloading: boolean };

/**
 * A detail page's frame around its query: "not found" for an invalid id or no data, loading, the
 * error (with a retry unless it is NOT_FOUND) and, each time, the `back` link; else `children`.
 */
export function DetailFrame<T, E>({
  valid,
  query,
  back,
  children,
}: {
  valid: boolean;
  query: UseQueryResult<T, E>;
  back: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (!valid) return <NotFoundPanel back={back} />;
  if (query.isLoading) return <p className="muted">{t('app.loading')}</p>;
  if (query.error) {
    const notFound = kaderError(query.error)?.code === 'NOT_FOUND' || trpcCode(query.error) === 'NOT_FOUND';
    return (
      <section className="panel">
        <ErrorBox error={query.error} onRetry={notFound ? undefined : () => void query.refetch()} />
        {back}
      </section>
    );
  }
  if (!query.data) return <NotFoundPanel back={back} />;
  return <>{children(query.data)}</>;
}

function NotFoundPanel({ back }: { back: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="panel">
      <p data-testid="error-message">{t('app.notFound')}</p>
      {back}
    </section>
  );
}
