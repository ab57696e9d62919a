import { formatClock, formatDate, formatScore, isIsoDate, type Lang } from '@kader/workflow';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApplicationDetail } from '../../api/types';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { useI18n } from '../../i18n';
import { useTRPC, useTRPCClient } from '../../trpc';
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

/** Entries a page of the timeline holds. */
const PAGE = 20;

/**
 * The application's audit history, newest first: event, time, stages, who, what it carried. Read
 * a page at a time (`applications.history`), older pages on request, so a long history costs the
 * page no more than a short one; a send invalidates it (ActionsPanel).
 */
export function Timeline({ detail }: { detail: ApplicationDetail }) {
  const { td, lang } = useI18n();
  const optionLabel = useOptionLabel();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const tz = detail.period.branch.timeZone;
  const input = { id: detail.id, limit: PAGE };
  const history = useInfiniteQuery({
    // under the procedure's path, so invalidating `applications.history` reaches it
    queryKey: [...trpc.applications.history.pathKey(), { input, type: 'infinite' }],
    queryFn: ({ pageParam }) => client.applications.history.query({ ...input, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  return (
    <HistoryTimeline
      entries={history.data?.pages.flatMap((p) => p.entries) ?? []}
      timeZone={tz}
      testId="history"
      machine="recruitment"
      summary={(h) => payloadSummary(h.type, h.payload, lang, tz, td, optionLabel)}
      paging={{
        pending: history.isPending,
        older: history.hasNextPage ? { load: () => void history.fetchNextPage(), loading: history.isFetchingNextPage } : null,
      }}
    />
  );
}
