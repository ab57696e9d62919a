import {
  agreementNumberTaken,
  appendAudit,
  countContractsNumbered,
  getBranch,
  insertContract,
  updateContractIfRevision,
  type ApplicationRow,
  type ContractRow,
  type DbOrTx,
} from '@kader/db';
import {
  addDays,
  applyContractEvent,
  CONTRACT_MACHINE_ID,
  CONTRACT_MACHINE_VERSION,
  contractInputFor,
  contractStateOf,
  persistContract,
  restoreContract,
  startContract,
  type ContractEvent,
  type ContractInput,
  type RecruitmentContext,
} from '@kader/workflow';
import { formatAgreementNumber } from '../../documents';
import { CONFLICT_MESSAGE, DomainError } from '../../errors';
import { quotaFor } from '../quota';

type NewContract = {
  candidateId: number;
  applicationId: number | null;
  branchId: number;
  workAreaId: number;
  familiesAssigned?: number;
  input: ContractInput;
  actor: string;
  at: string;
};

function createContract(tx: DbOrTx, c: NewContract): ContractRow {
  const snapshot = startContract(c.input);
  const row = insertContract(tx, {
    candidateId: c.candidateId,
    applicationId: c.applicationId,
    previousContractId: c.input.previousContractId,
    branchId: c.branchId,
    workAreaId: c.workAreaId,
    agreementNumber: c.input.agreementNumber,
    startDate: c.input.startDate,
    endDate: c.input.endDate,
    evaluationDueOn: c.input.evaluationDueOn,
    familiesAssigned: c.familiesAssigned ?? 500,
    machineId: CONTRACT_MACHINE_ID,
    machineVersion: CONTRACT_MACHINE_VERSION,
    state: contractStateOf(snapshot),
    snapshot: persistContract(snapshot),
    revision: 1,
    stateEnteredAt: c.at,
    createdAt: c.at,
    updatedAt: c.at,
  });
  appendAudit(tx, {
    entityType: 'contract',
    entityId: row.id,
    type: 'CONTRACT_STARTED',
    // The machine input: dates and numbers, no personal data; a replay starts from it.
    payload: { input: c.input },
    fromState: null,
    toState: row.state,
    machineVersion: CONTRACT_MACHINE_VERSION,
    actor: c.actor,
    at: c.at,
    meta: { candidateId: c.candidateId, applicationId: c.applicationId },
  });
  return row;
}

/** The first agreement year, from the application that has just become active. */
export function startFirstContract(
  tx: DbOrTx,
  args: { row: ApplicationRow; period: { branchId: number }; context: RecruitmentContext; actor: string; at: string },
): ContractRow {
  const agreement = args.context.agreement;
  if (!agreement) throw new Error(`application ${args.row.id} became active without an agreement`);
  return createContract(tx, {
    candidateId: args.row.candidateId,
    applicationId: args.row.id,
    branchId: args.period.branchId,
    workAreaId: args.row.workAreaId,
    input: contractInputFor({ agreementNumber: agreement.number, startDate: agreement.startDate, previousContractId: null }),
    actor: args.actor,
    at: args.at,
  });
}

/**
 * The next number in the branch's own numbering pattern (e.g. `PKS/{seq:3}/{kode}/{yyyy}`), the
 * running number counting the agreements that start in that year, skipping any already used.
 */
export function nextAgreementNumber(tx: DbOrTx, branchId: number, startDate: string): string {
  const branch = getBranch(tx, branchId);
  if (!branch) throw new Error(`no branch ${branchId}`);
  let n = countContractsNumbered(tx, branchId, Number(startDate.slice(0, 4))) + 1;
  for (;;) {
    const number = formatAgreementNumber(branch.agreementNumberPattern, { sequence: n, date: startDate, branchCode: branch.code });
    if (!agreementNumberTaken(tx, number)) return number;
    n += 1;
  }
}

/** The year after `row`, starting the day after it ends, linked to it. */
function startRenewal(tx: DbOrTx, row: ContractRow, actor: string, at: string): ContractRow {
  const startDate = addDays(row.endDate, 1);
  return createContract(tx, {
    candidateId: row.candidateId,
    applicationId: null,
    branchId: row.branchId,
    workAreaId: row.workAreaId,
    familiesAssigned: row.familiesAssigned,
    input: contractInputFor({
      agreementNumber: nextAgreementNumber(tx, row.branchId, startDate),
      startDate,
      previousContractId: row.id,
    }),
    actor,
    at,
  });
}

/**
 * Sends one event to a contract inside the caller's transaction: refuse if nothing changes
 * (naming the events allowed now), hold a place in next year's quota for a renewal, write with
 * revision + 1, audit, and start the next year when a renewal is carried out.
 */
export function applyToContract(
  tx: DbOrTx,
  args: { row: ContractRow; revision: number; event: ContractEvent; actor: string; at: string },
): ContractRow {
  const { row, event } = args;
  if (row.revision !== args.revision) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
  const snapshot = restoreContract({ version: row.machineVersion, persisted: row.snapshot });
  const applied = applyContractEvent(snapshot, event);
  if (!applied.ok) {
    const allowed = applied.allowedEvents.length ? applied.allowedEvents.join(', ') : 'tidak ada';
    throw new DomainError('INVALID_TRANSITION', `${applied.reason} Aksi yang berlaku sekarang: ${allowed}.`, {
      allowedEvents: applied.allowedEvents,
    });
  }
  let meta: Record<string, unknown> | null = null;
  if (event.type === 'DECIDE_RENEWAL' && event.decision === 'renew') {
    const nextYear = Number(addDays(row.endDate, 1).slice(0, 4));
    // Deciding again (already `decided` to renew) must not count this contract twice.
    const alreadyHolding = row.state === 'decided' && (snapshot.context.decision?.decision ?? null) === 'renew';
    const quota = quotaFor(tx, row.branchId, nextYear);
    if (!quota) {
      throw new DomainError('QUOTA_EXCEEDED', `Kuota tahun ${nextYear} belum ditetapkan Kantor Pusat; perpanjangan belum dapat diputuskan.`);
    }
    if (!alreadyHolding && quota.used >= quota.quota) {
      throw new DomainError(
        'QUOTA_EXCEEDED',
        `Kuota tahun ${nextYear} sudah penuh (${quota.used} dari ${quota.quota} tempat terisi). Perpanjangan tidak dapat diputuskan.`,
      );
    }
    meta = { nextYear, quota: quota.quota, quotaUsedBefore: quota.used };
  }
  const to = contractStateOf(applied.snapshot);
  const written = updateContractIfRevision(tx, row.id, args.revision, {
    state: to,
    snapshot: persistContract(applied.snapshot),
    machineVersion: CONTRACT_MACHINE_VERSION,
    stateEnteredAt: applied.from === to ? row.stateEnteredAt : args.at,
    updatedAt: args.at,
  });
  if (!written) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
  const { type, ...payload } = event;
  appendAudit(tx, {
    entityType: 'contract',
    entityId: row.id,
    type,
    payload,
    fromState: applied.from,
    toState: to,
    machineVersion: CONTRACT_MACHINE_VERSION,
    actor: args.actor,
    at: args.at,
    meta,
  });
  if (to === 'renewed') startRenewal(tx, row, args.actor, args.at);
  return { ...row, state: to, revision: args.revision + 1 };
}
