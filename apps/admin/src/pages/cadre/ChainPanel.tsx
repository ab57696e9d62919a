import { formatDate } from '@kader/workflow';
import { Link } from '@tanstack/react-router';
import type { ContractDetail } from '../../api/types';
import { useI18n } from '../../i18n';
import { ContractStateBadge } from '../contracts/bits';

/** The cadre's contract years in order, this one in bold, the others linked. */
export function ChainPanel({ detail }: { detail: ContractDetail }) {
  const { t, lang } = useI18n();
  return (
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
  );
}
