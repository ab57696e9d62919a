/**
 * The users page's forms: the values as the inputs hold them → the procedures' inputs, checked
 * with the shared schemas (`createUserSchema`, `updateUserSchema`, `resetPasswordSchema` and the
 * placement rule of @kader/workflow). Pure; tested in test/roles.test.ts.
 */
import {
  createUserSchema,
  fieldMsg,
  isRole,
  placementProblem,
  resetPasswordSchema,
  type Role,
  updateUserSchema,
} from '@kader/workflow';
import { branchIdForRole } from '../../auth/roles';
import { type Checked, checkWith } from '../../components/schemaCheck';

export type UserFormValues = { username: string; name: string; role: string; branchId: string; password: string };
export type UserFormField = keyof UserFormValues;

const cleanName = (name: string) => name.replace(/\s+/g, ' ').trim();

/** The branch a role is sent with: none for head office; a branch role without one is sent without (and refused). */
function branchOf(v: Pick<UserFormValues, 'role' | 'branchId'>): number | null {
  const id = branchIdForRole(v.role, v.branchId);
  return id === 'missing' ? null : id;
}

export function toCreateInput(v: UserFormValues) {
  return { username: v.username, name: cleanName(v.name), role: v.role, branchId: branchOf(v), password: v.password };
}

export function checkNewUser(v: UserFormValues) {
  return checkWith(createUserSchema, toCreateInput(v));
}

/** Only what changed is sent (`users.update` takes optional fields). */
export function toUpdateInput(
  before: { id: number; name: string; role: string; branch: { id: number } | null },
  v: Pick<UserFormValues, 'name' | 'role' | 'branchId'>,
): { id: number; name?: string; role?: Role; branchId?: number | null } {
  const out: { id: number; name?: string; role?: Role; branchId?: number | null } = { id: before.id };
  const name = cleanName(v.name);
  if (name && name !== before.name) out.name = name;
  if (isRole(v.role) && v.role !== before.role) out.role = v.role;
  const branchId = branchIdForRole(v.role, v.branchId);
  if (branchId !== 'missing' && branchId !== (before.branch?.id ?? null)) out.branchId = branchId;
  return out;
}

/** The edit form: name, role and office checked as a whole; what is sent is only what changed. */
export function checkUserEdit(
  before: { id: number; name: string; role: string; branch: { id: number } | null },
  v: Pick<UserFormValues, 'name' | 'role' | 'branchId'>,
): Checked<ReturnType<typeof toUpdateInput>> {
  const whole = checkWith(updateUserSchema, { id: before.id, name: cleanName(v.name), role: v.role, branchId: branchOf(v) });
  if (!whole.ok) return whole;
  const problem = placementProblem(whole.value.role!, whole.value.branchId ?? null);
  if (problem) return { ok: false, errors: { branchId: fieldMsg('branchId', problem) } };
  return { ok: true, value: toUpdateInput(before, v) };
}

export function checkPasswordReset(id: number, newPassword: string) {
  return checkWith(resetPasswordSchema, { id, newPassword });
}
