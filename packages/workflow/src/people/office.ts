/** Where each role works; apart from user.ts (zod) for the admin's first screen (issue 10, `display.ts`). */

/**
 * Which office a role belongs to: `admin` is head office only; recruiters and supervisors work in
 * a branch; viewers either (a head-office viewer reads all branches).
 */
export function branchRule(role: string): 'none' | 'required' | 'optional' {
  if (role === 'admin') return 'none';
  if (role === 'viewer') return 'optional';
  return 'required';
}
