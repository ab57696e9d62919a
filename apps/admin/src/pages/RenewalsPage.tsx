import type { RenewalChoice } from '@kader/workflow';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ContractCard, RenewalQueue } from '../api/types';
import { canDecideRenewal } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { ExportLinks } from '../components/ExportLinks';
import { daysUntil, urgency } from '../contracts/dates';
import { formatDate, dateInZone } from '@kader/workflow';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { ContractStateBadge, ScoreAndRecommendation } from './contracts/bits';
import { DecideDialog } from './contracts/DecideDialog';
import { Table } from '../components/Table';

/** States in which the supervisor can (still) decide; a lapsed one is decided late (contract v2). */
const DECIDABLE = new Set(['evaluationDue', 'decided', 'lapsed']);

/**
 * The renewal queue: agreements due for evaluation or decided, and those due within 30 days,
 * and those that lapsed undecided, soonest end first (the server sorts). "Putuskan" opens the
 * decision dialog; on a lapsed agreement it is "Putuskan terlambat" (a late decision, reason required).
 * The server answers a page at a time; "Muat lagi" asks for the page after the last row shown.
 */
export function RenewalsPage() {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  // the first page, then one more per "Muat lagi", each starting after the page before it
  const [cursors, setCursors] = useState<NonNullable<RenewalQueue['next']>[]>([]);
  const pages = useQueries({
    queries: [undefined, ...cursors].map((after) => trpc.contracts.renewalQueue.queryOptions(after ? { after } : {})),
  });
  const queue = pages[0]!;
  const lastPage = pages.at(-1)!;
  const next = lastPage.data?.next ?? null;
  const [open, setOpen] = useState<number | null>(null);
  const [saved, setSaved] = useState<{ name: string; decision: RenewalChoice } | null>(null);
  const mayDecide = canDecideRenewal(me?.role ?? 'viewer');
  const items = pages.flatMap((p) => p.data?.items ?? []);

  return (
    <section className="renewals" aria-busy={pages.some((p) => p.isFetching)}>
      <div className="toolbar">
        <h1>{t('renewals.title')}</h1>
        <p className="muted">{t('renewals.intro')}</p>
        <ExportLinks list="renewals" filters={{}} withNik />
      </div>
      {saved && (
        <p className="alert alert-ok" role="status" data-testid="decide-saved" data-decision={saved.decision}>
          {t('decide.saved', { name: saved.name, decision: t(`decision.${saved.decision}`) })}
        </p>
      )}
      {queue.error && <ErrorBox error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isLoading && <p className="muted">{t('app.loading')}</p>}
      {queue.data && (
        <div className="panel">
          {items.length === 0 ? (
            <p className="muted" data-testid="renewals-empty">
              {t('renewals.empty')}
            </p>
          ) : (
            <Table
              className="renewals-table"
              testId="renewals-table"
              head={
                <>
                  <th>{t('renewals.name')}</th>
                  <th>{t('renewals.area')}</th>
                  <th>{t('renewals.end')}</th>
                  <th>{t('renewals.status')}</th>
                  <th>{t('renewals.score')}</th>
                  <th aria-label={t('app.actions')} />
                </>
              }
            >
              {items.map((c) => (
                <RenewalRow
                  key={c.id}
                  card={c}
                  lang={lang}
                  canDecide={mayDecide && DECIDABLE.has(c.state)}
                  onDecide={() => {
                    setSaved(null);
                    setOpen(c.id);
                  }}
                />
              ))}
            </Table>
          )}
          {(next || lastPage.isFetching) && (
            <div className="pager">
              <button
                type="button"
                className="btn btn-small"
                data-testid="renewals-more"
                disabled={!next || lastPage.isFetching}
                onClick={() => next && setCursors((c) => [...c, next])}
              >
                {t('renewals.more')}
              </button>
            </div>
          )}
        </div>
      )}
      {open !== null && (
        <DecideDialog
          contractId={open}
          onClose={() => setOpen(null)}
          onDone={(detail, decision) => {
            setOpen(null);
            setSaved({ name: detail.candidateName, decision });
          }}
        />
      )}
    </section>
  );
}

function RenewalRow(props: { card: ContractCard; lang: 'id' | 'en'; canDecide: boolean; onDecide: () => void }) {
  const { t } = useI18n();
  const { card: c, lang, canDecide, onDecide } = props;
  const left = daysUntil(c.endDate, dateInZone(new Date(), c.branch.timeZone));
  const when =
    left === 0 ? t('renewals.today') : left > 0 ? t('renewals.daysLeft', { n: left }) : t('renewals.overdue', { n: -left });
  return (
    <tr data-testid={`renewal-row-${c.id}`} data-state={c.state} data-name={c.candidateName} data-days-left={left}>
      <td>
        <Link to="/kader/$id" params={{ id: String(c.id) }} data-testid={`renewal-link-${c.id}`}>
          {c.candidateName}
        </Link>
        <div className="muted small mono">{c.agreementNumber}</div>
      </td>
      <td>{c.workArea}</td>
      <td className="nowrap">
        {formatDate(c.endDate, lang)}{' '}
        <span className={`days days-${urgency(left)}`} data-testid="renewal-days-left">
          ({when})
        </span>
        <div className="muted small">{t('renewals.evaluationOn', { date: formatDate(c.evaluationDueOn, lang) })}</div>
      </td>
      <td>
        <ContractStateBadge state={c.state} testId="renewal-state" />
      </td>
      <td>
        <ScoreAndRecommendation score={c.score} recommendation={c.recommendation} testId="renewal-score" />
      </td>
      <td>
        {canDecide && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid={`renewal-decide-${c.id}`}
            data-late={c.state === 'lapsed'}
            onClick={onDecide}
          >
            {t(c.state === 'lapsed' ? 'renewals.decideLate' : 'renewals.decide')}
          </button>
        )}
      </td>
    </tr>
  );
}
