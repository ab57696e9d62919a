import { ageOn, formatPhone, maskNik, msg } from '@kader/workflow';
import type { Context } from '../context';
import { DomainError } from '../errors';
import { canCorrect, canReadBranch, canRunSelection, seesPersonalData, type Principal } from './principal';

export function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw new DomainError('UNAUTHENTICATED', msg('SIGN_IN_REQUIRED'));
  return ctx.principal;
}

/** The record a check is about, named in its NOT_FOUND (`{ entity: 'application', id: 12 }`). */
export type Subject = { entity: 'application' | 'contract' | 'candidate' | 'period' | 'branch'; id: number | null };

/**
 * Another branch's records are answered as not found rather than forbidden, so a branch user
 * cannot even learn which ids exist elsewhere.
 */
export function assertCanRead(p: Principal, branchId: number, what: Subject): void {
  if (!canReadBranch(p, branchId)) throw new DomainError('NOT_FOUND', msg('NOT_FOUND', what));
}

export function assertCanRunSelection(p: Principal, branchId: number, what: Subject): void {
  assertCanRead(p, branchId, what);
  if (!canRunSelection(p, branchId)) throw new DomainError('FORBIDDEN', msg('SELECTION_STAFF_ONLY'));
}

export function assertCanCorrect(p: Principal, branchId: number, what: Subject): void {
  assertCanRead(p, branchId, what);
  if (!canCorrect(p, branchId)) throw new DomainError('FORBIDDEN', msg('CORRECTION_SUPERVISOR_ONLY'));
}

/** `0812-3456-7890` shown as `0812-••••-7890`. */
export function maskPhone(e164: string): string {
  return formatPhone(e164).replace(/^(\d{4})-\d{4}-/, '$1-••••-');
}

type Identity = { nik: string; phone: string; birthDate: string };

/**
 * What every read shows of who a candidate is. The NIK is masked to everyone: its full value is
 * shown only on request (`candidates.revealNik`), so each full view in `nik_views` is a deliberate
 * act rather than a page load. A NIK's digits 7-12 are the birth date (DDMMYY, women's day + 40),
 * so birth date and sex go with the full NIK only; the age is given to everyone.
 */
export type PersonalData = {
  /** The phone is masked too, and the NIK cannot be revealed: this person does not run the branch's selection. */
  piiMasked: boolean;
  /** May call `candidates.revealNik` for this candidate (the branch's recruiters and supervisors). */
  canRevealNik: boolean;
  /** Always masked: `3577 •••• •••• 0001`. */
  nik: string;
  phone: string;
  /** Whole years on the branch's today: the one thing of the birth date every read gives. */
  age: number;
};

/**
 * A candidate's identifying data as this person may read it. The phone stays in full for the
 * branch's recruiters and supervisors (they call candidates; it rebuilds nothing of the NIK).
 */
export function personalDataFor(p: Principal, branchId: number, c: Identity, today: string): PersonalData {
  const age = ageOn(c.birthDate, today);
  const sees = seesPersonalData(p, branchId);
  return { piiMasked: !sees, canRevealNik: sees, nik: maskNik(c.nik), phone: sees ? c.phone : maskPhone(c.phone), age };
}

export function assertCanRevealNik(p: Principal, branchId: number, what: Subject): void {
  assertCanRead(p, branchId, what);
  if (!seesPersonalData(p, branchId)) throw new DomainError('FORBIDDEN', msg('NIK_REVEAL_STAFF_ONLY'));
}
