import { formatDate, formatNumber, formatRupiah } from '@kader/workflow';
import { useState } from 'react';
import type { ContractDetail, ContractMonth } from '../../api/types';
import { monthLabel } from '../../contracts/chart';
import { monthValuesFromRecord, newMonthValues, suggestedMonth } from '../../contracts/monthForm';
import { useI18n } from '../../i18n';
import { type Editing, MonthForm } from './MonthForm';
import { Table } from '../../components/Table';
import type { Reload } from '../../components/DetailFrame';

/** The monthly reports: a table of the months recorded, and the form to add or edit one. */
export function MonthsPanel(
  props: {
    detail: ContractDetail;
    canRecord: boolean;
  } & Reload,
) {
  const { detail, canRecord, reload, reloading } = props;
  const { t, td, lang } = useI18n();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const months = [...detail.months].sort((a, b) => a.month.localeCompare(b.month));

  const startNew = () => {
    setSaved(null);
    const month = suggestedMonth(
      detail.startDate,
      detail.endDate,
      months.map((m) => m.month),
    );
    setEditing({ month: null, revision: null, values: newMonthValues(month, detail.familiesAssigned) });
  };
  const startEdit = (m: ContractMonth) => {
    setSaved(null);
    setEditing({ month: m.month, revision: m.revision, values: monthValuesFromRecord(m.record) });
  };

  return (
    <section className="panel" aria-labelledby="months-title" data-testid="months">
      <div className="panel-head">
        <h2 id="months-title">{t('months.title')}</h2>
        {canRecord && !editing && (
          <button type="button" className="btn btn-small btn-primary" data-testid="month-add" onClick={startNew}>
            {t('months.add')}
          </button>
        )}
      </div>
      {saved && (
        <p className="alert alert-ok" role="status" data-testid="month-saved">
          {t('months.saved', { month: monthLabel(saved, lang, { long: true }) })}
        </p>
      )}
      {editing && (
        <MonthForm
          key={`${editing.month ?? 'new'}-${editing.revision ?? 0}`}
          detail={detail}
          editing={editing}
          reload={reload}
          reloading={reloading}
          onCancel={() => setEditing(null)}
          onSaved={(month) => {
            setEditing(null);
            setSaved(month);
          }}
        />
      )}
      {months.length === 0 ? (
        <p className="muted" data-testid="months-empty">
          {t('months.none')}
        </p>
      ) : (
        <Table
          className="months-table"
          testId="months-table"
          head={
            <>
              <th>{t('months.month')}</th>
              <th className="num">{t('months.visited')}</th>
              <th className="num">{t('months.visits')}</th>
              <th className="num">{t('months.collected')}</th>
              <th>{t('months.reportDate')}</th>
              <th className="num">{t('months.meetings')}</th>
              <th>{t('months.flags')}</th>
              {canRecord && <th aria-label={t('app.actions')} />}
            </>
          }
        >
          {months.map((m) => {
            const r = m.record;
            return (
              <tr key={m.month} data-testid={`month-row-${m.month}`} data-on-time={m.onTime} data-revision={m.revision}>
                <td className="nowrap">{monthLabel(m.month, lang, { long: true })}</td>
                <td className="num" data-testid="month-visited">
                  {formatNumber(r.familiesVisited, lang)} / {formatNumber(r.familiesAssigned, lang)}
                </td>
                <td className="num">{formatNumber(r.visits, lang)}</td>
                <td
                  className="num"
                  data-testid="month-collected"
                  data-collected={m.fee.totals.collected}
                  data-eligible={m.fee.totals.eligible}
                >
                  {formatRupiah(m.fee.totals.collected, lang)}
                  {m.fee.totals.eligible !== m.fee.totals.collected && (
                    <div className="muted small">({formatRupiah(m.fee.totals.eligible, lang)})</div>
                  )}
                </td>
                <td className="nowrap">
                  {r.reportDeliveredOn ? (
                    formatDate(r.reportDeliveredOn, lang)
                  ) : (
                    <span className="muted">{t('months.notDelivered')}</span>
                  )}{' '}
                  <span
                    className={`pill ${m.onTime ? 'pill-ok' : 'pill-bad'}`}
                    data-testid="month-on-time"
                    data-on-time={m.onTime}
                  >
                    {t(m.onTime ? 'months.onTime' : 'months.late')}
                  </span>
                </td>
                <td className="num">
                  {formatNumber(r.meetingsAttended, lang)} / {formatNumber(r.meetingsHeld, lang)}
                </td>
                <td data-testid="month-flags" data-flags={m.flags.map((f) => f.flag).join(' ')}>
                  {m.flags.map((f) => (
                    <span key={f.index} className="pill pill-warn" title={td(`flag.${f.flag}`, f.flag)} data-flag={f.flag}>
                      {td(`flagShort.${f.flag}`, f.flag)} · {formatRupiah(f.amount, lang)}
                    </span>
                  ))}
                </td>
                {canRecord && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid={`month-edit-${m.month}`}
                      disabled={editing !== null}
                      onClick={() => startEdit(m)}
                    >
                      {t('months.edit')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}
