import type { ContractDetail } from '../../api/types';
import { monthLabel } from '../../contracts/chart';
import { formatDate, formatFigure, formatRupiah } from '@kader/workflow';
import { useI18n } from '../../i18n';

/** The fee (imbal jasa) statement of each month, as the server computed it: lines, flags, totals. */
export function FeesPanel({ detail }: { detail: ContractDetail }) {
  const { t, td, lang } = useI18n();
  const months = [...detail.months].sort((a, b) => b.month.localeCompare(a.month));
  if (months.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="fees-title" data-testid="fees">
      <h2 id="fees-title">{t('fee.title')}</h2>
      {months.map((m, i) => {
        const fee = m.fee;
        return (
          <details key={m.month} className="fee" data-testid={`fee-${m.month}`} data-fee={fee.totals.fee} open={i === 0}>
            <summary>
              <strong>{t('fee.month', { month: monthLabel(m.month, lang, { long: true }) })}</strong>:{' '}
              <span data-testid={`fee-total-${m.month}`}>{formatRupiah(fee.totals.fee, lang)}</span>
              <span className="muted">
                {' '}
                · {t('fee.totalCollected')} {formatRupiah(fee.totals.collected, lang)}
              </span>
            </summary>
            {fee.lines.length === 0 ? (
              <p className="muted">{t('fee.noLines')}</p>
            ) : (
              <table className="table fee-table">
                <thead>
                  <tr>
                    <th className="num">{t('fee.arrears')}</th>
                    <th className="num">{t('fee.amount')}</th>
                    <th className="num">{t('fee.rate')}</th>
                    <th className="num">{t('fee.fee')}</th>
                    <th>{t('fee.flag')}</th>
                  </tr>
                </thead>
                <tbody>
                  {fee.lines.map((l, k) => (
                    <tr key={k} data-testid={`fee-line-${m.month}-${k}`} data-flag={l.flag ?? ''} data-fee={l.fee}>
                      <td className="num">{t('fee.arrearsValue', { n: l.arrearsMonths })}</td>
                      <td className="num">{formatRupiah(l.amount, lang)}</td>
                      <td className="num">{formatFigure(l.rateBasisPoints / 100, lang)}%</td>
                      <td className="num">{formatRupiah(l.fee, lang)}</td>
                      <td>{l.flag && <span className="pill pill-warn">{td(`flag.${l.flag}`, l.flag)}</span>}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th>{t('fee.totalCollected')}</th>
                    <td className="num">{formatRupiah(fee.totals.collected, lang)}</td>
                    <td />
                    <td className="num">
                      <strong>{formatRupiah(fee.totals.fee, lang)}</strong>
                    </td>
                    <td className="muted">
                      {t('fee.totalEligible')}: {formatRupiah(fee.totals.eligible, lang)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            )}
            <p className="muted small">{t('fee.schedule', { date: formatDate(fee.scheduleEffectiveFrom, lang) })}</p>
          </details>
        );
      })}
    </section>
  );
}
