import { type Message, msg } from '@kader/workflow';
import { MAX_BATCH_CALLS, UNBATCHABLE } from './limits';

/**
 * The procedure paths a /trpc request names, read the way tRPC reads them: the path after the
 * base, URL-decoded, split on commas when the query says `batch=1`. Null when the path does not
 * decode; tRPC refuses that itself (400) before running anything.
 */
export function callsOf(pathAfterBase: string, search: URLSearchParams): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathAfterBase);
  } catch {
    return null;
  }
  return search.get('batch') === '1' ? decoded.split(',') : [decoded];
}

/** Why a batch may not run, as a message; null when it may. Checked before any call runs. */
export function batchRefusal(calls: readonly string[]): Message | null {
  const alone = calls.length > 1 ? calls.find((c) => UNBATCHABLE.has(c)) : undefined;
  if (alone) return msg('BATCH_CALL_ALONE', { procedure: alone });
  if (calls.length > MAX_BATCH_CALLS) return msg('BATCH_TOO_LARGE', { calls: calls.length, maximum: MAX_BATCH_CALLS });
  return null;
}
