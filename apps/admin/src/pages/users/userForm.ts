/** The users page's forms: values as the inputs hold them → checks and the procedures' inputs. Pure. */
import { checkPassword } from '../../auth/password';
import { branchIdForRole, ROLES, type Role } from '../../auth/roles';
import type { Key } from '../../i18n';

export type UserFormValues = { username: string; name: string; role: string; branchId: string; password: string };
export type UserFormField = keyof UserFormValues;

function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/** Role and branch together: the branch a role may not have is not sent; one it needs must be chosen. */
export function checkRoleBranch(v: Pick<UserFormValues, 'role' | 'branchId'>): Partial<Record<'role' | 'branchId', Key>> {
  if (!isRole(v.role)) return { role: 'register.required' };
  return branchIdForRole(v.role, v.branchId) === 'missing' ? { branchId: 'users.branchRequired' } : {};
}

export function checkNewUser(v: UserFormValues): Partial<Record<UserFormField, Key>> {
  const out: Partial<Record<UserFormField, Key>> = {};
  if (!v.username.trim()) out.username = 'register.required';
  if (!v.name.trim()) out.name = 'register.required';
  Object.assign(out, checkRoleBranch(v));
  const pw = checkPassword(v.password);
  if (pw) out.password = pw;
  return out;
}

export function toCreateInput(v: UserFormValues): {
  username: string;
  name: string;
  role: Role;
  branchId: number | null;
  password: string;
} {
  const branchId = branchIdForRole(v.role, v.branchId);
  return {
    username: v.username.trim(),
    name: v.name.replace(/\s+/g, ' ').trim(),
    role: v.role as Role,
    branchId: branchId === 'missing' ? null : branchId,
    password: v.password,
  };
}

/** Only what changed is sent (`users.update` takes optional fields). */
export function toUpdateInput(
  before: { id: number; name: string; role: string; branch: { id: number } | null },
  v: Pick<UserFormValues, 'name' | 'role' | 'branchId'>,
): { id: number; name?: string; role?: Role; branchId?: number | null } {
  const out: { id: number; name?: string; role?: Role; branchId?: number | null } = { id: before.id };
  const name = v.name.replace(/\s+/g, ' ').trim();
  if (name && name !== before.name) out.name = name;
  if (isRole(v.role) && v.role !== before.role) out.role = v.role;
  const branchId = branchIdForRole(v.role, v.branchId);
  if (branchId !== 'missing' && branchId !== (before.branch?.id ?? null)) out.branchId = branchId;
  return out;
}
