import { ANNOUNCEMENT_CHANNELS, type AnnouncementChannel, formatDate, formatNumber, zoneAbbreviation } from '@kader/workflow';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FieldError, FormFooter, LabelledField } from '../../components/forms';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import {
  type AreaForm,
  areaFormFrom,
  type CampaignPeriod,
  checkAreaForm,
  checkChannelsForm,
  checkWindowForm,
  typedSum,
  type WindowForm,
} from './campaignForms';

export type CampaignTarget = CampaignPeriod & { branch: { name: string; timeZone: string } };

/**
 * "Jadwal & wilayah": one period's registration window (head office), announcement channels and
 * quota per work area with the places each has taken. Each form sends the period's revision as last
 * read, so an edit made meanwhile elsewhere is a conflict, never overwritten; after a save the list
 * is read again (and with it the new revision). Testids `campaign-*`.
 */
export function CampaignPanel({
  period,
  canSetWindow,
  onClose,
}: {
  period: CampaignTarget;
  canSetWindow: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);
  return (
    <section ref={ref} className="panel campaign-panel" data-testid="campaign-panel" data-period-id={period.id}>
      <div className="rules-form-head">
        <h2>{t('campaign.title', { branch: period.branch.name, year: period.year })}</h2>
        <button type="button" className="btn btn-small" data-testid="campaign-close" onClick={onClose}>
          {t('campaign.close')}
        </button>
      </div>
      <WindowPanel period={period} editable={canSetWindow} />
      <ChannelsForm period={period} />
      <AreasForm period={period} />
    </section>
  );
}

/** After a save the periods are read again: every form then holds the new revision. */
function useRefreshPeriods() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.periods.list.pathKey() });
}

function WindowPanel({ period, editable }: { period: CampaignTarget; editable: boolean }) {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshPeriods();
  const [values, setValues] = useState<WindowForm>({
    opensOn: period.registrationOpensOn ?? '',
    closesOn: period.registrationClosesOn ?? '',
  });
  const form = useCheckedForm(trpc.periods.setRegistrationWindow.mutationOptions({ onSuccess: refresh }), {
    saved: (p) =>
      t('campaign.windowSaved', {
        opens: formatDate(p.registrationOpensOn ?? '', lang),
        closes: formatDate(p.registrationClosesOn ?? '', lang),
      }),
  });
  const hint = t('campaign.windowHint', { zone: zoneAbbreviation(period.branch.timeZone) });
  if (!editable) {
    return (
      <fieldset className="settings-fieldset">
        <legend>{t('campaign.window')}</legend>
        <p data-testid="campaign-window-shown">
          {period.registrationOpensOn && period.registrationClosesOn
            ? t('campaign.windowShown', {
                opens: formatDate(period.registrationOpensOn, lang),
                closes: formatDate(period.registrationClosesOn, lang),
              })
            : '—'}
        </p>
        <small className="hint">{hint}</small>
      </fieldset>
    );
  }
  const date = (name: keyof WindowForm, label: string) => (
    <LabelledField htmlFor={`campaign-${name}`} label={label} error={form.errorOf(name)} errorTestId={`campaign-error-${name}`}>
      <input
        id={`campaign-${name}`}
        type="date"
        data-testid={`campaign-${name}`}
        value={values[name]}
        aria-invalid={form.errorOf(name) ? true : undefined}
        onChange={(e) => {
          const value = e.target.value;
          setValues((v) => ({ ...v, [name]: value }));
          form.edited(name);
        }}
      />
    </LabelledField>
  );
  return (
    <form
      className="settings-fieldset"
      noValidate
      data-testid="campaign-window-form"
      onSubmit={(e: FormEvent) => form.submit(e, checkWindowForm(period, values))}
    >
      <h3>{t('campaign.window')}</h3>
      <small className="hint">{hint}</small>
      <div className="form-grid">
        {date('opensOn', t('campaign.opensOn'))}
        {date('closesOn', t('campaign.closesOn'))}
      </div>
      <FormFooter form={form} idPrefix="campaign-window" labels="campaign" />
    </form>
  );
}

