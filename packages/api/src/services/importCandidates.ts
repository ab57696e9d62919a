import { findCandidateByNik, getPeriod, listOtherApplications, type DbOrTx } from '@kader/db';
import { CLOSED_STATES, msg, normalizeNik, render } from '@kader/workflow';
import { z } from 'zod';
import { assertCanRunSelection, requirePrincipal } from '../auth/guard';
import { canReadBranch, type Principal } from '../auth/principal';
import type { Context } from '../context';
import { DomainError } from '../errors';
import {
  CANDIDATE_CSV_TEMPLATE_FILENAME,
  CANDIDATE_IMPORT_LIMIT,
  CANDIDATE_IMPORT_TOO_LARGE,
  type CandidateRow,
  candidatesCsvTemplate,
  columnOfPath,
  parseCandidatesCsv,
  type RowError,
} from '../import/candidatesCsv';
import { registerCandidate } from './registerCandidate';

const rowNumber = z.number().int().min(1);

export const importCandidatesSchema = z.object({
  periodId: z.number().int().positive(),
  /** The file's text (the browser reads it), measured as the file's UTF-8 bytes; the length is a cheap first bound. */
  csv: z.string().superRefine((text, ctx) => {
    if (text.length > CANDIDATE_IMPORT_LIMIT.bytes || Buffer.byteLength(text, 'utf8') > CANDIDATE_IMPORT_LIMIT.bytes) {
      const { reason, params } = CANDIDATE_IMPORT_TOO_LARGE;
      ctx.addIssue({ code: 'custom', message: reason, params });
    }
  }),
  acceptValidRows: z.boolean(),
  dryRun: z.boolean(),
  /**
   * Only the rows from `from` to `to` (spreadsheet row numbers) are checked against the database
   * and registered: the admin sends a large file in parts, so no call holds the server for long
   * and a progress bar can follow. The file itself is read whole each time, so a file with errors
   * anywhere writes nothing unless the valid rows were asked for.
   */
  rows: z
    .object({ from: rowNumber, to: rowNumber })
    .refine((r) => r.from <= r.to, { error: 'IMPORT_ROWS_RANGE' })
    .optional(),
});
type ImportCandidatesInput = z.output<typeof importCandidatesSchema>;

/** The application a NIK already has, as the row's error shows it (state and branch only to those who may read it). */
export type ExistingApplication = { applicationId: number; year: number; state?: string; branch?: string };
/** A row's problem: the message (id and parameters) and its Indonesian sentence for API clients. */
export type CandidateImportError = RowError & { message: string; existing?: ExistingApplication };
export type CandidateImportResult = {
  /** Data rows in the file. */
  rows: number;
  /** The last data row's number: a caller sending the file in parts goes up to it (0: no row can be used). */
  lastRow: number;
  /** Rows that register (a dry run: would register), row numbers in file order: the admin sends these in parts. */
  ready: number[];
  /** Registrations written by this call (none in a dry run, or when errors stopped it). */
  registered: { row: number; applicationId: number; candidateId: number; name: string }[];
  /** Problems by row and column, of the rows this call was about (every row without `rows`, or when none can be read). */
  errors: CandidateImportError[];
  /** Problems in the whole file and this part: any, and nothing is written unless the valid rows were asked for. */
  errorCount: number;
  /** Whether this call wrote. */
  written: boolean;
};

/** Carries a finished answer out of a transaction that must not commit. */
class RollBack {
  constructor(readonly result: CandidateImportResult) {}
}

/** A refusal about the whole import (the period, the user) rather than one row: it stops the import. */
function isAboutTheImport(err: DomainError): boolean {
  if (err.code !== 'VALIDATION') return true;
  const fields = err.details.fields ?? [];
  return fields.length === 0 || fields.some((f) => columnOfPath(f.path) === undefined);
}

/** The application a NIK refusal is about: the one it names, else the newest still under way, else the newest. */
function existingApplication(tx: DbOrTx, p: Principal, nik: string, named: unknown): ExistingApplication | undefined {
  const candidate = findCandidateByNik(tx, normalizeNik(nik));
  if (!candidate) return undefined;
  const apps = listOtherApplications(tx, { candidateId: candidate.id, exceptId: -1 });
  const app = apps.find((a) => a.id === named) ?? apps.find((a) => !CLOSED_STATES.includes(a.state)) ?? apps[0];
  if (!app) return undefined;
  if (!canReadBranch(p, app.branchId)) return { applicationId: app.id, year: app.year };
  return { applicationId: app.id, year: app.year, state: app.state, branch: app.branchName };
}

