import {
  agreementNumberTaken,
  appendAudit,
  countContractsNumbered,
  countContractsOfBranch,
  findPeriod,
  getBranch,
  getWorkArea,
  insertContract,
  updateContractIfRevision,
  type ApplicationRow,
  type ContractRow,
  type DbOrTx,
} from '@kader/db';
import {
  addDays,
  CONTRACT_MACHINE_ID,
  CONTRACT_MACHINE_VERSION,
  contractEngine,
  contractInputFor,
  contractStateOf,
  DEFAULT_FAMILIES_ASSIGNED,
  msg,
  persistContract,
  startContract,
  type ContractEvent,
  type ContractInput,
  type RecruitmentContext,
} from '@kader/workflow';
import {
  formatAgreementNumber,
  parseAgreementNumberPattern,
  patternRestartsYearly,
  type AgreementNumberToken,
  type AgreementPatternProblem,
} from '../../documents';
import { DomainError } from '../../errors';
import { applyToVersionedRow } from '../applyToVersionedRow';
import { areaPlaces } from '../planning/areaPlaces';
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
    familiesAssigned: c.familiesAssigned ?? DEFAULT_FAMILIES_ASSIGNED,
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

/** How many running numbers the search for a free one tries before it gives up. */
export const AGREEMENT_NUMBER_TRIES = 1000;

/** A stored pattern as a message quotes it: one written by hand in the database may be any length. */
const shownPattern = (p: string) => (p.length > 80 ? `${p.slice(0, 80)}…` : p);

/** AGREEMENT_PATTERN_BROKEN: the branch, its pattern and every problem (as parallel lists: params are flat). */
function brokenPattern(branch: string, pattern: string, problems: AgreementPatternProblem[]) {
  return msg('AGREEMENT_PATTERN_BROKEN', {
    branch,
    pattern: shownPattern(pattern),
    problems: problems.map((p) => p.params.problem),
    ns: problems.map((p) => p.params.n),
    tokens: problems.map((p) => p.params.token),
    limits: problems.map((p) => p.params.limit),
  });
}

/**
 * The branch's numbering pattern, parsed. A pattern stored before patterns were checked may be
 * malformed: that is a clear error naming the branch and what is wrong, never a number.
 */
export function branchAgreementPattern(
  tx: DbOrTx,
  branchId: number,
): {
  branch: NonNullable<ReturnType<typeof getBranch>>;
  tokens: AgreementNumberToken[];
} {
  const branch = getBranch(tx, branchId);
  if (!branch) throw new Error(`no branch ${branchId}`);
  const parsed = parseAgreementNumberPattern(branch.agreementNumberPattern);
  if (!parsed.ok) {
    const message = brokenPattern(branch.name, branch.agreementNumberPattern, parsed.problems);
    throw new DomainError('VALIDATION', message, { fields: [{ path: 'agreementNumberPattern', ...message }] });
  }
  return { branch, tokens: parsed.tokens };
}

/**
 * The next number in the branch's own numbering pattern (e.g. `PKS/{seq:3}/{kode}/{yyyy}`), the
 * running number counting the agreements that start in that year (every year, when the pattern
 * carries no year), skipping any already used. The search is bounded: numbers of one pattern
 * differ only by the running number, so a free one is near unless the numbering is broken, and
 * then a clear error is better than a server that never answers.
 */
export function nextAgreementNumber(
  tx: DbOrTx,
  branchId: number,
  startDate: string,
  { maxTries = AGREEMENT_NUMBER_TRIES }: { maxTries?: number } = {},
): string {
  const { branch, tokens } = branchAgreementPattern(tx, branchId);
  const first =
    (patternRestartsYearly(tokens)
      ? countContractsNumbered(tx, { branchId, year: Number(startDate.slice(0, 4)) })
      : countContractsOfBranch(tx, branchId)) + 1;
  for (let n = first; n < first + maxTries; n++) {
    const number = formatAgreementNumber(tokens, { sequence: n, date: startDate, branchCode: branch.code });
    if (!agreementNumberTaken(tx, number)) return number;
  }
  const message = msg('NO_FREE_AGREEMENT_NUMBER', {
    tries: maxTries,
    branch: branch.name,
    pattern: shownPattern(branch.agreementNumberPattern),
    first,
  });
  throw new DomainError('VALIDATION', message, { fields: [{ path: 'agreementNumberPattern', ...message }] });
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

/** A contract's work area's own places in next year's period (its name with them), or null when it has none. */
function nextYearAreaPlaces(tx: DbOrTx, row: ContractRow, nextYear: number) {
  const period = findPeriod(tx, { branchId: row.branchId, year: nextYear });
  const places =
    period && areaPlaces(tx, { periodId: period.id, branchId: row.branchId, year: nextYear, workAreaId: row.workAreaId });
  return places ? { ...places, name: getWorkArea(tx, row.workAreaId)?.name ?? String(row.workAreaId) } : null;
}

/**
 * Sends one event to a contract inside the caller's transaction through the shared step
 * (`applyToVersionedRow`: revision, migrate, transition, write, audit), holding a place in next
 * year's quota for a renewal, and starts the next year when a renewal is carried out.
 */
export function applyToContract(
  tx: DbOrTx,
  args: {
    row: ContractRow;
    revision: number;
    event: ContractEvent;
    actor: string;
    at: string;
    /** what the audit row records beside the quota check (a decision's score as shown: reports.renewals) */
    meta?: Record<string, unknown>;
  },
): ContractRow {
  const { row, event } = args;
  const applied = applyToVersionedRow(tx, {
    engine: contractEngine,
    machine: 'contract',
    entityType: 'contract',
    row,
    revision: args.revision,
    event,
    actor: args.actor,
    at: args.at,
    write: updateContractIfRevision,
    // A renewal decided in time holds next year's place until the end date; one decided late
    // (DECIDE_LATE, contract v2) renews at once. Either way the place must be free now.
    onTransition: (_applied, before) => {
      if ((event.type !== 'DECIDE_RENEWAL' && event.type !== 'DECIDE_LATE') || event.decision !== 'renew')
        return args.meta ?? null;
      const nextYear = Number(addDays(row.endDate, 1).slice(0, 4));
      // Deciding again (already `decided` to renew) must not count this contract twice.
      const alreadyHolding = row.state === 'decided' && (before.context.decision?.decision ?? null) === 'renew';
      const quota = quotaFor(tx, row.branchId, nextYear);
      if (!quota) throw new DomainError('QUOTA_EXCEEDED', msg('RENEWAL_QUOTA_NOT_SET', { year: nextYear }));
      if (!alreadyHolding && quota.used >= quota.quota) {
        throw new DomainError(
          'QUOTA_EXCEEDED',
          msg('RENEWAL_QUOTA_FULL', { year: nextYear, used: quota.used, quota: quota.quota }),
        );
      }
      // the contract's work area in next year's period, when the branch gave it places of its own
      const area = nextYearAreaPlaces(tx, row, nextYear);
      if (area && !alreadyHolding && area.used >= area.quota) {
        throw new DomainError(
          'QUOTA_EXCEEDED',
          msg('AREA_RENEWAL_QUOTA_FULL', { area: area.name, year: nextYear, used: area.used, quota: area.quota }),
        );
      }
      return {
        ...args.meta,
        nextYear,
        quota: quota.quota,
        quotaUsedBefore: quota.used,
        ...(area ? { areaQuota: area.quota, areaQuotaUsedBefore: area.used } : {}),
      };
    },
  });
  if (applied.to === 'renewed') startRenewal(tx, row, args.actor, args.at);
  return { ...row, state: applied.to, revision: args.revision + 1 };
}
