/**
 * One line of what a contract's audit entry carried, for the cadre page's timeline. Pure; tested
 * in test/contractHistory.test.ts.
 */
import { formatDate, isIsoDate, type Lang } from '@kader/workflow';
import { monthLabel } from './chart';

type Td = (key: string, fallback: string) => string;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

export function contractPayloadSummary(type: string, payload: unknown, lang: Lang, td: Td): string {
  if (!isRecord(payload)) return '';
  const parts: string[] = [];
  const put = (labelKey: string, fallback: string, value: string) => parts.push(`${td(labelKey, fallback)}: ${value}`);
  const str = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : '');

  if (type === 'MONTH_RECORDED' || type === 'MONTH_UPDATED') {
    if (str('month')) put('chist.month', 'month', monthLabel(str('month'), lang, { long: true }));
    if (str('source') === 'import') parts.push(td('chist.fromImport', 'import'));
    return parts.join(' · ');
  }
  // A late decision (contract v2) carries the same decision, recommendation and reason.
  if (type === 'DECIDE_RENEWAL' || type === 'DECIDE_LATE') {
    if (str('decision')) put('chist.decision', 'decision', td(`decision.${str('decision')}`, str('decision')));
    if (str('recommendation'))
      put('chist.recommendation', 'recommendation', td(`rec.${str('recommendation')}`, str('recommendation')));
    if (str('reason')) put('chist.reason', 'reason', short(str('reason')));
    return parts.join(' · ');
  }
  if (type === 'RESIGN' || type === 'TERMINATE') {
    if (str('date')) put('contractField.date', 'date', formatDate(str('date'), lang));
    if (str('reasonCode')) {
      const list = type === 'RESIGN' ? 'resignation' : 'termination';
      put('contractField.reasonCode', 'reason', td(`${list}.${str('reasonCode')}`, str('reasonCode')));
    }
    if (str('note')) put('contractField.note', 'note', short(str('note')));
    return parts.join(' · ');
  }
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'type' || value === '' || value === null || value === undefined || typeof value === 'object') continue;
    const shown =
      typeof value === 'string' && isIsoDate(value)
        ? formatDate(value, lang)
        : typeof value === 'string'
          ? short(value)
          : String(value);
    parts.push(`${td(`chist.${key}`, key)}: ${shown}`);
  }
  return parts.join(' · ');
}
