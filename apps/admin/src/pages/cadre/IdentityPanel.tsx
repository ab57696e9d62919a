import { formatDate, formatNik, formatNumber, formatPhone } from '@kader/workflow';
import type { ContractDetail } from '../../api/types';
import { useI18n } from '../../i18n';
import { Fact, MaskedHint } from '../application/Fact';
import { RevealNikButton, useNikReveal } from '../application/NikReveal';

/**
 * The cadre and the agreement: NIK (as on the application page, in full only after "Tampilkan NIK",
 * until the page is left), phone, branch, work area, agreement, evaluation, the decision and the exit.
 */
export function IdentityPanel({ detail }: { detail: ContractDetail }) {
  const { t, td, lang } = useI18n();
  const c = detail.candidate;
  const ctx = detail.context;
  const nikReveal = useNikReveal(c.id, `contract-${detail.id}`);
  const shown = nikReveal.revealed;
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('cadre.identity')}</h2>
      <dl className="facts">
        <Fact label={t('app.nik')}>
          <span className="mono nowrap" data-testid="cadre-nik" data-masked={!shown}>
            {shown ? formatNik(shown.nik) : c.nik}
          </span>
          {c.canRevealNik && !shown && <RevealNikButton testId="cadre-nik-reveal" state={nikReveal} />}
          {c.piiMasked && <MaskedHint />}
        </Fact>
        {shown && (
          <Fact label={t('app.birthDate')}>
            <span data-testid="cadre-birth-date">{formatDate(shown.birthDate, lang)}</span> ({t('app.ageYears', { age: c.age })})
            · {t(shown.sex === 'F' ? 'sex.F' : 'sex.M')}
          </Fact>
        )}
        <Fact label={t('cadre.phone')}>
          <span data-testid="cadre-phone" data-masked={c.piiMasked}>
            {c.piiMasked ? c.phone : formatPhone(c.phone)}
          </span>
        </Fact>
        <Fact label={t('cadre.branch')}>{detail.branch.name}</Fact>
        <Fact label={t('app.workArea')}>{detail.workArea}</Fact>
        <Fact label={t('cadre.agreementNumber')}>
          <span className="mono">{detail.agreementNumber}</span>
        </Fact>
        <Fact label={t('cadre.agreementPeriod')}>
          {formatDate(detail.startDate, lang)} – {formatDate(detail.endDate, lang)}
        </Fact>
        <Fact label={t('cadre.evaluationDueOn')}>
          <span data-testid="cadre-evaluation-due">{formatDate(detail.evaluationDueOn, lang)}</span>
        </Fact>
        <Fact label={t('cadre.familiesAssigned')}>{formatNumber(detail.familiesAssigned, lang)}</Fact>
        {ctx.decision && (
          <Fact label={t('cadre.decision')}>
            <span data-testid="cadre-decision" data-decision={ctx.decision.decision}>
              {t('cadre.decisionLine', {
                decision: t(`decision.${ctx.decision.decision}`),
                recommendation: t(`rec.${ctx.decision.recommendation}`),
              })}
            </span>
            {ctx.decision.reason && <div className="note">{ctx.decision.reason}</div>}
          </Fact>
        )}
        {ctx.exit && (
          <Fact label={t('cadre.exit')}>
            <span data-testid="cadre-exit" data-kind={ctx.exit.kind}>
              {t('cadre.exitLine', {
                kind: td(`contractState.${ctx.exit.kind}`, ctx.exit.kind),
                date: formatDate(ctx.exit.date, lang),
                reason: td(
                  `${ctx.exit.kind === 'resigned' ? 'resignation' : 'termination'}.${ctx.exit.reasonCode}`,
                  ctx.exit.reasonCode,
                ),
              })}
            </span>
            {ctx.exit.note && <div className="note">{ctx.exit.note}</div>}
          </Fact>
        )}
      </dl>
    </section>
  );
}
