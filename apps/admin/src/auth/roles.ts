/**
 * What each role is offered in the UI. The server decides (and refuses) anyway; these only keep
 * the UI from offering what would be refused. Pure; tested in test/roles.test.ts.
 */
import { branchRule } from '@kader/workflow/display';

export type NavItem = 'board' | 'register' | 'cadres' | 'renewals' | 'reports' | 'users' | 'quota' | 'settings';

/** Head-office time zone, for users without a branch. */
export const HEAD_OFFICE_TIME_ZONE = 'Asia/Jakarta';

/** Runs selection in a branch: registers candidates and sends events. */
export function canWorkApplications(role: string): boolean {
  return role === 'recruiter' || role === 'supervisor';
}

export function canRegister(role: string): boolean {
  return canWorkApplications(role);
}

export function canManageUsers(role: string): boolean {
  return role === 'admin';
}

/** Head office sets each branch's quota per year and opens branches. */
export function canManageQuota(role: string): boolean {
  return role === 'admin';
}

/**
 * The quota page: head office, and a branch's recruiters and supervisors, who record their period's
 * announcement channels and split its quota by work area (the server checks the branch).
 */
export function canPlanPeriods(role: string): boolean {
  return role === 'admin' || role === 'recruiter' || role === 'supervisor';
}

/** Head office sets the programme's KPI weights and targets and the fee schedule (versions). */
export function canManageSettings(role: string): boolean {
  return role === 'admin';
}

/** Enters and imports monthly reports; records a resignation (the server also checks the branch). */
export function canRecordMonths(role: string): boolean {
  return role === 'recruiter' || role === 'supervisor';
}

/** Decides renewals and terminates agreements: the branch's supervisor. */
export function canDecideRenewal(role: string): boolean {
  return role === 'supervisor';
}

/** Cadres, renewals and reports: every signed-in user (branch users see their branch, head office all). */
export function navItems(role: string): NavItem[] {
  const items: NavItem[] = ['board'];
  if (canRegister(role)) items.push('register');
  items.push('cadres', 'renewals', 'reports');
  if (canManageUsers(role)) items.push('users');
  if (canPlanPeriods(role)) items.push('quota');
  if (canManageSettings(role)) items.push('settings');
  return items;
}

/**
 * The action buttons of an application: what the server says this user may send now, and nothing
 * at all for the read-only roles (even if a server bug listed something).
 */
export function visibleActions(role: string, allowedEvents: readonly string[]): string[] {
  return canWorkApplications(role) ? [...allowedEvents] : [];
}

/** "Ubah data calon": the server's flag, and only ever for a supervisor. */
export function canEditCandidate(role: string, serverFlag: boolean | undefined): boolean {
  return role === 'supervisor' && serverFlag === true;
}

/**
 * The branch id to send for a role (the shared `branchRule`): `null` (head office) when the role
 * has none or may have none, `'missing'` when it needs one and none is chosen.
 */
export function branchIdForRole(role: string, chosen: string): number | null | 'missing' {
  const rule = branchRule(role);
  if (rule === 'none') return null;
  const id = Number(chosen);
  if (chosen !== '' && Number.isInteger(id) && id > 0) return id;
  return rule === 'optional' ? null : 'missing';
}

/** The zone a user's times are shown in: their branch's, WIB for head office. */
export function userTimeZone(user: { branch: { timeZone: string } | null }): string {
  return user.branch?.timeZone ?? HEAD_OFFICE_TIME_ZONE;
}

/**
 * The default recruitment period: the newest one of the user's own branch, else the newest of all
 * (periods come sorted newest first).
 */
export function defaultPeriodId(
  sortedPeriods: readonly { id: number; branch: { id: number } }[],
  branchId: number | null | undefined,
): number | null {
  const own = branchId == null ? undefined : sortedPeriods.find((p) => p.branch.id === branchId);
  return (own ?? sortedPeriods[0])?.id ?? null;
}
