import {
  appendAudit,
  type ContractRow,
  type DbOrTx,
  getMonthly,
  insertMonthly,
  refreshTargetYears,
  updateMonthlyIfRevision,
} from '@kader/db';
import {
  effectiveAt,
  type FieldMessage,
  fieldMsg,
  type KpiSettings,
  type MonthlyRecord,
  monthlyFeeFigures,
  monthlyFigures,
  msg,
  parseMonthlyRecord,
} from '@kader/workflow';
import { z } from 'zod';
import { assertCanRunSelection, requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { DomainError, invalidInput } from '../../errors';
import { feeVersions, kpiVersions } from './settings';
import { mustGetContract } from './shared';
import { contractDetail } from './views';

export const recordMonthSchema = z.object({
  contractId: z.number().int().positive(),
  /** The month's revision the caller saw; null when recording a month for the first time. */
  revision: z.number().int().min(1).nullable(),
  record: z.looseObject({}),
});

const monthOf = (date: string) => date.slice(0, 7);

/** Checks a month's record against its contract; returns the record or the field messages. */
export function checkMonthlyRecord(
  row: ContractRow,
  raw: Record<string, unknown>,
): { ok: true; record: MonthlyRecord } | { ok: false; fields: FieldMessage[] } {
  const parsed = parseMonthlyRecord({ familiesAssigned: row.familiesAssigned, ...raw });
  if (!parsed.ok) return { ok: false, fields: parsed.fields };
  const record = parsed.record;
  const first = monthOf(row.startDate);
  const last = monthOf(row.endDate);
  if (record.month < first || record.month > last) {
    return { ok: false, fields: [fieldMsg('month', 'MONTH_OUTSIDE_AGREEMENT', { first, last })] };
  }
  return { ok: true, record };
}

/**
 * The KPI version an agreement year's scorecard uses (the one in force on its evaluation date; the
 * earliest when none was yet, as db `queries/reportTargets.ts` picks it), as the targets report's
 * rows store its targets.
 */
function targetsOf(versions: readonly KpiSettings[], row: ContractRow) {
  const v = versions.some((k) => k.effectiveFrom <= row.evaluationDueOn)
    ? effectiveAt(versions, row.evaluationDueOn)
    : versions.reduce((a, b) => (b.effectiveFrom < a.effectiveFrom ? b : a));
  return {
    effectiveFrom: v.effectiveFrom,
    familiesVisitedShare: v.targets.familiesVisitedShare,
    collectionPerMonth: v.targets.collectionPerMonth,
    meetingsPerMonth: v.targets.meetingsPerMonth,
    reportDueDay: v.targets.reportDueDay,
  };
}

/** Writes one month (new or replacing), audited; `revision` null means "must not exist yet". */
export function writeMonth(
  tx: DbOrTx,
  args: {
    row: ContractRow;
    record: MonthlyRecord;
    revision: number | null;
    actor: string;
    at: string;
    source: 'form' | 'import';
  },
): 'created' | 'updated' {
  const existing = getMonthly(tx, { contractId: args.row.id, month: args.record.month });
  if (existing && args.revision === null && args.source === 'form') throw new DomainError('CONFLICT', msg('CONFLICT'));
  let outcome: 'created' | 'updated';
  // the reports' read model, stored with the record in the same statement: the scorecard's figures
  // and the fee statement under the fee schedule in force for the month (as the cadre page's)
  const figures = { ...monthlyFigures(args.record), ...monthlyFeeFigures(args.record, feeVersions(tx)) };
  if (!existing) {
    if (args.revision !== null && args.source === 'form') throw new DomainError('CONFLICT', msg('CONFLICT'));
    insertMonthly(tx, {
      contractId: args.row.id,
      month: args.record.month,
      record: args.record,
      ...figures,
      revision: 1,
      createdAt: args.at,
      updatedAt: args.at,
    });
    outcome = 'created';
  } else {
    // An import replaces what it finds (the file is the newer word); a form names what it saw.
    const seen = args.source === 'import' ? existing.revision : args.revision!;
    if (
      !updateMonthlyIfRevision(tx, {
        id: existing.id,
        expectedRevision: seen,
        values: { record: args.record, ...figures, updatedAt: args.at },
      })
    ) {
      throw new DomainError('CONFLICT', msg('CONFLICT'));
    }
    outcome = 'updated';
  }
  // the targets report's rows of this agreement, from its months as now written (same transaction)
  refreshTargetYears(tx, args.row.id, targetsOf(kpiVersions(tx), args.row));
  appendAudit(tx, {
    entityType: 'contract',
    entityId: args.row.id,
    type: outcome === 'created' ? 'MONTH_RECORDED' : 'MONTH_UPDATED',
    payload: { month: args.record.month, record: args.record, source: args.source, previous: existing?.record ?? null },
    actor: args.actor,
    at: args.at,
  });
  return outcome;
}

/** One cadre-month from the form (recruiter or supervisor of the branch), revision-checked. */
export function recordMonth({ ctx, input }: { ctx: Context; input: z.output<typeof recordMonthSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return db.transaction(
    (tx) => {
      const row = mustGetContract(tx, input.contractId);
      assertCanRunSelection(p, row.branchId, { entity: 'contract', id: row.id });
      const checked = checkMonthlyRecord(row, input.record);
      if (!checked.ok) throw invalidInput(checked.fields.map((f) => ({ ...f, path: `record.${f.path}` })));
      writeMonth(tx, {
        row,
        record: checked.record,
        revision: input.revision,
        actor: p.username,
        at: ctx.now().toISOString(),
        source: 'form',
      });
      return contractDetail(tx, mustGetContract(tx, row.id), p, ctx.now());
    },
    { behavior: 'immediate' },
  );
}
