import {
  appendAudit,
  getContract,
  getMonthly,
  insertMonthly,
  listContracts as listContractRows,
  listOtherApplications,
  updateMonthlyIfRevision,
  type ContractRow,
  type DbOrTx,
} from '@kader/db';
import {
  addDays,
  CLOSED_STATES,
  CONTRACT_STATES,
  dateInZone,
  decisionJustified,
  DECISION_REASON_MIN_LENGTH,
  lateDecisionJustified,
  parseContractEvent,
  parseMonthlyRecord,
  recommendationForDecision,
  type MonthlyRecord,
} from '@kader/workflow';
import { z } from 'zod';
import { assertCanCorrect, assertCanRunSelection, requirePrincipal } from '../../auth/guard';
import { canReadBranch, type Principal } from '../../auth/principal';
import type { Context } from '../../context';
import { CONFLICT_MESSAGE, DomainError } from '../../errors';
import { applyToContract } from './lifecycle';
import { contractCard, contractDetail, scorecardOf } from './views';
import { listBranches } from '@kader/db';

const id = z.number().int().positive();

export const listContractsSchema = z.object({
  branchId: id.optional(),
  workAreaId: id.optional(),
  state: z.enum(CONTRACT_STATES).optional(),
  endingBefore: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal berformat YYYY-MM-DD')
    .optional(),
  search: z.string().max(100).optional(),
  page: z.number().int().min(0).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});

export const decideSchema = z.object({
  id,
  revision: z.number().int().min(1),
  decision: z.enum(['renew', 'drop'], { message: 'Pilih perpanjang atau tidak diperpanjang' }),
  reason: z.string().trim().max(1000).optional().default(''),
});

export const sendContractSchema = z.object({ id, revision: z.number().int().min(1), event: z.looseObject({ type: z.string() }) });

export const recordMonthSchema = z.object({
  contractId: id,
  /** The month's revision the caller saw; null when recording a month for the first time. */
  revision: z.number().int().min(1).nullable(),
  record: z.looseObject({}),
});

function mustGet(db: DbOrTx, contractId: number): ContractRow {
  const row = getContract(db, contractId);
  if (!row) throw new DomainError('NOT_FOUND', `Kontrak #${contractId} tidak ditemukan.`);
  return row;
}

function readableBranches(db: DbOrTx, p: Principal, only?: number): number[] {
  return listBranches(db)
    .map((b) => b.id)
    .filter((b) => canReadBranch(p, b) && (only === undefined || b === only));
}

