import {
  ANNOUNCEMENT_CHANNELS,
  type AnnouncementChannel,
  dateInZone,
  EDUCATION_LEVELS,
  formatDate,
  type Message,
  msg,
  normalizeNik,
  parseNik,
  registerCandidateSchema,
  registrationRefusal,
} from '@kader/workflow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, kaderError, type ServerMessage } from '../api/errors';
import type { Period, RegisterInput } from '../api/types';
import { type AddressChain, AddressPicker } from '../components/address/AddressPicker';
import { ErrorBox } from '../components/ErrorBox';
import { validatePayload } from '../forms/schemaFields';
import { useI18n, type Key } from '../i18n';
import { usePeriod } from '../period';
import { useTRPC } from '../trpc';

export function RegisterPage() {
  const { t } = useI18n();
  const { periods, period, isLoading, error, refetch } = usePeriod();
  if (error) return <ErrorBox error={error} onRetry={refetch} />;
  if (isLoading) return <p className="muted">{t('app.loading')}</p>;
  if (!period) return <p className="panel">{t('period.none')}</p>;
  return <RegisterForm periods={periods} current={period} />;
}

/** Form paths, as the server names them in `error.data.kader.fields[].path`. */
const TEXT_PATHS = [
  'candidate.nik',
  'candidate.name',
  'candidate.phone',
  'candidate.address.street',
  'candidate.address.rtRw',
  'candidate.address.village',
  'candidate.address.district',
  'candidate.address.regency',
] as const;
type TextPath = (typeof TEXT_PATHS)[number];
type Values = Record<TextPath, string> & {
  periodId: string;
  workAreaId: string;
  /** "Tahu dari mana?": a channel code, or empty (optional). */
  heardFrom?: string;
  'candidate.education': string;
  /** Set by the address picker when a village is picked; typing a place name by hand drops it. */
  'candidate.address.villageCode'?: string;
};
/** The place names a picked village fills; editing one by hand unlinks the address from its code. */
const PICKED_NAMES: readonly string[] = ['candidate.address.village', 'candidate.address.district', 'candidate.address.regency'];

const EMPTY: Omit<Values, 'periodId'> = {
  workAreaId: '',
  heardFrom: '',
  'candidate.nik': '',
  'candidate.name': '',
  'candidate.phone': '',
  'candidate.education': '',
  'candidate.address.street': '',
  'candidate.address.rtRw': '',
  'candidate.address.village': '',
  'candidate.address.district': '',
  'candidate.address.regency': '',
  'candidate.address.villageCode': '',
};

/**
 * Client-side checks before sending, with the very schema the server parses the input with
 * (`registerCandidateSchema` from @kader/workflow); the server checks again and its answer wins.
 */
export function checkRegistration(values: Values): Record<string, Message> {
  const result = validatePayload(registerCandidateSchema, toInput(values) as unknown as Record<string, unknown>);
  const errors: Record<string, Message> = {};
  if (result.ok) return errors;
  for (const issue of result.issues) {
    if (issue.path in errors) continue;
    // a select left on "choose…" gets the generic "choose one of the options": say "required" instead
    errors[issue.path] = issue.missing && issue.path === 'candidate.education' ? msg('FIELD_REQUIRED') : issue.message;
  }
  return errors;
}

/** What the inputs hold → the procedure's input; the server normalises NIK and phone itself. */
function toInput(v: Values): RegisterInput {
  return {
    periodId: Number(v.periodId),
    workAreaId: (v.workAreaId ? Number(v.workAreaId) : undefined) as number,
    ...(v.heardFrom ? { heardFrom: v.heardFrom as AnnouncementChannel } : {}),
    candidate: {
      nik: v['candidate.nik'],
      name: v['candidate.name'].replace(/\s+/g, ' '),
      phone: v['candidate.phone'],
      education: (v['candidate.education'] || undefined) as RegisterInput['candidate']['education'],
      address: {
        street: v['candidate.address.street'],
        rtRw: v['candidate.address.rtRw'],
        village: v['candidate.address.village'],
        district: v['candidate.address.district'],
        regency: v['candidate.address.regency'],
        ...(v['candidate.address.villageCode'] ? { villageCode: v['candidate.address.villageCode'] } : {}),
      },
    },
  };
}

