import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { type PickedRegion, RegionCombobox } from './RegionCombobox';

/** What is picked so far, top down; a level is set only when the ones above it are. */
export type AddressChain = {
  province?: PickedRegion | undefined;
  regency?: PickedRegion | undefined;
  district?: PickedRegion | undefined;
  village?: PickedRegion | undefined;
};

const LEVELS = ['province', 'regency', 'district', 'village'] as const;

/**
 * Province → Kabupaten/Kota → Kecamatan → Kelurahan/Desa, each searched on the server as the user
 * types. Picking or clearing a level clears the levels below it; the form learns every change
 * (picking a village is what fills its address). `error` is the server's word on the village code.
 */
export function AddressPicker(props: {
  value: AddressChain;
  onChange: (next: AddressChain) => void;
  error?: string | undefined;
  testId: string;
}) {
  const { value, onChange, error, testId } = props;
  const { t } = useI18n();
  const set = (level: (typeof LEVELS)[number], region: PickedRegion | undefined) => {
    const next: AddressChain = {};
    for (const l of LEVELS) {
      if (l === level) {
        next[l] = region;
        break;
      }
      next[l] = value[l];
    }
    onChange(next);
  };
  return (
    <fieldset className="address-picker wide" data-testid={testId}>
      <legend>{t('address.pickTitle')}</legend>
      <small className="hint">{t('address.pickHint')}</small>
      <div className="address-picker-levels">
        <RegionCombobox
          level="province"
          label={t('address.province')}
          parentCode={undefined}
          value={value.province}
          onPick={(r) => set('province', r)}
          testId={`${testId}-province`}
        />
        <RegionCombobox
          level="regency"
          label={t('address.regency')}
          parentCode={value.province?.code}
          waitingFor={t('address.pickParentFirst', { parent: t('address.province') })}
          value={value.regency}
          onPick={(r) => set('regency', r)}
          testId={`${testId}-regency`}
        />
        <RegionCombobox
          level="district"
          label={t('address.district')}
          parentCode={value.regency?.code}
          waitingFor={t('address.pickParentFirst', { parent: t('address.regency') })}
          value={value.district}
          onPick={(r) => set('district', r)}
          testId={`${testId}-district`}
        />
        <RegionCombobox
          level="village"
          label={t('address.village')}
          parentCode={value.district?.code}
          waitingFor={t('address.pickParentFirst', { parent: t('address.district') })}
          value={value.village}
          onPick={(r) => set('village', r)}
          testId={`${testId}-village`}
        />
      </div>
      {value.village && (
        <p className="ok" data-testid={`${testId}-linked`}>
          {t('address.linked', { code: value.village.code })}{' '}
          <button type="button" className="btn btn-small" data-testid={`${testId}-clear`} onClick={() => onChange({})}>
            {t('address.clear')}
          </button>
        </p>
      )}
      {error && (
        <small className="field-error" data-testid={`${testId}-error`}>
          {error}
        </small>
      )}
    </fieldset>
  );
}

/**
 * The chain of a stored village code (a correction starts from the candidate's picked address):
 * asks `regions.chain` once and hands the names to `onLoaded`.
 */
export function useRegionChain(code: string | null | undefined, onLoaded: (chain: AddressChain) => void) {
  const trpc = useTRPC();
  const chain = useQuery(trpc.regions.chain.queryOptions({ code: code ?? '' }, { enabled: Boolean(code), staleTime: Infinity }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: hands the chain over once, when it arrives
  useEffect(() => {
    if (chain.data) onLoaded(chain.data);
  }, [chain.data]);
}