export function listContracts({ ctx, input }: { ctx: Context; input: z.output<typeof listContractsSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const { total, items } = listContractRows(
    db,
    {
      branchIds: readableBranches(db, p, input.branchId),
      workAreaId: input.workAreaId,
      states: input.state ? [input.state] : undefined,
      endingBefore: input.endingBefore,
      search: input.search,
    },
    input.page ?? 0,
    input.pageSize ?? 50,
  );
  return { total, items: items.map((i) => contractCard(db, i)) };
}

/**
 * The supervisor's queue: agreements due for evaluation or decided, those whose evaluation falls
 * due within 30 days (so nothing expires unnoticed), and — flagged for head office and the branch
 * — agreements that lapsed without a decision in the last 60 days. Soonest end first.
 */
export function renewalQueue({ ctx, input }: { ctx: Context; input: { branchId?: number | undefined } }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const branchIds = readableBranches(db, p, input.branchId);
  const due = listContractRows(db, { branchIds, states: ['evaluationDue', 'decided'] }, 0, 500).items;
  const soon = listContractRows(db, { branchIds, states: ['active'] }, 0, 500).items.filter(
    (i) => addDays(dateInZone(ctx.now(), i.branch.timeZone), 30) >= i.contract.evaluationDueOn,
  );
  const lapsed = listContractRows(db, { branchIds, states: ['lapsed'] }, 0, 500).items.filter(
    (i) => addDays(i.contract.endDate, 60) >= dateInZone(ctx.now(), i.branch.timeZone),
  );
  return [...due, ...soon, ...lapsed]
    .sort((a, b) => a.contract.endDate.localeCompare(b.contract.endDate) || a.contract.id - b.contract.id)
    .map((i) => contractCard(db, i));
}

export function getContractDetail({ ctx, input }: { ctx: Context; input: { id: number } }) {
  const p = requirePrincipal(ctx);
  return contractDetail(ctx.handle.db, mustGet(ctx.handle.db, input.id), p, ctx.now());
}

/** An application of the same person in a later period that has not ended in a rejection or withdrawal. */
function openLaterApplication(tx: DbOrTx, row: ContractRow) {
  const startYear = Number(row.startDate.slice(0, 4));
  return listOtherApplications(tx, row.candidateId, -1).find((a) => a.year > startYear && !CLOSED_STATES.includes(a.state));
}

/**
 * The supervisor's yearly decision. The server, not the browser, puts the scorecard's
 * recommendation into the event, so the audit log records what the supervisor was shown.
 * On a lapsed agreement it is the late decision (`DECIDE_LATE`): renew (next year, a quota
 * place) or drop, with a written reason either way.
 */
export function decideRenewal({ ctx, input }: { ctx: Context; input: z.output<typeof decideSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return db.transaction(
    (tx) => {
      const row = mustGet(tx, input.id);
      assertCanCorrect(p, row.branchId, `Kontrak #${row.id}`);
      const { card } = scorecardOf(tx, row);
      const recommendation = recommendationForDecision(card ?? { recommendation: null });
      const decision = { decision: input.decision, reason: input.reason, recommendation };
      // An agreement that lapsed undecided is decided late (contract v2), always with a reason;
      // the revision check in applyToContract makes sure this is the state the supervisor saw.
      if (row.state === 'lapsed') {
        if (!lateDecisionJustified(decision)) {
          const msg = `Tuliskan alasan keputusan terlambat (paling sedikit ${DECISION_REASON_MIN_LENGTH} karakter).`;
          throw new DomainError('VALIDATION', msg, { fields: [{ path: 'reason', message: msg }] });
        }
        // A former cadre may have applied again since the agreement lapsed: renewing the old one too
        // would make two paths to the same work. Dropping it stays possible.
        const reapplied = input.decision === 'renew' ? openLaterApplication(tx, row) : undefined;
        if (reapplied) {
          const msg = `Calon ini sudah melamar lagi (periode ${reapplied.year}, ${reapplied.branchName}); selesaikan lamaran itu, bukan perpanjangan terlambat.`;
          throw new DomainError('VALIDATION', msg, { fields: [{ path: 'decision', message: msg }] });
        }
        applyToContract(tx, {
          row,
          revision: input.revision,
          event: { type: 'DECIDE_LATE', ...decision },
          actor: p.username,
          at: ctx.now().toISOString(),
        });
        return contractDetail(tx, mustGet(tx, row.id), p, ctx.now());
      }
      if (!decisionJustified(decision)) {
        const msg =
          input.decision === 'drop'
            ? `Tuliskan alasan tidak diperpanjang (paling sedikit ${DECISION_REASON_MIN_LENGTH} karakter).`
            : `Rekomendasi: tidak diperpanjang. Tuliskan alasan memperpanjang (paling sedikit ${DECISION_REASON_MIN_LENGTH} karakter).`;
        throw new DomainError('VALIDATION', msg, { fields: [{ path: 'reason', message: msg }] });
      }
      applyToContract(tx, {
        row,
        revision: input.revision,
        event: { type: 'DECIDE_RENEWAL', ...decision },
        actor: p.username,
        at: ctx.now().toISOString(),
      });
      return contractDetail(tx, mustGet(tx, row.id), p, ctx.now());
    },
    { behavior: 'immediate' },
  );
}

/** A cadre's resignation (recruiter or supervisor) or an early termination (supervisor). */
export function sendContractEvent({ ctx, input }: { ctx: Context; input: z.output<typeof sendContractSchema> }) {
  const p = requirePrincipal(ctx);
  const parsed = parseContractEvent(input.event);
  if (!parsed.ok) {
    const fields = parsed.fields.map((f) => ({ path: `event.${f.path}`, message: f.message }));
    throw new DomainError('VALIDATION', `Data aksi tidak valid: ${fields.map((f) => f.message).join('; ')}`, { fields });
  }
  const event = parsed.event;
  if (event.type !== 'RESIGN' && event.type !== 'TERMINATE') {
    throw new DomainError('FORBIDDEN', 'Aksi ini dijalankan oleh sistem atau lewat keputusan perpanjangan.');
  }
  const { db } = ctx.handle;
  return db.transaction(
    (tx) => {
      const row = mustGet(tx, input.id);
      if (event.type === 'TERMINATE') assertCanCorrect(p, row.branchId, `Kontrak #${row.id}`);
      else assertCanRunSelection(p, row.branchId, `Kontrak #${row.id}`);
      applyToContract(tx, { row, revision: input.revision, event, actor: p.username, at: ctx.now().toISOString() });
      return contractDetail(tx, mustGet(tx, row.id), p, ctx.now());
    },
    { behavior: 'immediate' },
  );
}

const monthOf = (date: string) => date.slice(0, 7);

/** Checks a month's record against its contract; returns the record or the field errors. */
export function checkMonthlyRecord(row: ContractRow, raw: Record<string, unknown>) {
  const parsed = parseMonthlyRecord({ familiesAssigned: row.familiesAssigned, ...raw });
  if (!parsed.ok) return { ok: false as const, fields: parsed.fields };
  const record = parsed.record as MonthlyRecord;
  if (record.month < monthOf(row.startDate) || record.month > monthOf(row.endDate)) {
    return {
      ok: false as const,
      fields: [{ path: 'month', message: `Bulan di luar masa PKS (${monthOf(row.startDate)} s.d. ${monthOf(row.endDate)})` }],
    };
  }
  return { ok: true as const, record };
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
  const existing = getMonthly(tx, args.row.id, args.record.month);
  if (existing && args.revision === null && args.source === 'form') throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
  let outcome: 'created' | 'updated';
  if (!existing) {
    if (args.revision !== null && args.source === 'form') throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
    insertMonthly(tx, {
      contractId: args.row.id,
      month: args.record.month,
      record: args.record,
      revision: 1,
      createdAt: args.at,
      updatedAt: args.at,
    });
    outcome = 'created';
  } else {
    // An import replaces what it finds (the file is the newer word); a form names what it saw.
    const seen = args.source === 'import' ? existing.revision : args.revision!;
    if (!updateMonthlyIfRevision(tx, existing.id, seen, args.record, args.at))
      throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
    outcome = 'updated';
  }
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

export function recordMonth({ ctx, input }: { ctx: Context; input: z.output<typeof recordMonthSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  return db.transaction(
    (tx) => {
      const row = mustGet(tx, input.contractId);
      assertCanRunSelection(p, row.branchId, `Kontrak #${row.id}`);
      const checked = checkMonthlyRecord(row, input.record);
      if (!checked.ok) {
        const fields = checked.fields.map((f) => ({ path: `record.${f.path}`, message: f.message }));
        throw new DomainError('VALIDATION', `Laporan bulanan tidak valid: ${fields.map((f) => f.message).join('; ')}`, {
          fields,
        });
      }
      writeMonth(tx, {
        row,
        record: checked.record,
        revision: input.revision,
        actor: p.username,
        at: ctx.now().toISOString(),
        source: 'form',
      });
      return contractDetail(tx, mustGet(tx, row.id), p, ctx.now());
    },
    { behavior: 'immediate' },
  );
}
