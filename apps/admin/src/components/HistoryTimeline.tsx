import { formatDateTime } from '@kader/workflow';
import { useI18n } from '../i18n';

/** One audit entry as the server lists it (`historyOf`, `applications.history`): what happened, when, by whom, from which stage to which. */
export type AuditEntry = {
  seq: number;
  type: string;
  at: string;
  actor: string;
  fromState: string | null;
  toState: string | null;
  payload?: unknown;
};

/**
 * An audit history, newest first (`<testId>`, `<testId>-<seq>`, titled `<testId>-title`): each
 * event, its time in the branch's zone, the stage it moved from and to (or the stage it stayed in),
 * who, and the line `summary` makes of what it carried.
 */
export function HistoryTimeline(props: {
  entries: readonly AuditEntry[];
  timeZone: string;
  testId: string;
  /** whose events and stages: the label kinds naming them */
  machine: 'recruitment' | 'contract';
  summary: (entry: AuditEntry) => string;
  /** a timeline read a page at a time: still loading its first page, and the button for the next older one */
  paging?: { pending: boolean; older: { load: () => void; loading: boolean } | null };
}) {
  const { timeZone, testId, summary } = props;
  const { t, td, lang } = useI18n();
  const kinds =
    props.machine === 'contract' ? { event: 'contractEvent', state: 'contractState' } : { event: 'event', state: 'state' };
  const entries = [...props.entries].sort((x, y) => y.seq - x.seq);
  const eventLabel = (type: string) => td(`${kinds.event}.${type}`, td(`history.${type}`, type));
  const stateLabel = (s: string | null) => (s ? td(`${kinds.state}.${s}`, s) : t('history.start'));
  return (
    <section className="panel" aria-labelledby={`${testId}-title`}>
      <h2 id={`${testId}-title`}>{t('app.history')}</h2>
      {props.paging?.pending ? null : entries.length === 0 ? (
        <p className="muted">{t('app.historyEmpty')}</p>
      ) : (
        <ol className="timeline" data-testid={testId}>
          {entries.map((h) => {
            const carried = summary(h);
            return (
              <li key={h.seq} data-testid={`${testId}-${h.seq}`} data-type={h.type}>
                <div className="tl-head">
                  <strong>{eventLabel(h.type)}</strong>
                  <time dateTime={h.at}>{formatDateTime(h.at, timeZone, lang)}</time>
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
                {carried && <div className="tl-payload">{carried}</div>}
              </li>
            );
          })}
        </ol>
      )}
      {props.paging?.older && (
        <button
          type="button"
          className="btn btn-small"
          data-testid={`${testId}-older`}
          disabled={props.paging.older.loading}
          onClick={props.paging.older.load}
        >
          {t('app.historyOlder')}
        </button>
      )}
    </section>
  );
}
