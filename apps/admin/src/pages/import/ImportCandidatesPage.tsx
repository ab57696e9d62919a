import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatNumber, msg } from '@kader/workflow/display';
import { useEffect, useId, useRef, useState } from 'react';
import { trpcClient } from '../../client';
import { RefusalMessage } from '../../components/RefusalMessage';
import { downloadFile, readFileText } from '../../contracts/files';
import { useI18n } from '../../i18n';
import { usePeriod } from '../../period';
import { useTRPC } from '../../trpc';
import { ImportErrors } from './ImportErrors';
import { checkPart, percent, registerParts } from './parts';
import type { CandidateImportError, Registered } from './types';

type Progress = { done: number; total: number };
type Checked = { rows: number; ready: number[]; errors: CandidateImportError[] };
type Done = { registered: Registered[]; errors: CandidateImportError[]; stopped: boolean };

/**
 * Taking in many candidates from a CSV file into one period: the template to download, the file
 * checked in parts (every row's problems by row and column, duplicates against the database with
 * the existing application), then registered in parts with a progress bar, either every row or,
 * when some have problems and the user asks for it, the valid rows only.
 */
export function ImportCandidatesPage() {
  const { t, tmsg, lang } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { periods, period, setPeriodId } = usePeriod();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [progress, setProgress] = useState<{ phase: 'checking' | 'registering'; at: Progress } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // a page left mid-import stops sending parts
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const periodId = period?.id ?? null;
  const template = useQuery({
    ...trpc.candidates.importTemplate.queryOptions({ periodId: periodId ?? 0 }, { staleTime: Infinity }),
    enabled: periodId !== null,
  });
  const limit = template.data?.limit;

  const reset = () => {
    setChecked(null);
    setDone(null);
    setFailure(null);
  };

  const check = async (text: string, forPeriod: number) => {
    reset();
    setProgress({ phase: 'checking', at: { done: 0, total: 0 } });
    try {
      const found: Checked = { rows: 0, ready: [], errors: [] };
      let from = 1;
      let lastRow = 0;
      do {
        const part = checkPart(from);
        const answer = await trpcClient.candidates.importCsv.mutate({
          periodId: forPeriod,
          csv: text,
          acceptValidRows: false,
          dryRun: true,
          rows: part,
        });
        if (!alive.current) return;
        found.rows = answer.rows;
        found.ready.push(...answer.ready);
        found.errors.push(...answer.errors);
        lastRow = answer.lastRow;
        from = part.to + 1;
        setProgress({ phase: 'checking', at: { done: Math.min(part.to, lastRow) - 1, total: Math.max(lastRow - 1, 0) } });
        // lastRow 0: no row can be used (a wrong header, too many rows), and the first answer said why
      } while (from <= lastRow);
      setChecked(found);
    } catch (err) {
      if (alive.current) setFailure(err);
    } finally {
      if (alive.current) setProgress(null);
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    // cleared so that choosing the same file again, once corrected, checks it again
    input.value = '';
    reset();
    if (!chosen || periodId === null) {
      setFile(null);
      return;
    }
    const text = await readFileText(chosen);
    setFile({ name: chosen.name, text });
    await check(text, periodId);
  };

  const register = async () => {
    if (!file || !checked || periodId === null) return;
    const acceptValidRows = checked.errors.length > 0;
    const parts = registerParts(checked.ready);
    const total = checked.ready.length;
    const result: Done = { registered: [], errors: [], stopped: false };
    setFailure(null);
    setProgress({ phase: 'registering', at: { done: 0, total } });
    try {
      for (const rows of parts) {
        const answer = await trpcClient.candidates.importCsv.mutate({
          periodId,
          csv: file.text,
          acceptValidRows,
          dryRun: false,
          rows,
        });
        if (!alive.current) return;
        result.registered.push(...answer.registered);
        result.errors.push(...answer.errors);
        setProgress({ phase: 'registering', at: { done: result.registered.length, total } });
        // a row refused while registering (registered meanwhile elsewhere) stops an import of every row
        if (!answer.written && answer.errorCount > 0) {
          result.stopped = true;
          break;
        }
      }
    } catch (err) {
      if (alive.current) setFailure(err);
    } finally {
      if (alive.current) {
        setProgress(null);
        setChecked(null);
        setDone(result);
        // the board and the periods' counts show the new registrations
        void queryClient.invalidateQueries({ queryKey: trpc.applications.board.queryKey() });
      }
    }
  };

  const busy = progress !== null;
  const invalidRows = checked ? new Set(checked.errors.map((e) => e.row)).size : 0;
  const bar = progress && (
    <div className="import-progress" data-testid="candidate-import-progress" data-phase={progress.phase}>
      <progress max={100} value={percent(progress.at.done, progress.at.total)} />
      <span role="status">
        {t(progress.phase === 'checking' ? 'candidateImport.checking' : 'candidateImport.registering', {
          done: formatNumber(progress.at.done, lang),
          total: formatNumber(progress.at.total, lang),
        })}
      </span>
    </div>
  );

  return (
    <section className="panel import candidate-import" aria-labelledby={`${inputId}-title`} data-testid="candidate-import">
      <h1 id={`${inputId}-title`}>{t('candidateImport.title')}</h1>
      <p className="muted">{t('candidateImport.intro')}</p>
      {periods.length === 0 ? (
        <p className="alert alert-warn">{t('candidateImport.noPeriod')}</p>
      ) : (
        <div className="form-grid">
          <label className="field" htmlFor={`${inputId}-period`}>
            <span>{t('candidateImport.period')}</span>
            <select
              id={`${inputId}-period`}
              data-testid="candidate-import-period"
              value={periodId ?? ''}
              disabled={busy}
              onChange={(e) => {
                setPeriodId(Number(e.target.value));
                setFile(null);
                reset();
              }}
            >
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.branch.name} · {p.year}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {limit && (
        <p data-testid="candidate-import-limit">
          {t('candidateImport.limit', {
            rows: formatNumber(limit.rows, lang),
            megabytes: formatNumber(limit.bytes / (1024 * 1024), lang),
          })}
        </p>
      )}
      <p className="muted">{t('candidateImport.templateHint')}</p>
      <div className="import-controls">
        <button
          type="button"
          className="btn"
          data-testid="candidate-import-template"
          disabled={!template.data}
          onClick={() => template.data && downloadFile(template.data.filename, `\uFEFF${template.data.csv}`, 'text/csv')}
        >
          {t('candidateImport.template')}
        </button>
        <label htmlFor={inputId}>{t('candidateImport.file')}</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="candidate-import-file"
          disabled={busy || periodId === null}
          onChange={(e) => void choose(e.currentTarget)}
        />
        {file && <span className="mono">{file.name}</span>}
      </div>
      {bar}
      {failure !== null && <RefusalMessage error={failure} testId="candidate-import-error" />}

      {checked && (
        <div
          className="import-result"
          data-testid="candidate-import-summary"
          data-rows={checked.rows}
          data-ready={checked.ready.length}
          data-errors={checked.errors.length}
        >
          <p>
            {t('candidateImport.summary', {
              rows: formatNumber(checked.rows, lang),
              ready: formatNumber(checked.ready.length, lang),
              invalid: formatNumber(invalidRows, lang),
            })}
          </p>
          {checked.errors.length > 0 && (
            <>
              <h2>{t('candidateImport.errors')}</h2>
              <ImportErrors errors={checked.errors} />
              <p className="muted">{t('candidateImport.chooseAgain')}</p>
            </>
          )}
          <div className="form-actions">
            {checked.ready.length > 0 ? (
              <button
                type="button"
                className="btn btn-primary"
                data-testid={checked.errors.length > 0 ? 'candidate-import-run-valid' : 'candidate-import-run'}
                disabled={busy}
                onClick={() => void register()}
              >
                {t(checked.errors.length > 0 ? 'candidateImport.runValid' : 'candidateImport.run', {
                  count: formatNumber(checked.ready.length, lang),
                })}
              </button>
            ) : (
              <span className="muted">{tmsg(msg('IMPORT_NO_VALID_ROWS'))}</span>
            )}
          </div>
        </div>
      )}

      {done && (
        <div className="import-result" data-testid="candidate-import-done" data-registered={done.registered.length}>
          <p className="alert alert-ok" role="status">
            {t('candidateImport.done', { count: formatNumber(done.registered.length, lang) })}
          </p>
          {done.stopped && (
            <p className="alert alert-warn" data-testid="candidate-import-stopped">
              {t('candidateImport.stopped', { count: formatNumber(new Set(done.errors.map((e) => e.row)).size, lang) })}
            </p>
          )}
          {done.errors.length > 0 && <ImportErrors errors={done.errors} />}
          {done.registered.length > 0 && <RegisteredList registered={done.registered} />}
        </div>
      )}
      <p>
        <Link to="/daftar" className="btn">
          {t('candidateImport.back')}
        </Link>
      </p>
    </section>
  );
}

function RegisteredList({ registered }: { registered: Registered[] }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('candidateImport.registered')}</h2>
      <div className="table-wrap">
        <table className="table" data-testid="candidate-import-registered">
          <thead>
            <tr>
              <th className="num">{t('candidateImport.row')}</th>
              <th>{t('candidateImport.name')}</th>
              <th>{t('candidateImport.application')}</th>
            </tr>
          </thead>
          <tbody>
            {registered.map((r) => (
              <tr key={r.applicationId} data-row={r.row}>
                <td className="num">{r.row}</td>
                <td>{r.name}</td>
                <td>
                  <Link to="/lamaran/$id" params={{ id: String(r.applicationId) }}>
                    #{r.applicationId}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
