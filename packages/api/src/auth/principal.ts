import type { UserRecord } from '@kader/db';
import type { Role } from '@kader/workflow';

/** The roles are the shared ones (`@kader/workflow` people/user.ts). */
export { ROLES, type Role } from '@kader/workflow';

/**
 * Who is acting: a signed-in user, or the system itself (the demo seed, later the scheduler).
 * Services ask the helpers below, never the role names, so the rules live in one place.
 */
export type Principal =
  | { kind: 'user'; id: number; username: string; name: string; role: Role; branchId: number | null }
  | { kind: 'system'; username: string };

export function principalOf(user: UserRecord): Principal {
  return { kind: 'user', id: user.id, username: user.username, name: user.name, role: user.role, branchId: user.branchId };
}

/** Branch users read their branch; head-office viewers and admins read every branch. */
export function canReadBranch(p: Principal, branchId: number): boolean {
  return p.kind === 'system' || p.branchId === null || p.branchId === branchId;
}

/** Only the branch's own recruiters and supervisors change its workflows. */
export function canRunSelection(p: Principal, branchId: number): boolean {
  return p.kind === 'system' || ((p.role === 'recruiter' || p.role === 'supervisor') && p.branchId === branchId);
}

export function canCorrect(p: Principal, branchId: number): boolean {
  return p.kind === 'system' || (p.role === 'supervisor' && p.branchId === branchId);
}

/** Full NIK and phone only for the people who work the application; everyone else sees them masked. */
export function seesPersonalData(p: Principal, branchId: number): boolean {
  return canRunSelection(p, branchId);
}