function RegisterForm({ periods, current }: { periods: Period[]; current: Period }) {
  const { t, tmsg, lang } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>({ periodId: String(current.id), ...EMPTY });
  const [clientErrors, setClientErrors] = useState<Record<string, Message>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, ServerMessage>>({});
  const [touched, setTouched] = useState(false);
  const [picked, setPicked] = useState<AddressChain>({});

  const period = periods.find((p) => String(p.id) === values.periodId) ?? current;
  const today = dateInZone(new Date(), period.branch.timeZone);
  // a period outside its registration window says when it opened and closed (the server refuses anyway)
  const window =
    period.registrationOpensOn && period.registrationClosesOn
      ? { opensOn: period.registrationOpensOn, closesOn: period.registrationClosesOn }
      : null;
  const windowClosed = window ? registrationRefusal(window, today, period.year) : null;

  const register = useMutation(
    trpc.candidates.register.mutationOptions({
      onSuccess: async (res) => {
        await queryClient.invalidateQueries({ queryKey: trpc.applications.board.pathKey() });
        await navigate({ to: '/lamaran/$id', params: { id: String(res.applicationId) } });
      },
      onError: (err) => setServerErrors(fieldErrors(kaderError(err))),
    }),
  );

  const set = (path: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [path]: value, ...(PICKED_NAMES.includes(path) ? { 'candidate.address.villageCode': '' } : {}) }));
    if (PICKED_NAMES.includes(path)) setPicked((c) => ({ ...c, village: undefined }));
    setServerErrors((e) => {
      if (!(path in e)) return e;
      const { [path]: _gone, ...rest } = e;
      return rest;
    });
    setClientErrors((e) => {
      if (!(path in e)) return e;
      const { [path]: _gone, ...rest } = e;
      return rest;
    });
  };

  /** A village picked fills the names it stands for (the server takes them from the data anyway). */
  const onPick = (chain: AddressChain) => {
    setPicked(chain);
    const { village, district, regency } = chain;
    setValues((v) =>
      village && district && regency
        ? {
            ...v,
            'candidate.address.village': village.name,
            'candidate.address.district': district.name,
            'candidate.address.regency': regency.name,
            'candidate.address.villageCode': village.code,
          }
        : { ...v, 'candidate.address.villageCode': '' },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const errors = checkRegistration(values);
    setClientErrors(errors);
    setServerErrors({});
    if (Object.keys(errors).length > 0) return;
    register.mutate(toInput(values));
  };

  const errorFor = (path: string): string | undefined => {
    const problem = serverErrors[path] ?? clientErrors[path];
    return problem ? tmsg(problem) : undefined;
  };

  // the live NIK check: what the number says about its holder, or why it is not a NIK
  const nikRaw = values['candidate.nik'];
  const nik = nikRaw.trim() ? parseNik(nikRaw, today) : null;
  const typed = normalizeNik(nikRaw);
  const nikHint: ReactNode = !nik ? (
    t('register.nikHint')
  ) : nik.ok ? (
    <span className="ok" data-testid="nik-decoded">
      {t('register.nikDecoded', { date: formatDate(nik.value.birthDate, lang, 'long'), sex: t(`sex.${nik.value.sex}`) })}
    </span>
  ) : (
    <span className="warn" data-testid="nik-invalid">
      {typed.length < 16 && /^\d*$/.test(typed) ? tmsg(msg('NIK_DIGITS_TYPED', { typed: typed.length })) : tmsg(nik.problem)}
    </span>
  );

  const kErr = register.error ? kaderError(register.error) : null;
  const unplaced = kErr?.fields.filter((f) => !(f.path in EMPTY) && f.path !== 'periodId') ?? [];
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  const text = (
    path: TextPath,
    label: Key,
    opts: { hint?: ReactNode; autoComplete?: string; inputMode?: 'numeric' | 'tel'; wide?: boolean; placeholder?: string } = {},
  ) => (
    <Field path={path} label={t(label)} error={errorFor(path)} hint={opts.hint} wide={opts.wide}>
      {(id, describedBy) => (
        <input
          id={id}
          data-testid={`field-${path}`}
          name={path}
          value={values[path]}
          onChange={(e) => set(path, e.target.value)}
          autoComplete={opts.autoComplete ?? 'off'}
          inputMode={opts.inputMode}
          placeholder={opts.placeholder}
          aria-invalid={errorFor(path) ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );

  return (
    <section className="panel register">
      <h1>{t('register.title')}</h1>
      <p>
        <Link to="/impor-calon" className="btn btn-small" data-testid="register-import-link">
          {t('candidateImport.nav')}
        </Link>
      </p>
      <form onSubmit={onSubmit} noValidate className="form-grid">
        {register.error && <ErrorBox error={register.error} />}
        {unplaced.length > 0 && (
          <ul className="alert alert-error">
            {unplaced.map((f) => (
              <li key={f.path}>{tmsg(f)}</li>
            ))}
          </ul>
        )}
        {touched && hasClientErrors && !register.error && (
          <div className="alert alert-error" role="alert" data-testid="error-message">
            {t('register.fixErrors')}
          </div>
        )}

        <Field path="periodId" label={t('register.period')} error={errorFor('periodId')}>
          {(id) => (
            <select
              id={id}
              data-testid="field-periodId"
              value={values.periodId}
              onChange={(e) => {
                set('periodId', e.target.value);
                set('workAreaId', '');
              }}
            >
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('period.option', { branch: p.branch.name, year: p.year })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {window && (
          <p
            className={windowClosed ? 'alert alert-warn' : 'muted small'}
            data-testid="register-window"
            data-open={windowClosed ? 'false' : 'true'}
          >
            {windowClosed
              ? tmsg(windowClosed)
              : t('campaign.registrationOpen', {
                  opens: formatDate(window.opensOn, lang, 'long'),
                  closes: formatDate(window.closesOn, lang, 'long'),
                })}
          </p>
        )}
        <Field path="workAreaId" label={t('register.workArea')} error={errorFor('workAreaId')}>
          {(id) => (
            <select
              id={id}
              data-testid="field-workAreaId"
              value={values.workAreaId}
              onChange={(e) => set('workAreaId', e.target.value)}
              aria-invalid={errorFor('workAreaId') ? true : undefined}
            >
              <option value="">{t('register.chooseWorkArea')}</option>
              {period.workAreas.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field path="heardFrom" label={t('campaign.heardFrom')} error={errorFor('heardFrom')}>
          {(id) => (
            <select
              id={id}
              data-testid="field-heardFrom"
              value={values.heardFrom ?? ''}
              onChange={(e) => set('heardFrom', e.target.value)}
              aria-invalid={errorFor('heardFrom') ? true : undefined}
            >
              <option value="">{t('campaign.heardFromChoose')}</option>
              {ANNOUNCEMENT_CHANNELS.map((code) => (
                <option key={code} value={code}>
                  {t(`channel.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>

        {text('candidate.nik', 'register.nik', { hint: nikHint, inputMode: 'numeric', placeholder: '3577 0152 0899 0001' })}
        {text('candidate.name', 'register.name', { hint: t('register.nameHint'), autoComplete: 'name' })}
        {text('candidate.phone', 'register.phone', { hint: t('register.phoneHint'), inputMode: 'tel', autoComplete: 'tel' })}
        <Field path="candidate.education" label={t('register.education')} error={errorFor('candidate.education')}>
          {(id) => (
            <select
              id={id}
              data-testid="field-candidate.education"
              value={values['candidate.education']}
              onChange={(e) => set('candidate.education', e.target.value)}
              aria-invalid={errorFor('candidate.education') ? true : undefined}
            >
              <option value="">{t('register.chooseEducation')}</option>
              {EDUCATION_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`edu.${level}`)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset className="address">
          <legend>{t('register.address')}</legend>
          <AddressPicker
            value={picked}
            onChange={onPick}
            error={errorFor('candidate.address.villageCode')}
            testId="address-picker"
          />
          {text('candidate.address.street', 'register.street', { wide: true, autoComplete: 'street-address' })}
          {text('candidate.address.rtRw', 'register.rtRw', { placeholder: '003/007' })}
          {text('candidate.address.village', 'register.village')}
          {text('candidate.address.district', 'register.district')}
          {text('candidate.address.regency', 'register.regency')}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="submit" disabled={register.isPending}>
            {register.isPending ? t('register.saving') : t('register.submit')}
          </button>
          <Link to="/" className="btn">
            {t('register.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}

function Field(props: {
  path: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  wide?: boolean | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [props.hint ? hintId : '', props.error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' has-error' : ''}${props.wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint && (
        <small id={hintId} className="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={errId} className="field-error" data-testid={`field-error-${props.path}`}>
          {props.error}
        </small>
      )}
    </div>
  );
}