function ChannelsForm({ period }: { period: CampaignTarget }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshPeriods();
  const [channels, setChannels] = useState<AnnouncementChannel[]>([...period.channels]);
  const form = useCheckedForm(trpc.periods.setChannels.mutationOptions({ onSuccess: refresh }), {
    saved: () => t('campaign.channelsSaved'),
  });
  const toggle = (code: AnnouncementChannel, on: boolean) => {
    setChannels((now) => ANNOUNCEMENT_CHANNELS.filter((c) => (c === code ? on : now.includes(c))));
    form.edited();
  };
  return (
    <form
      className="settings-fieldset"
      noValidate
      data-testid="campaign-channels-form"
      onSubmit={(e: FormEvent) => form.submit(e, checkChannelsForm(period, channels))}
    >
      <h3>{t('campaign.channels')}</h3>
      <small className="hint">{t('campaign.channelsHint')}</small>
      <ul className="rules-checks">
        {ANNOUNCEMENT_CHANNELS.map((code) => (
          <li key={code}>
            <label>
              <input
                type="checkbox"
                data-testid={`campaign-channel-${code}`}
                checked={channels.includes(code)}
                onChange={(e) => toggle(code, e.target.checked)}
              />{' '}
              {t(`channel.${code}`)}
            </label>
          </li>
        ))}
      </ul>
      <FieldError error={form.errorOf('channels')} testId="campaign-error-channels" />
      <FormFooter form={form} idPrefix="campaign-channels" labels="campaign" />
    </form>
  );
}

function AreasForm({ period }: { period: CampaignTarget }) {
  const { t, lang } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshPeriods();
  const [values, setValues] = useState<AreaForm>(() => areaFormFrom(period));
  const form = useCheckedForm(trpc.periods.setAreaQuotas.mutationOptions({ onSuccess: refresh }), {
    saved: () => t('campaign.areasSaved'),
  });
  return (
    <form
      className="settings-fieldset"
      noValidate
      data-testid="campaign-areas-form"
      onSubmit={(e: FormEvent) => form.submit(e, checkAreaForm(period, values))}
    >
      <h3>{t('campaign.areas')}</h3>
      <small className="hint">{t('campaign.areasHint')}</small>
      <table className="table campaign-areas">
        <thead>
          <tr>
            <th>{t('campaign.area')}</th>
            <th className="num">{t('campaign.areaQuota')}</th>
            <th className="num">{t('campaign.areaTaken')}</th>
          </tr>
        </thead>
        <tbody>
          {period.areaQuotas.map((a, i) => (
            <tr key={a.workAreaId} data-testid={`campaign-area-${a.workAreaId}`} data-taken={a.taken} data-quota={a.quota ?? ''}>
              <td>
                <label htmlFor={`campaign-area-quota-${a.workAreaId}`}>{a.name}</label>
              </td>
              <td className="num">
                <input
                  id={`campaign-area-quota-${a.workAreaId}`}
                  data-testid={`campaign-area-quota-${a.workAreaId}`}
                  inputMode="numeric"
                  value={values[a.workAreaId] ?? ''}
                  aria-invalid={form.errorOf(`areas.${i}.quota`) ? true : undefined}
                  onChange={(e) => {
                    const value = e.target.value;
                    setValues((v) => ({ ...v, [a.workAreaId]: value }));
                    form.edited();
                  }}
                />
                <FieldError error={form.errorOf(`areas.${i}.quota`)} testId={`campaign-error-area-${a.workAreaId}`} />
              </td>
              <td className="num" data-testid={`campaign-area-taken-${a.workAreaId}`}>
                {formatNumber(a.taken, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small" data-testid="campaign-areas-sum">
        {t('campaign.areaSum', { sum: formatNumber(typedSum(values), lang), total: formatNumber(period.quota, lang) })}
      </p>
      <FieldError error={form.errorOf('areas')} testId="campaign-error-areas" />
      <FormFooter form={form} idPrefix="campaign-areas" labels="campaign" />
    </form>
  );
}
