import { findContractByNumber, type ContractRow, type DbOrTx } from '@kader/db';
import { type MonthlyRecord, msg, render } from '@kader/workflow';
import { z } from 'zod';
import { assertCanRunSelection, requirePrincipal } from '../../auth/guard';
import { canRunSelection, type Principal } from '../../auth/principal';
import type { Context } from '../../context';
import { DomainError } from '../../errors';
import {
  FIELD_COLUMN,
  MONTHLY_IMPORT_LIMIT,
  MONTHLY_IMPORT_TOO_LARGE,
  type MonthlyCsvResult,
  parseMonthlyCsv,
  type RowError,
} from '../../import/monthlyCsv';
import { checkMonthlyRecord, writeMonth } from './recordMonth';

export const importMonthsSchema = z.object({
  branchId: z.number().int().positive(),
  /**
   * The file's text (the browser reads it), measured as the file's UTF-8 bytes. A character is at
   * least one byte, so the length check is a cheap first bound; `abort` skips the exact count.
   */
  csv: z.string().superRefine((text, ctx) => {
    if (text.length > MONTHLY_IMPORT_LIMIT.bytes || Buffer.byteLength(text, 'utf8') > MONTHLY_IMPORT_LIMIT.bytes) {
      const { reason, params } = MONTHLY_IMPORT_TOO_LARGE;
      ctx.addIssue({ code: 'custom', message: reason, params });
    }
  }),
  acceptValidRows: z.boolean(),
  dryRun: z.boolean(),
});

/** A row's problem as the answer carries it: the message (id and parameters) and its Indonesian sentence for API clients. */
export type ImportError = RowError & { message: string };
export type ImportResult = { rows: number; valid: number; imported: number; updated: number; errors: ImportError[] };

/**
 * Imports a branch's monthly reports from a CSV file: every row checked (format, then the
 * agreement it names, then the month against that agreement), errors listed by row and column.
 * A file with errors writes nothing unless the user asks for the valid rows; a month already
 * recorded is updated (audited), never duplicated. The parse needs no database and runs first; the
 * rest is one transaction (see `importMonthsInTransaction`).
 */
export function importMonths({ ctx, input }: { ctx: Context; input: z.output<typeof importMonthsSchema> }): ImportResult {
  const p = requirePrincipal(ctx);
  assertCanRunSelection(p, input.branchId, { entity: 'branch', id: input.branchId });
  const parsed = parseMonthlyCsv(input.csv);
  const at = ctx.now().toISOString();
  const args = {
    principal: p,
    branchId: input.branchId,
    parsed,
    at,
    write: !input.dryRun,
    acceptValidRows: input.acceptValidRows,
  };
  // A dry run reads only, but in a transaction too, so it reports one consistent moment.
  return ctx.handle.db.transaction((tx) => importMonthsInTransaction(tx, args), {
    behavior: input.dryRun ? 'deferred' : 'immediate',
  });
}

/**
 * Resolves the agreement numbers, checks each month against its agreement and writes, all through
 * `tx`: a contract that changed after the file was parsed (ended early, moved, renumbered) is
 * checked as it is when written, never from a reading taken before the transaction began.
 * Throws VALIDATION when writing was asked for and no row is valid.
 */
export function importMonthsInTransaction(
  tx: DbOrTx,
  args: {
    principal: Principal;
    branchId: number;
    parsed: MonthlyCsvResult;
    at: string;
    write: boolean;
    acceptValidRows: boolean;
  },
): ImportResult {
  const { principal: p, parsed } = args;
  const errors: RowError[] = [...parsed.errors];
  const ready: { row: number; contract: ContractRow; record: MonthlyRecord }[] = [];
  for (const r of parsed.rows) {
    const contract = findContractByNumber(tx, r.agreementNumber);
    if (!contract || contract.branchId !== args.branchId || !canRunSelection(p, contract.branchId)) {
      errors.push({
        row: r.row,
        column: 'nomor_pks',
        ...msg('IMPORT_AGREEMENT_NOT_FOUND', { agreementNumber: r.agreementNumber }),
      });
      continue;
    }
    const checked = checkMonthlyRecord(contract, r.record as Record<string, unknown>);
    if (!checked.ok) {
      for (const { path, ...message } of checked.fields) {
        errors.push({ row: r.row, column: FIELD_COLUMN[path.split('.')[0] ?? ''] ?? path, ...message });
      }
      continue;
    }
    ready.push({ row: r.row, contract, record: checked.record });
  }
  errors.sort((a, b) => a.row - b.row);
  const rows = new Set([...parsed.rows.map((r) => r.row), ...errors.map((e) => e.row)]).size;
  const result: ImportResult = {
    rows,
    valid: ready.length,
    imported: 0,
    updated: 0,
    errors: errors.map((e) => ({ ...e, message: render('id', e) })),
  };
  if (!args.write || (errors.length > 0 && !args.acceptValidRows)) return result;
  if (ready.length === 0) throw new DomainError('VALIDATION', msg('IMPORT_NO_VALID_ROWS'));
  for (const r of ready) {
    const outcome = writeMonth(tx, {
      row: r.contract,
      record: r.record,
      revision: null,
      actor: p.username,
      at: args.at,
      source: 'import',
    });
    if (outcome === 'created') result.imported += 1;
    else result.updated += 1;
  }
  return result;
}
