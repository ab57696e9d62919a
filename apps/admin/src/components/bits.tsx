import type { Schedule } from '@kader/workflow';
import { daysInStage, formatClock, formatDate } from '@kader/workflow/display';
import { useI18n } from '../i18n';

export function DaysInStage({ enteredAt, timeZone }: { enteredAt: string; timeZone: string }) {
  const { t } = useI18n();
  return <>{daysLabel(daysInStage(enteredAt, timeZone), t)}</>;
}

export function daysLabel(n: number, t: ReturnType<typeof useI18n>['t']): string {
  return n === 0 ? t('days.today') : t('days.n', { n });
}

/** "Tes tertulis: 24 Nov 2026 09.00 WIB, Aula KC" */
export function useScheduleLine() {
  const { t, lang } = useI18n();
  return (kind: 'writtenTest' | 'interview', s: Schedule, timeZone: string) =>
    t('schedule.line', {
      kind: t(kind === 'writtenTest' ? 'schedule.writtenTest' : 'schedule.interview'),
      date: formatDate(s.date, lang),
      time: formatClock(s.time, timeZone, lang),
      place: s.place,
    });
}

export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  const { td } = useI18n();
  return (
    <span className={`badge badge-${state}`} data-testid={testId} data-state={state}>
      {td(`state.${state}`, state)}
    </span>
  );
}
