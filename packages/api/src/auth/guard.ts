import { ageOn, formatPhone, maskNik } from '@kader/workflow';
import type { Context } from '../context';
import { DomainError } from '../errors';
import { canCorrect, canReadBranch, canRunSelection, seesPersonalData, type Principal } from './principal';

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

/** `0812-3456-7890` shown as `0812-••••-7890`. */
export function maskPhone(e164: string): string {
  return formatPhone(e164).replace(/^(\d{4})-\d{4}-/, '$1-••••-');
}

type Identity = { nik: string; phone: string; birthDate: string; sex: 'M' | 'F' };

/** What a view shows of who a candidate is; `birthDate` and `sex` only beside the full NIK. */
export type PersonalData = {
  piiMasked: boolean;
  nik: string;
  phone: string;
  /** Whole years on the branch's today: the one thing of the birth date everyone may see. */
  age: number;
  birthDate?: string;
  sex?: 'M' | 'F';
};

/**
 * A candidate's identifying data as this person may see it. A NIK's digits 7-12 are the birth
 * date (DDMMYY, women's day + 40), so whoever sees the NIK masked gets neither the birth date
 * nor the sex (nor anything else taken from them): only the age, in whole years on the branch's
 * `today`. The keys are left out, not emptied, so no answer carries them.
 */
export function personalDataFor(p: Principal, branchId: number, c: Identity, today: string): PersonalData {
  const age = ageOn(c.birthDate, today);
  if (seesPersonalData(p, branchId))
    return { piiMasked: false, nik: c.nik, phone: c.phone, birthDate: c.birthDate, sex: c.sex, age };
  return { piiMasked: true, nik: maskNik(c.nik), phone: maskPhone(c.phone), age };
}
