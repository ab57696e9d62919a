import { formatDate, formatScore, type RecruitmentContext } from '@kader/workflow';
import type { ApplicationDetail } from '../../api/types';
import { useScheduleLine } from '../../components/bits';
import { useI18n } from '../../i18n';
import { useOptionLabel } from './EventForm';
import { Fact } from './Fact';

/**
 * What the selection has recorded so far: the outcome, the documents (ticked here by those who run
 * the selection), eligibility, schedules, scores and the agreement.
 */
export function StageData(props: {
  detail: ApplicationDetail;
  canTick: boolean;
  pendingDoc: string | null;
  onTick: (code: string, verified: boolean) => void;
}) {
  const { t, td, lang } = useI18n();
  const { detail, canTick, pendingDoc, onTick } = props;
  const ctx: RecruitmentContext = detail.context;
  const tz = detail.period.branch.timeZone;
  const scheduleLine = useScheduleLine();
  const optionLabel = useOptionLabel();
  const verified = new Set<string>(ctx.verifiedDocuments);
  const el = ctx.eligibility;

  const score = (kind: 'writtenTest' | 'interview') => {
    const s = ctx.scores[kind];
    if (!s) return <span className="muted">{t('app.noScore')}</span>;
    return (
      <span data-testid={`score-${kind}`}>
        {t('app.scoreLine', { score: formatScore(s.score, lang), grade: formatScore(s.grade, lang) })}{' '}
        <span className={`pill ${s.passed ? 'pill-ok' : 'pill-bad'}`}>{t(s.passed ? 'app.passed' : 'app.failed')}</span>
        {s.notes && <span className="note"> — {s.notes}</span>}
      </span>
    );
  };
  const schedule = (kind: 'writtenTest' | 'interview') => {
    const s = ctx.schedules[kind];
    // `previous` exists from machine v2 on; a v1 snapshot is migrated before it reaches the UI.
    const moved = s?.previous?.length ?? 0;
    return s ? (
      <span data-testid={`schedule-${kind}`}>
        {scheduleLine(kind, s, tz)}
        {moved > 0 && (
          <span
            className="muted"
            data-testid={`rescheduled-${kind}`}
            title={s.previous.map((p) => scheduleLine(kind, p, tz)).join('\n')}
          >
            {' '}
            ({t('app.rescheduled', { n: moved })})
          </span>
        )}
      </span>
    ) : (
      <span className="muted">
        {t(kind === 'writtenTest' ? 'schedule.writtenTest' : 'schedule.interview')}: {t('app.noSchedule')}
      </span>
    );
  };

  return (
    <section className="panel stage" aria-labelledby="stage-title">
      <h2 id="stage-title">{t('app.stage')}</h2>

      {ctx.outcome && (
        <div className={`outcome outcome-${ctx.outcome.kind}`} data-testid="outcome">
          <strong>{td(`state.${ctx.outcome.kind}`, ctx.outcome.kind)}</strong>{' '}
          {t('app.outcomeAt', { stage: td(`state.${ctx.outcome.stage}`, ctx.outcome.stage) })}
          <div>
            {t('app.reason')}:{' '}
            {optionLabel(ctx.outcome.kind === 'withdrawn' ? 'WITHDRAW' : 'REJECT', 'reasonCode', ctx.outcome.reasonCode)}
          </div>
          {ctx.outcome.note && (
            <div>
              {t('app.note')}: {ctx.outcome.note}
            </div>
          )}
        </div>
      )}

      <div className="stage-grid">
        <div>
          <h3>{t('app.documents')}</h3>
          <ul className="checklist" data-testid="documents">
            {ctx.rules.documents.map((d) => {
              const ok = verified.has(d.code);
              return (
                <li key={d.code} className={ok ? 'done' : ''} data-testid={`doc-${d.code}`} data-verified={ok}>
                  <span className="tickmark" aria-hidden="true">
                    {ok ? '✓' : '○'}
                  </span>
                  <span className="doc-name">
                    {td(`doc.${d.code}`, d.code)}{' '}
                    <small className="muted">({t(d.required ? 'app.required' : 'app.optional')})</small>
                  </span>
                  <span className="sr-only">{t(ok ? 'app.verified' : 'app.notVerified')}</span>
                  {canTick && (
                    <button
                      type="button"
                      className={`btn btn-small ${ok ? '' : 'btn-primary'}`}
                      data-testid={`doc-verify-${d.code}`}
                      data-verified={ok}
                      aria-pressed={ok}
                      disabled={pendingDoc !== null}
                      onClick={() => onTick(d.code, ok)}
                      title={td(`event.${ok ? 'UNVERIFY_DOCUMENT' : 'VERIFY_DOCUMENT'}`, '')}
                    >
                      {pendingDoc === d.code ? '…' : t(ok ? 'app.unverify' : 'app.verify')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>

        <div>
          <h3>{t('app.eligibility')}</h3>
          <ul className="plain" data-testid="eligibility">
            <li className={el.age.ok ? 'ok' : 'bad'}>
              {t('app.age', { age: el.age.value, max: el.age.max })}: {t(el.age.ok ? 'app.ok' : 'app.notOk')}
            </li>
            <li className={el.education.ok ? 'ok' : 'bad'}>
              {t('app.eduCheck', { edu: td(`edu.${el.education.value}`, el.education.value) })}:{' '}
              {t(el.education.ok ? 'app.ok' : 'app.notOk')}
            </li>
          </ul>

          <h3>{t('app.schedules')}</h3>
          <ul className="plain">
            <li>{schedule('writtenTest')}</li>
            <li>{schedule('interview')}</li>
          </ul>

          <h3>{t('app.scores')}</h3>
          <dl className="facts">
            <Fact label={t('state.writtenTest')}>{score('writtenTest')}</Fact>
            <Fact label={t('state.interview')}>{score('interview')}</Fact>
          </dl>

          <h3>{t('app.agreement')}</h3>
          {ctx.agreement ? (
            <dl className="facts" data-testid="agreement">
              <Fact label={t('app.agreementNumber')}>
                <span className="mono">{ctx.agreement.number}</span>
              </Fact>
              <Fact label={t('app.signedOn')}>{formatDate(ctx.agreement.signedOn, lang)}</Fact>
              <Fact label={t('app.agreementPeriod')}>
                {formatDate(ctx.agreement.startDate, lang)} – {formatDate(ctx.agreement.endDate, lang)}
              </Fact>
              <Fact label={t('app.debriefedOn')}>
                {ctx.debriefedOn ? formatDate(ctx.debriefedOn, lang) : <span className="muted">{t('misc.dash')}</span>}
              </Fact>
            </dl>
          ) : (
            <p className="muted">{t('app.noAgreement')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
