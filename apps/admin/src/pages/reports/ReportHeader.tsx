import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { downloadCsv } from './download';

/**
 * A report's title, what it counts, and its "Unduh CSV" button (the table shown, made in the
 * browser): the same head on every report, so the CSV is always in the same place.
 */
export function ReportHeader({
  title,
  intro,
  csv,
  children,
}: {
  title: string;
  intro: string;
  /** null while there is nothing to download */
  csv: (() => { text: string; filename: string }) | null;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="report-head">
      <div>
        <h2 className="reports-subtitle">{title}</h2>
        <p className="muted">{intro}</p>
      </div>
      <div className="report-actions no-print">
        {children}
        <button
          type="button"
          className="btn"
          data-testid="reports-download"
          disabled={csv === null}
          onClick={() => {
            if (!csv) return;
            const file = csv();
            downloadCsv(file.text, file.filename);
          }}
        >
          {t('reports.download')}
        </button>
      </div>
    </div>
  );
}
