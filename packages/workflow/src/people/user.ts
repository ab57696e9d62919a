/**
 * Users: the roles, where each role works (a branch or head office), and the schemas of creating
 * and changing an account. The server parses with these; the admin's user forms check the same
 * schemas in the browser. Messages are catalogue ids (text/messages/people.ts).
 */
import { z } from 'zod';
import { branchRule } from './office';
import { newPasswordSchema } from './password';

export const ROLES = ['recruiter', 'supervisor', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { error: 'ROLE_CHOOSE' });

export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

export { branchRule } from './office';

/** What is wrong with a role in that office (`null`: head office), as a message id; null when it fits. */
export function placementProblem(role: Role, branchId: number | null): 'USER_BRANCH_REQUIRED' | 'ADMIN_HAS_NO_BRANCH' | null {
  const rule = branchRule(role);
  if (rule === 'required' && branchId === null) return 'USER_BRANCH_REQUIRED';
  if (rule === 'none' && branchId !== null) return 'ADMIN_HAS_NO_BRANCH';
  return null;
}

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
const NAME_MAX_LENGTH = 120;

const usernameSchema = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'USERNAME_FORMAT');
const personNameSchema = z.string().trim().min(1).max(NAME_MAX_LENGTH);
const branchIdSchema = z.number({ error: 'BRANCH_CHOOSE' }).int().positive().nullable();

/** `users.create`: the placement is checked here, on `branchId`. */
export const createUserSchema = z
  .object({
    username: usernameSchema,
    name: personNameSchema,
    role: roleSchema,
    branchId: branchIdSchema,
    password: newPasswordSchema,
  })
  .superRefine((v, ctx) => {
    const problem = placementProblem(v.role, v.branchId);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['branchId'] });
  });
export type CreateUserInput = z.output<typeof createUserSchema>;

/**
 * `users.update`: only what changes. The placement is checked against the account's role and
 * branch where one of them is left out (`placementProblem`, in the service).
 */
export const updateUserSchema = z.object({
  id: z.number().int().positive(),
  name: personNameSchema.optional(),
  role: roleSchema.optional(),
  branchId: branchIdSchema.optional(),
});
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const setUserDisabledSchema = z.object({ id: z.number().int().positive(), disabled: z.boolean() });
