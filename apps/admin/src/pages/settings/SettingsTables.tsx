import {
  formatDate,
  formatFigure,
  formatRupiah,
  KPI_KEYS,
  type FeeSchedule,
  type KpiKey,
  type KpiSettings,
} from '@kader/workflow';
import { useI18n } from '../../i18n';
import type { Key } from '../../i18n/dict';
import { versionStatus, type VersionStatus } from './settingsForms';

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

/** The KPI versions, each with its status on `today`. */
export function KpiTable({ versions, today }: { versions: readonly KpiSettings[]; today: string }) {
  const { t, lang } = useI18n();
  const status = versionStatus(versions, today);
  const pct = (n: number | undefined) => (n === undefined ? t('misc.dash') : `${formatFigure(n, lang)}%`);
  return (
    <div className="panel">
      <div className="table-wrap">
        <table className="table settings-table" data-testid="settings-kpi-table">
          <thead>
            <tr>
              <th>{t('settings.effectiveFrom')}</th>
              <th>{t('settings.status')}</th>
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
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.effectiveFrom} data-testid={`settings-kpi-row-${v.effectiveFrom}`} data-status={status.get(v)}>
                <td>{formatDate(v.effectiveFrom, lang)}</td>
                <td>
                  <StatusBadge status={status.get(v)!} />
                </td>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The fee schedules, each with its status on `today`. */
export function FeeTable({ versions, today }: { versions: readonly FeeSchedule[]; today: string }) {
  const { t, lang } = useI18n();
  const status = versionStatus(versions, today);
  return (
    <div className="panel">
      <div className="table-wrap">
        <table className="table settings-table" data-testid="settings-fee-table">
          <thead>
            <tr>
              <th>{t('settings.effectiveFrom')}</th>
              <th>{t('settings.status')}</th>
              <th>{t('settings.kind')}</th>
              <th>{t('settings.tiers')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr
                key={v.effectiveFrom}
                data-testid={`settings-fee-row-${v.effectiveFrom}`}
                data-status={status.get(v)}
                data-kind={v.kind}
              >
                <td>{formatDate(v.effectiveFrom, lang)}</td>
                <td>
                  <StatusBadge status={status.get(v)!} />
                </td>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
