import {
  formatDate,
  formatFigure,
  formatRupiah,
  KPI_KEYS,
  type Effective,
  type FeeSchedule,
  type KpiKey,
  type KpiSettings,
} from '@kader/workflow';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { Key } from '../../i18n/dict';
import { versionStatus, type VersionStatus } from './settingsForms';
import { Table } from '../../components/Table';

/** Each KPI's name on the settings page (its weight, its floor). */
export const WEIGHT_LABEL: Record<KpiKey, Key> = {
  visits: 'settings.w.visits',
  collection: 'settings.w.collection',
  reports: 'settings.w.reports',
  attendance: 'settings.w.attendance',
};

function StatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge settings-${status}`} data-testid="settings-status" data-status={status}>
      {t(`settings.${status}`)}
    </span>
  );
}

/** A setting's versions (`settings-<setting>-table`): each row its start and its status on `today`, then `cells`. */
function VersionsTable<T extends Effective>(props: {
  setting: 'kpi' | 'fee';
  versions: readonly T[];
  today: string;
  head: ReactNode;
  cells: (version: T) => ReactNode;
  kindOf?: (version: T) => string;
}) {
  const { setting, versions, today, head, cells, kindOf } = props;
  const { t, lang } = useI18n();
  const status = versionStatus(versions, today);
  return (
    <div className="panel">
      <Table
        className="settings-table"
        testId={`settings-${setting}-table`}
        head={
          <>
            <th>{t('settings.effectiveFrom')}</th>
            <th>{t('settings.status')}</th>
            {head}
          </>
        }
      >
        {versions.map((v) => (
          <tr
            key={v.effectiveFrom}
            data-testid={`settings-${setting}-row-${v.effectiveFrom}`}
            data-status={status.get(v)}
            data-kind={kindOf?.(v)}
          >
            <td>{formatDate(v.effectiveFrom, lang)}</td>
            <td>
              <StatusBadge status={status.get(v)!} />
            </td>
            {cells(v)}
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** The KPI versions, each with its status on `today`. */
export function KpiTable({ versions, today }: { versions: readonly KpiSettings[]; today: string }) {
  const { t, lang } = useI18n();
  const pct = (n: number | undefined) => (n === undefined ? t('misc.dash') : `${formatFigure(n, lang)}%`);
  return (
    <VersionsTable
      setting="kpi"
      versions={versions}
      today={today}
      head={
        <>
          {KPI_KEYS.map((k) => (
            <th key={k} className="num">
              {t(WEIGHT_LABEL[k])}
            </th>
          ))}
          <th className="num">{t('settings.collectionPerMonth')}</th>
          <th className="num">{t('settings.meetingsPerMonth')}</th>
          <th className="num">{t('settings.reportDueDay')}</th>
          <th className="num">{t('settings.familiesVisited')}</th>
          <th className="num">{t('settings.threshold')}</th>
          <th className="num">{t('settings.collectionFloor')}</th>
        </>
      }
      cells={(v) => (
        <>
          {KPI_KEYS.map((k) => (
            <td key={k} className="num" data-testid={`settings-kpi-weight-${k}`}>
              {v.weights[k]}
            </td>
          ))}
          <td className="num">{formatRupiah(v.targets.collectionPerMonth, lang)}</td>
          <td className="num">{v.targets.meetingsPerMonth}</td>
          <td className="num">{t('settings.reportDueDayValue', { day: v.targets.reportDueDay })}</td>
          <td className="num">{pct(v.targets.familiesVisitedShare * 100)}</td>
          <td className="num">{formatFigure(v.threshold, lang)}</td>
          <td className="num">{pct(v.floors.collection)}</td>
        </>
      )}
    />
  );
}

/** The fee schedules, each with its status on `today`. */
export function FeeTable({ versions, today }: { versions: readonly FeeSchedule[]; today: string }) {
  const { t, lang } = useI18n();
  return (
    <VersionsTable
      setting="fee"
      versions={versions}
      today={today}
      kindOf={(v) => v.kind}
      head={
        <>
          <th>{t('settings.kind')}</th>
          <th>{t('settings.tiers')}</th>
        </>
      }
      cells={(v) => (
        <>
          <td data-testid="settings-fee-kind">{t(`settings.kind.${v.kind}`)}</td>
          <td data-testid="settings-fee-tiers">
            {v.tiers.map((tier, i) => (
              <div key={i}>
                {t('settings.tierLine', {
                  from: tier.fromMonths,
                  to: tier.toMonths,
                  rate: `${formatFigure(tier.rateBasisPoints / 100, lang)}%`,
                })}
              </div>
            ))}
          </td>
        </>
      )}
    />
  );
}
