import { formatDate, formatNik, formatPhone } from '@kader/workflow';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ApplicationDetail } from '../../api/types';
import { StateBadge } from '../../components/bits';
import { useI18n } from '../../i18n';
import { ContractStateBadge } from '../contracts/bits';
import { CandidateEditForm } from './CandidateEditForm';
import { Fact, MaskedHint } from './Fact';
import { RevealNikButton, useNikReveal } from './NikReveal';
import type { Reload } from '../../components/DetailFrame';

/**
 * The candidate's data: the NIK masked until "Tampilkan NIK" (logged), the age, phone, education and
 * address; the branch's supervisors correct it here ("Ubah data calon").
 */
export function CandidatePanel(
  props: {
    detail: ApplicationDetail;
    mayEdit: boolean;
  } & Reload,
) {
  const { detail, mayEdit, reload, reloading } = props;
  const { t, td, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const [candidateSaved, setCandidateSaved] = useState(false);
  const c = detail.candidate;
  const a = c.address;
  // The full NIK (with birth date and sex) only after "Tampilkan NIK", until the page is left.
  const nikReveal = useNikReveal(c.id, `application-${detail.id}`);
  const shown = nikReveal.revealed;

  return (
    <section className="panel" aria-labelledby="cand-title">
      <div className="panel-head">
        <h2 id="cand-title">{t('app.candidate')}</h2>
        {mayEdit && !editing && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="candidate-edit"
            disabled={nikReveal.pending}
            onClick={() => {
              setCandidateSaved(false);
              // The form corrects the NIK too, so it starts from the full one: opening it reveals it.
              nikReveal.reveal(() => setEditing(true));
            }}
          >
            {t('cand.edit')}
          </button>
        )}
      </div>
      {candidateSaved && (
        <p className="alert alert-ok" role="status" data-testid="candidate-saved">
          {t('cand.saved')}
        </p>
      )}
      {editing && mayEdit && shown && (
        <CandidateEditForm
          detail={detail}
          nik={shown.nik}
          reload={reload}
          reloading={reloading}
          onDone={() => {
            setEditing(false);
            setCandidateSaved(true);
            // the NIK may have been corrected: show it masked again rather than a stale one
            nikReveal.forget();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <dl className="facts">
        <Fact label={t('app.nik')}>
          <span className="mono nowrap" data-testid="candidate-nik" data-masked={!shown}>
            {shown ? formatNik(shown.nik) : c.nik}
          </span>
          {c.piiMasked && <MaskedHint />}
          {c.canRevealNik && !shown && <RevealNikButton testId="candidate-nik-reveal" state={nikReveal} />}
        </Fact>
        {/* Birth date and sex would give a masked NIK's digits 7-12 back, so the server sends
            them only with the revealed NIK; until then the page shows the age. */}
        {shown ? (
          <Fact label={t('app.birthDate')}>
            <span data-testid="candidate-birth-date">{formatDate(shown.birthDate, lang)}</span> (
            {t('app.ageYears', { age: c.age })})
          </Fact>
        ) : (
          <Fact label={t('app.ageNow')}>
            <span data-testid="candidate-age">{t('app.ageYears', { age: c.age })}</span>
          </Fact>
        )}
        {shown && (
          <Fact label={t('app.sex')}>
            <span data-testid="candidate-sex">{t(shown.sex === 'F' ? 'sex.F' : 'sex.M')}</span>
          </Fact>
        )}
        <Fact label={t('app.phone')}>
          <span data-testid="candidate-phone" data-masked={c.piiMasked}>
            {c.piiMasked ? c.phone : formatPhone(c.phone)}
          </span>
          {c.piiMasked && <MaskedHint />}
        </Fact>
        <Fact label={t('app.education')}>{td(`edu.${c.education}`, c.education)}</Fact>
        <Fact label={t('app.address')}>
          <span data-testid="candidate-address">
            {t('app.addressLine', {
              street: a.street,
              rtRw: a.rtRw,
              village: a.village,
              district: a.district,
              regency: a.regency,
            })}
          </span>
        </Fact>
        <Fact label={t('address.codes')}>
          {c.addressCodes ? (
            <span className="mono" data-testid="candidate-address-codes">
              {[c.addressCodes.province, c.addressCodes.regency, c.addressCodes.district, c.addressCodes.village].join(' · ')}
            </span>
          ) : (
            <span className="muted" data-testid="candidate-address-codes">
              {t('address.freeText')}
            </span>
          )}
        </Fact>
        <Fact label={t('app.registeredOn')}>{formatDate(detail.context.registeredOn, lang)}</Fact>
      </dl>
    </section>
  );
}

/** The candidate's other applications and the agreement years they served, those this person may open. */
export function EarlierPanel({ detail }: { detail: ApplicationDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="earlier-title">
      <h2 id="earlier-title">{t('app.earlier')}</h2>
      {detail.earlierApplications.length === 0 ? (
        <p className="muted">{t('app.earlierNone')}</p>
      ) : (
        <ul className="earlier">
          {detail.earlierApplications.map((e) => (
            <li key={e.id}>
              <Link to="/lamaran/$id" params={{ id: String(e.id) }} data-testid={`earlier-${e.id}`}>
                {t('app.earlierLine', { year: e.year, branch: e.branchName })}
              </Link>{' '}
              <StateBadge state={e.state} />
            </li>
          ))}
        </ul>
      )}
      {detail.earlierContracts.length > 0 && (
        <>
          <h3>{t('app.earlierContracts')}</h3>
          <ul className="earlier" data-testid="earlier-contracts">
            {detail.earlierContracts.map((c) => (
              <li key={c.id}>
                <Link to="/kader/$id" params={{ id: String(c.id) }}>
                  {c.agreementNumber}
                </Link>{' '}
                {formatDate(c.startDate, lang)} – {formatDate(c.endDate, lang)} <ContractStateBadge state={c.state} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
