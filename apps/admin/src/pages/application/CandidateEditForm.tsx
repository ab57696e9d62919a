import { correctCandidateSchema, formatNik, formatPhone, type Message } from '@kader/workflow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { fieldErrors, kaderError } from '../../api/errors';
import type { ApplicationDetail, CandidateUpdateInput } from '../../api/types';
import { type AddressChain, AddressPicker, useRegionChain } from '../../components/address/AddressPicker';
import { ErrorBox } from '../../components/ErrorBox';
import { FormActions } from '../../components/forms';
import { validatePayload } from '../../forms/schemaFields';
import { useI18n, type Key } from '../../i18n';
import { useTRPC } from '../../trpc';
import type { Reload } from '../../components/DetailFrame';

export const CANDIDATE_EDIT_PATHS = [
  'name',
  'nik',
  'phone',
  'address.street',
  'address.rtRw',
  'address.village',
  'address.district',
  'address.regency',
  'reason',
] as const;
export type CandidateEditPath = (typeof CANDIDATE_EDIT_PATHS)[number];
export type CandidateEditValues = Record<CandidateEditPath, string>;

/** What the form checks: the server's correction schema, less the id and revision it adds itself. */
const candidateUpdateSchema = correctCandidateSchema.omit({ id: true, revision: true });

/** The form, filled from what the application page shows (the revealed NIK grouped, phone as 08…). */
export function candidateEditValues(
  c: Pick<ApplicationDetail['candidate'], 'name' | 'nik' | 'phone' | 'address'>,
): CandidateEditValues {
  return {
    name: c.name,
    nik: formatNik(c.nik),
    phone: formatPhone(c.phone),
    'address.street': c.address.street,
    'address.rtRw': c.address.rtRw,
    'address.village': c.address.village,
    'address.district': c.address.district,
    'address.regency': c.address.regency,
    reason: '',
  };
}

/** The place names a picked village fills; editing one by hand unlinks the address from its code. */
const PICKED_NAMES: readonly CandidateEditPath[] = ['address.village', 'address.district', 'address.regency'];

/**
 * The procedure's input; the server normalises NIK and phone itself. `villageCode`: the village
 * picked from the region data, which the server stores with its chain of codes.
 */
export function toCandidateUpdate(
  candidate: { id: number; revision: number },
  v: CandidateEditValues,
  villageCode?: string,
): CandidateUpdateInput {
  return {
    id: candidate.id,
    revision: candidate.revision,
    reason: v.reason.trim(),
    name: v.name.replace(/\s+/g, ' ').trim(),
    phone: v.phone,
    nik: v.nik,
    address: {
      street: v['address.street'],
      rtRw: v['address.rtRw'],
      village: v['address.village'],
      district: v['address.district'],
      regency: v['address.regency'],
      ...(villageCode ? { villageCode } : {}),
    },
  };
}

/** Problems before sending, by field path, as the server would name them (it checks again). */
export function checkCandidateEdit(v: CandidateEditValues): Record<string, Message> {
  const { id: _id, revision: _revision, ...input } = toCandidateUpdate({ id: 1, revision: 1 }, v);
  const result = validatePayload(candidateUpdateSchema, input);
  const out: Record<string, Message> = {};
  if (!result.ok) for (const i of result.issues) if (!(i.path in out)) out[i.path] = i.message;
  return out;
}

const LABELS: Record<CandidateEditPath, Key> = {
  name: 'register.name',
  nik: 'register.nik',
  phone: 'register.phone',
  'address.street': 'register.street',
  'address.rtRw': 'register.rtRw',
  'address.village': 'register.village',
  'address.district': 'register.district',
  'address.regency': 'register.regency',
  reason: 'cand.reason',
};

/**
 * "Ubah data calon" (supervisors of the branch): a correction of the candidate's own data, with a
 * reason the history keeps. Sent with the candidate's `revision`; a CONFLICT offers a reload and
 * keeps what was typed.
 */
