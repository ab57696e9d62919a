import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ImportResult } from '../../api/types';
import { IMPORT_TEMPLATE_CSV, IMPORT_TEMPLATE_FILENAME, readFileText } from '../../contracts/files';
import { formatNumber, msg } from '@kader/workflow';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../trpc';
import { RefusalMessage } from '../../components/RefusalMessage';
import { useContractInvalidation } from './DecideDialog';
import { Table } from '../../components/Table';

/** The template as a link (a `data:` URL: nothing to fetch, works offline). */
export function templateHref(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}

/**
 * Import of monthly reports from a CSV: the file is read in the browser and checked first
 * (`dryRun`), its problems listed by row and column; then "Impor", or "Impor baris yang valid
 * saja" when some rows have problems.
 */
export function ImportPanel({ branchId }: { branchId: number }) {
  const { t, tmsg, lang } = useI18n();
  const trpc = useTRPC();
  const invalidate = useContractInvalidation();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const run = useMutation(trpc.contracts.importMonths.mutationOptions());
  // the server's template (its columns are the parser's); the built-in copy until it answers
  const template = useQuery(
    trpc.contracts.importTemplate.queryOptions(undefined, { staleTime: Infinity, refetchOnWindowFocus: false }),
  );
  const templateCsv = template.data?.csv ?? IMPORT_TEMPLATE_CSV;
  const templateName = template.data?.filename ?? IMPORT_TEMPLATE_FILENAME;

  const check = (text: string) => {
    setChecked(null);
    setDone(null);
    run.reset();
    if (!text.trim()) {
      setLocalError(t('import.empty'));
      return;
    }
    setLocalError(null);
    run.mutate({ branchId, csv: text, acceptValidRows: false, dryRun: true }, { onSuccess: (r) => setChecked(r) });
  };

  const choose = async (f: File | undefined) => {
    setChecked(null);
    setDone(null);
    if (!f) {
      setFile(null);
      return;
    }
    const text = await readFileText(f);
    setFile({ name: f.name, text });
    check(text);
  };

  const commit = (acceptValidRows: boolean) => {
    if (!file) return;
    run.mutate(
      { branchId, csv: file.text, acceptValidRows, dryRun: false },
      {
        onSuccess: (r) => {
          setDone(r);
          setChecked(null);
          invalidate();
        },
      },
    );
  };

  const errors = checked?.errors ?? [];
  const pendingDry = run.isPending && run.variables?.dryRun === true;
  const pendingRun = run.isPending && run.variables?.dryRun === false;

  return (
    <section className="panel import" aria-labelledby={`${inputId}-title`} data-testid="import-panel">
      <h2 id={`${inputId}-title`}>{t('import.title')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <div className="import-controls">
        <label htmlFor={inputId}>{t('import.file')}</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="import-file"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <button
          type="button"
          className="btn btn-small"
          data-testid="import-check"
          disabled={!file || run.isPending}
          onClick={() => (file ? check(file.text) : setLocalError(t('import.noFile')))}
        >
          {pendingDry ? t('import.checking') : t('import.check')}
        </button>
        <a
          className="btn btn-small"
          href={templateHref(templateCsv)}
          download={templateName}
          data-testid="import-template"
          data-source={template.data ? 'server' : 'built-in'}
        >
          {t('import.template')}
        </a>
      </div>
      {localError && (
        <p className="field-error" data-testid="import-local-error">
          {localError}
        </p>
      )}
      {run.error && <RefusalMessage error={run.error} testId="import-error" />}

      {checked && (
        <div
          className="import-result"
          data-testid="import-summary"
          data-rows={checked.rows}
          data-valid={checked.valid}
          data-errors={errors.length}
        >
          <p>
            {t('import.summary', {
              rows: formatNumber(checked.rows, lang),
              valid: formatNumber(checked.valid, lang),
              invalid: formatNumber(checked.rows - checked.valid, lang),
            })}
          </p>
          {errors.length > 0 && (
            <>
              <h3>{t('import.errors')}</h3>
              <Table
                className="import-errors"
                testId="import-errors"
                head={
                  <>
                    <th className="num">{t('import.row')}</th>
                    <th>{t('import.column')}</th>
                    <th>{t('import.message')}</th>
                  </>
                }
              >
                {errors.map((e, i) => (
                  <tr key={i} data-testid={`import-error-${i}`} data-row={e.row} data-column={e.column}>
                    <td className="num">{e.row}</td>
                    <td className="mono">{e.column}</td>
                    <td>{tmsg(e)}</td>
                  </tr>
                ))}
              </Table>
            </>
          )}
          <div className="form-actions">
            {errors.length === 0 || checked.valid > 0 ? (
              // with errors, only the valid rows are imported
              <button
                type="button"
                className="btn btn-primary"
                data-testid={errors.length > 0 ? 'import-run-valid' : 'import-run'}
                disabled={run.isPending || checked.valid === 0}
                onClick={() => commit(errors.length > 0)}
              >
                {pendingRun ? t('import.running') : t(errors.length > 0 ? 'import.runValid' : 'import.run')}
              </button>
            ) : (
              <span className="muted">{tmsg(msg('IMPORT_NO_VALID_ROWS'))}</span>
            )}
          </div>
        </div>
      )}
      {done && (
        <p
          className="alert alert-ok"
          role="status"
          data-testid="import-done"
          data-imported={done.imported}
          data-updated={done.updated}
        >
          {t('import.done', { imported: formatNumber(done.imported, lang), updated: formatNumber(done.updated, lang) })}
        </p>
      )}
    </section>
  );
}
