import { formatClock, formatDate, formatScore, isIsoDate, type Lang } from '@kader/workflow';
import type { ApplicationDetail } from '../../api/types';
import { HistoryTimeline } from '../../components/HistoryTimeline';
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
  const { td, lang } = useI18n();
  const optionLabel = useOptionLabel();
  const tz = detail.period.branch.timeZone;
  return (
    <HistoryTimeline
      entries={detail.history}
      timeZone={tz}
      testId="history"
      machine="recruitment"
      summary={(h) => payloadSummary(h.type, h.payload, lang, tz, td, optionLabel)}
    />
  );
}
