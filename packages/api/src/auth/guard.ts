import type { Context } from '../context';
import { DomainError } from '../errors';
import { canCorrect, canReadBranch, canRunSelection, type Principal } from './principal';

export function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return ctx.principal;
}

/**
 * Another branch's records are answered as not found rather than forbidden, so a branch user
 * cannot even learn which ids exist elsewhere.
 */
export function assertCanRead(p: Principal, branchId: number, what: string): void {
  if (!canReadBranch(p, branchId)) throw new DomainError('NOT_FOUND', `${what} tidak ditemukan.`);
}

export function assertCanRunSelection(p: Principal, branchId: number, what: string): void {
  assertCanRead(p, branchId, what);
  if (!canRunSelection(p, branchId)) {
    throw new DomainError('FORBIDDEN', 'Hanya rekruter dan penyelia kantor cabang ini yang dapat mengubah seleksi.');
  }
}

export function assertCanCorrect(p: Principal, branchId: number, what: string): void {
  assertCanRead(p, branchId, what);
  if (!canCorrect(p, branchId)) throw new DomainError('FORBIDDEN', 'Koreksi hanya dapat dilakukan penyelia kantor cabang ini.');
}
