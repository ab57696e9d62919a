import { dateInZone } from '@kader/workflow';
import { useQuery } from '@tanstack/react-query';
import { userTimeZone } from '../auth/roles';
import { useMe } from '../auth/useSession';
import { ErrorBox } from '../components/ErrorBox';
import { useI18n } from '../i18n';
import { useTRPC } from '../trpc';
import { FeeAddForm } from './settings/FeeAddForm';
import { KpiAddForm } from './settings/KpiAddForm';
import { FeeTable, KpiTable } from './settings/SettingsTables';
import { inForce } from './settings/settingsForms';

/** Head office: the KPI and fee versions, each from its effective date; add a version. */
export function SettingsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const today = dateInZone(new Date(), me ? userTimeZone(me) : 'Asia/Jakarta');
  const list = useQuery(trpc.settings.list.queryOptions());
  const kpiNow = list.data ? inForce(list.data.kpi, today) : null;
  const feeNow = list.data ? inForce(list.data.fee, today) : null;

  return (
    <section className="quota-page settings-page">
      <div className="toolbar">
        <h1>{t('settings.title')}</h1>
        <p className="muted">{t('settings.intro')}</p>
      </div>
      {list.error && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && <p className="muted">{t('app.loading')}</p>}
      {list.data && (
        <>
          <h2>{t('settings.kpiTitle')}</h2>
          <KpiTable versions={list.data.kpi} today={today} />
          <KpiAddForm
            key={`kpi-${list.data.kpi.length}`}
            base={kpiNow ?? list.data.kpi[list.data.kpi.length - 1]}
            today={today}
          />
          <h2>{t('settings.feeTitle')}</h2>
          <FeeTable versions={list.data.fee} today={today} />
          <FeeAddForm
            key={`fee-${list.data.fee.length}`}
            base={feeNow ?? list.data.fee[list.data.fee.length - 1]}
            today={today}
          />
        </>
      )}
    </section>
  );
}