/**
 * Takes in many candidates from a CSV file into one period. The file is read and checked without
 * the database (the register form's schema, the work area by name, a NIK twice in the file); then
 * each row is registered through `registerCandidate`, the form's own service, so a row is refused
 * for exactly what the form would be refused for (a NIK already registered, with the existing
 * application named) and each registration is audited as the form's is. All of it runs in one
 * transaction, each row in its own savepoint: a dry run, or a file with errors when the valid
 * rows were not asked for, rolls back whole, so it writes nothing and still answers every row.
 */
export function importCandidates({ ctx, input }: { ctx: Context; input: ImportCandidatesInput }): CandidateImportResult {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const period = getPeriod(db, input.periodId);
  const subject = { entity: 'period', id: input.periodId } as const;
  if (!period) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', subject));
  assertCanRunSelection(p, period.branchId, subject);

  const parsed = parseCandidatesCsv(input.csv, {
    periodId: period.id,
    branchName: period.branch.name,
    workAreas: period.workAreas,
  });
  const inRange = (row: number) => !input.rows || (row >= input.rows.from && row <= input.rows.to);
  const attempt = parsed.rows.filter((r) => inRange(r.row));
  if (!input.dryRun && !input.rows && parsed.rows.length === 0) {
    throw new DomainError('VALIDATION', msg('IMPORT_NO_VALID_ROWS'));
  }

  const run = (tx: DbOrTx): CandidateImportResult => {
    const rowErrors: CandidateImportError[] = [];
    const registered: CandidateImportResult['registered'] = [];
    for (const r of attempt) {
      const outcome = registerRow(ctx, tx, p, r, parsed.columnName);
      if ('errors' in outcome) rowErrors.push(...outcome.errors);
      else registered.push(outcome);
    }
    // the file's own problems (all of them decide whether to write), then this part's refusals
    const fileErrors = parsed.errors.map((e) => ({ ...e, message: render('id', e) }));
    const allErrors = [...fileErrors, ...rowErrors];
    const write = !input.dryRun && (allErrors.length === 0 || input.acceptValidRows);
    // a file no row of which can be used (a wrong header, too many rows) is told whole, whatever the part
    const shown = allErrors.filter((e) => parsed.lastRow === 0 || inRange(e.row)).sort((a, b) => a.row - b.row);
    const result: CandidateImportResult = {
      rows: parsed.dataRows,
      lastRow: parsed.lastRow,
      ready: registered.map((r) => r.row),
      registered: write ? registered : [],
      errors: shown,
      errorCount: allErrors.length,
      written: write && registered.length > 0,
    };
    if (!write) throw new RollBack(result);
    return result;
  };
  try {
    return db.transaction(run, { behavior: 'immediate' });
  } catch (err) {
    if (err instanceof RollBack) return err.result;
    throw err;
  }
}

/** One row through the registration service, in a savepoint of the import's transaction. */
function registerRow(
  ctx: Context,
  tx: DbOrTx,
  p: Principal,
  { row, input }: CandidateRow,
  columnName: (name: string) => string,
): CandidateImportResult['registered'][number] | { errors: CandidateImportError[] } {
  try {
    const { applicationId, candidateId } = registerCandidate({ ctx, input });
    return { row, applicationId, candidateId, name: input.candidate.name };
  } catch (err) {
    if (!(err instanceof DomainError) || isAboutTheImport(err)) throw err;
    const errors = (err.details.fields ?? []).map(({ path, ...message }): CandidateImportError => {
      const column = columnName(columnOfPath(path)!);
      const error: CandidateImportError = { row, column, ...message, message: render('id', message) };
      if (path !== 'candidate.nik') return error;
      const named = 'applicationId' in message.params ? message.params.applicationId : undefined;
      const existing = existingApplication(tx, p, input.candidate.nik, named);
      return existing ? { ...error, existing } : error;
    });
    return { errors };
  }
}

/** The template to download, its example row in one of the period's work areas. */
export function candidateImportTemplate({ ctx, input }: { ctx: Context; input: { periodId: number } }) {
  const p = requirePrincipal(ctx);
  const period = getPeriod(ctx.handle.db, input.periodId);
  const subject = { entity: 'period', id: input.periodId } as const;
  if (!period) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', subject));
  assertCanRunSelection(p, period.branchId, subject);
  return {
    filename: CANDIDATE_CSV_TEMPLATE_FILENAME,
    csv: candidatesCsvTemplate(period.workAreas[0]?.name ?? ''),
    limit: CANDIDATE_IMPORT_LIMIT,
  };
}
