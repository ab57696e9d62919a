import { formatClock, formatDate, formatDateTime, formatScore, isIsoDate, type Lang } from '@kader/workflow';
import type { ApplicationDetail, HistoryEntry } from '../../api/types';
import { useI18n } from '../../i18n';
import { useOptionLabel } from './EventForm';

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
    else if (typeof value === 'string' && isIsoDate(value)) shown = formatDate(value, lang);
    else if (key === 'time' && typeof value === 'string' && /^\d{2}:\d{2}$/.test(value))
      shown = formatClock(value, timeZone, lang);
    else if (typeof value === 'string') shown = value.length > 80 ? `${value.slice(0, 79)}…` : value;
    else shown = String(value);
    parts.push(`${td(`eventField.${key}`, key)}: ${shown}`);
  }
  return parts.join(' · ');
}

/** The application's audit history, newest first: event, time, stages, who, what it carried. */
export function Timeline({ detail }: { detail: ApplicationDetail }) {
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