export function CandidateEditForm(
  props: {
    detail: ApplicationDetail;
    /** The full NIK, revealed (and logged) when the form was opened: the application sends it masked. */
    nik: string;
    onDone: () => void;
    onCancel: () => void;
  } & Reload,
) {
  const { detail, nik, reload, reloading, onDone, onCancel } = props;
  const { t, tmsg } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<CandidateEditValues>(() => candidateEditValues({ ...detail.candidate, nik }));
  const [problems, setProblems] = useState<Record<string, Message>>({});
  // a picked address starts from its stored codes; a free-text one is matched by picking its village
  const [villageCode, setVillageCode] = useState(detail.candidate.addressCodes?.village ?? '');
  const [picked, setPicked] = useState<AddressChain>({});
  useRegionChain(detail.candidate.addressCodes?.village, setPicked);
  const onPick = (chain: AddressChain) => {
    setPicked(chain);
    const { village, district, regency } = chain;
    setVillageCode(village?.code ?? '');
    if (village && district && regency) {
      setValues((v) => ({
        ...v,
        'address.village': village.name,
        'address.district': district.name,
        'address.regency': regency.name,
      }));
    }
  };

  const update = useMutation(
    trpc.candidates.update.mutationOptions({
      onSuccess: async () => {
        // the candidate shows on every application of theirs, and on the board
        await queryClient.invalidateQueries({ queryKey: trpc.applications.get.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.board.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.history.pathKey() });
        onDone();
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkCandidateEdit(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(toCandidateUpdate(detail.candidate, values, villageCode));
  };

  const err = update.error ? kaderError(update.error) : null;
  const server = { ...fieldErrors(err, 'candidate.'), ...fieldErrors(err) };
  const errorOf = (p: CandidateEditPath) => {
    const problem = problems[p] ?? server[p];
    return problem ? tmsg(problem) : undefined;
  };

  return (
    <form className="candidate-edit form-grid" onSubmit={submit} noValidate data-testid="candidate-edit-form">
      <h3 className="wide">{t('cand.editTitle')}</h3>
      {err?.code === 'CONFLICT' ? (
        <div className="alert alert-warn wide" role="alert" data-testid="error-message" data-code="CONFLICT">
          <span>{tmsg(err)}</span>
          <button
            type="button"
            className="btn btn-small"
            data-testid="reload"
            disabled={reloading}
            onClick={() => void reload().then(() => update.reset())}
          >
            {t('app.reload')}
          </button>
        </div>
      ) : (
        update.error && (
          <div className="wide">
            <ErrorBox error={update.error} />
          </div>
        )
      )}
      {CANDIDATE_EDIT_PATHS.map((p) => {
        const error = errorOf(p);
        const id = `cand-edit-${p}`;
        const common = {
          id,
          name: p,
          'data-testid': `candidate-edit-${p}`,
          value: values[p],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-err` : undefined,
          onChange: (e: { target: { value: string } }) => {
            const value = e.target.value;
            setValues((v) => ({ ...v, [p]: value }));
            setProblems(({ [p]: _gone, ...rest }) => rest);
            if (PICKED_NAMES.includes(p)) {
              setVillageCode('');
              setPicked((c) => ({ ...c, village: undefined }));
            }
          },
        };
        return (
          <Fragment key={p}>
            {p === 'address.street' && (
              <AddressPicker
                value={picked}
                onChange={onPick}
                error={
                  problems['address.villageCode']
                    ? tmsg(problems['address.villageCode'])
                    : server['address.villageCode']
                      ? tmsg(server['address.villageCode'])
                      : undefined
                }
                testId="candidate-edit-address-picker"
              />
            )}
            <div className={`field${error ? ' has-error' : ''}${p === 'reason' || p === 'address.street' ? ' wide' : ''}`}>
              <label htmlFor={id}>{t(LABELS[p])}</label>
              {p === 'reason' ? <textarea {...common} rows={2} maxLength={1000} /> : <input {...common} autoComplete="off" />}
              {p === 'reason' && <small className="hint">{t('cand.reasonHint')}</small>}
              {error && (
                <small id={`${id}-err`} className="field-error" data-testid={`candidate-edit-error-${p}`}>
                  {error}
                </small>
              )}
            </div>
          </Fragment>
        );
      })}
      <FormActions idPrefix="candidate-edit" wide pending={update.isPending} onCancel={onCancel} />
    </form>
  );
}
