import { getContract, listBranches, listBranchZones, type ContractRow, type DbOrTx } from '@kader/db';
import { dateInZone, msg } from '@kader/workflow';
import { canReadBranch, type Principal } from '../../auth/principal';
import { DomainError } from '../../errors';

/** The contract, or NOT_FOUND naming it. */
export function mustGetContract(db: DbOrTx, contractId: number): ContractRow {
  const row = getContract(db, contractId);
  if (!row) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'contract', id: contractId }));
  return row;
}

/** The branches this person may read (only `only`, when given and readable). */
export function readableBranches(db: DbOrTx, p: Principal, only?: number): number[] {
  return listBranches(db)
    .map((b) => b.id)
    .filter((b) => canReadBranch(p, b) && (only === undefined || b === only));
}

/**
 * The branches a list reads: none named (every one) for whoever reads them all, so the query has
 * no branch condition and walks the end-date index alone; otherwise this person's readable ones.
 */
export function branchScope(db: DbOrTx, p: Principal, only: number | undefined): number[] | undefined {
  const readsAll = p.kind === 'system' || p.branchId === null;
  return readsAll && only === undefined ? undefined : readableBranches(db, p, only);
}

/**
 * Today in each zone the branches are in, earliest first (ISO dates sort as they read), so a
 * date-bounded read can take the widest range and then check each row on its own branch's date.
 * Empty when there is no branch.
 */
export function branchTodays(db: DbOrTx, now: Date): string[] {
  return listBranchZones(db)
    .map((zone) => dateInZone(now, zone))
    .sort();
}
