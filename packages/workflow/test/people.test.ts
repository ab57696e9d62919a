import { describe, expect, it } from 'vitest';
import {
  branchRule,
  changePasswordFormSchema,
  changePasswordSchema,
  createUserSchema,
  issueFields,
  loginSchema,
  newPasswordSchema,
  placementProblem,
  render,
  resetPasswordSchema,
  updateUserSchema,
} from '../src';
import { problems } from './schemaProblems';

describe('passwords', () => {
  it('a new password: at least 10 characters, at most 200', () => {
    expect(problems(newPasswordSchema, '')).toEqual({ '': 'PASSWORD_TOO_SHORT' });
    expect(problems(newPasswordSchema, 'kurang9ch')).toEqual({ '': 'PASSWORD_TOO_SHORT' });
    expect(problems(newPasswordSchema, 'x'.repeat(201))).toEqual({ '': 'FIELD_TOO_LONG' });
    expect(newPasswordSchema.safeParse('cukup-10ch').success).toBe(true);
    const short = issueFields(newPasswordSchema.safeParse('pendek').error!.issues)[0]!;
    expect(short.params).toEqual({ minimum: 10 });
    expect(render('id', short)).toBe('Kata sandi paling sedikit 10 karakter');
    expect(render('en', short)).toBe('A password needs at least 10 characters');
  });

  it('a change: the current password, a new one that differs; the form also wants it typed twice alike', () => {
    expect(problems(changePasswordSchema, { currentPassword: '', newPassword: '' })).toEqual({
      currentPassword: 'FIELD_REQUIRED',
      newPassword: 'PASSWORD_TOO_SHORT',
    });
    expect(problems(changePasswordSchema, { currentPassword: 'lama-sekali-1', newPassword: 'lama-sekali-1' })).toEqual({
      newPassword: 'PASSWORD_SAME_AS_CURRENT',
    });
    const form = { currentPassword: 'lama-sekali-1', newPassword: 'baru-sekali-2' };
    expect(changePasswordSchema.safeParse(form).success).toBe(true);
    expect(problems(changePasswordFormSchema, { ...form, confirm: 'baru-sekali-3' })).toEqual({ confirm: 'PASSWORD_MISMATCH' });
    expect(problems(changePasswordFormSchema, { ...form, confirm: 'baru-sekali-2' })).toEqual({});
  });

  it('sign-in wants both fields; a reset wants a proper new password', () => {
    expect(problems(loginSchema, { username: ' ', password: '' })).toEqual({
      username: 'FIELD_REQUIRED',
      password: 'FIELD_REQUIRED',
    });
    expect(loginSchema.parse({ username: ' Admin.Pusat ', password: 'x' }).username).toBe('Admin.Pusat');
    expect(problems(resetPasswordSchema, { id: 3, newPassword: 'pendek' })).toEqual({ newPassword: 'PASSWORD_TOO_SHORT' });
  });
});

describe('users', () => {
  const base = {
    username: ' Rekruter.Ngawi ',
    name: '  Tri Wahyudi ',
    role: 'recruiter',
    branchId: 1,
    password: 'rahasia-baru-1',
  };

  it('a user name is 3-40 lower-case letters, digits, dots, underscores or hyphens (case folded)', () => {
    expect(createUserSchema.parse(base)).toMatchObject({ username: 'rekruter.ngawi', name: 'Tri Wahyudi' });
    expect(problems(createUserSchema, { ...base, username: 'ab' })).toEqual({ username: 'USERNAME_FORMAT' });
    expect(problems(createUserSchema, { ...base, username: 'rekruter madiun' })).toEqual({ username: 'USERNAME_FORMAT' });
  });

  it('each problem on its field: a name, a role, a password', () => {
    expect(problems(createUserSchema, { ...base, name: ' ', role: '', password: 'pendek' })).toEqual({
      name: 'FIELD_REQUIRED',
      role: 'ROLE_CHOOSE',
      password: 'PASSWORD_TOO_SHORT',
    });
  });

  it('recruiters and supervisors need a branch; admins have none; viewers either', () => {
    expect(branchRule('admin')).toBe('none');
    expect(branchRule('viewer')).toBe('optional');
    expect(branchRule('supervisor')).toBe('required');
    expect(placementProblem('recruiter', null)).toBe('USER_BRANCH_REQUIRED');
    expect(placementProblem('admin', 2)).toBe('ADMIN_HAS_NO_BRANCH');
    expect(placementProblem('viewer', null)).toBeNull();
    expect(placementProblem('viewer', 2)).toBeNull();
    expect(problems(createUserSchema, { ...base, role: 'supervisor', branchId: null })).toEqual({
      branchId: 'USER_BRANCH_REQUIRED',
    });
    expect(problems(createUserSchema, { ...base, role: 'admin', branchId: 1 })).toEqual({ branchId: 'ADMIN_HAS_NO_BRANCH' });
    expect(createUserSchema.safeParse({ ...base, role: 'viewer', branchId: null }).success).toBe(true);
  });

  it('an update takes only what changes', () => {
    expect(updateUserSchema.parse({ id: 7 })).toEqual({ id: 7 });
    expect(problems(updateUserSchema, { id: 7, role: 'auditor' })).toEqual({ role: 'ROLE_CHOOSE' });
  });
});
