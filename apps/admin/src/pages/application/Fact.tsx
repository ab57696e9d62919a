import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

/** One labelled fact in a `<dl className="facts">`. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Shown beside a masked NIK or phone: only the branch's recruiters and supervisors see it whole. */
export function MaskedHint() {
  const { t } = useI18n();
  return (
    <small className="masked-hint muted" data-testid="pii-masked" title={t('app.maskedTitle')}>
      {' '}
      ({t('app.masked')})
    </small>
  );
}
