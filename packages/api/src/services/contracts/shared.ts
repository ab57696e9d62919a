import { getContract, listBranches, type ContractRow, type DbOrTx } from '@kader/db';
import { msg } from '@kader/workflow';
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
