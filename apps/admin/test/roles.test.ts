import { branchRule, render, type Message } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { officeLabel, roleLabel, userLine } from '../src/auth/labels';
import {
  branchIdForRole,
  canEditCandidate,
  canRegister,
  defaultPeriodId,
  navItems,
  userTimeZone,
  visibleActions,
} from '../src/auth/roles';
import { checkNewUser, checkPasswordReset, checkUserEdit, toCreateInput, toUpdateInput } from '../src/pages/users/userForm';

/** A check's messages as `path → reason`. */
const reasons = (r: { ok: true } | { ok: false; errors: Record<string, { reason: string }> }) =>
  r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([p, m]) => [p, m.reason]));

const madiun = { id: 1, code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' };
const makassar = { id: 2, code: 'KC-MKS', name: 'KC Makassar', timeZone: 'Asia/Makassar' };

describe('what each role is offered', () => {
  it('navigation: everyone the board; recruiters and supervisors register; admins manage users', () => {
    expect(navItems('recruiter')).toEqual(['board', 'register', 'cadres', 'renewals', 'reports', 'quota']);
    expect(navItems('supervisor')).toEqual(['board', 'register', 'cadres', 'renewals', 'reports', 'quota']);
    expect(navItems('viewer')).toEqual(['board', 'cadres', 'renewals', 'reports']);
    expect(navItems('admin')).toEqual(['board', 'cadres', 'renewals', 'reports', 'users', 'quota', 'settings']);
    expect(navItems('something-new')).toEqual(['board', 'cadres', 'renewals', 'reports']);
  });
  it('the register button only for those who may register', () => {
    expect(canRegister('recruiter')).toBe(true);
    expect(canRegister('supervisor')).toBe(true);
    expect(canRegister('viewer')).toBe(false);
    expect(canRegister('admin')).toBe(false);
  });
  it('actions: the server’s list as returned, nothing at all for viewers and admins', () => {
    const allowed = ['BEGIN_ADMIN_CHECK', 'REJECT', 'WITHDRAW'];
    expect(visibleActions('recruiter', allowed)).toEqual(allowed);
    expect(visibleActions('supervisor', [...allowed, 'REOPEN'])).toEqual([...allowed, 'REOPEN']);
    expect(visibleActions('viewer', allowed)).toEqual([]);
    expect(visibleActions('admin', allowed)).toEqual([]);
  });
  it('"Ubah data calon" only for a supervisor the server allows', () => {
    expect(canEditCandidate('supervisor', true)).toBe(true);
    expect(canEditCandidate('supervisor', false)).toBe(false);
    expect(canEditCandidate('supervisor', undefined)).toBe(false);
    expect(canEditCandidate('recruiter', true)).toBe(false);
    expect(canEditCandidate('admin', true)).toBe(false);
  });
});

describe('offices', () => {
  it('admins have none, viewers may, branch roles must', () => {
    expect(branchRule('admin')).toBe('none');
    expect(branchRule('viewer')).toBe('optional');
    expect(branchRule('recruiter')).toBe('required');
    expect(branchIdForRole('admin', '3')).toBeNull();
    expect(branchIdForRole('viewer', '')).toBeNull();
    expect(branchIdForRole('viewer', '3')).toBe(3);
    expect(branchIdForRole('supervisor', '')).toBe('missing');
    expect(branchIdForRole('recruiter', '2')).toBe(2);
  });
  it('times in the branch’s zone, WIB for head office', () => {
    expect(userTimeZone({ branch: makassar })).toBe('Asia/Makassar');
    expect(userTimeZone({ branch: null })).toBe('Asia/Jakarta');
  });
  it('names the user as role · office, Indonesian first', () => {
    expect(userLine({ role: 'recruiter', branch: madiun }, 'id')).toBe('Rekruter · KC Madiun');
    expect(userLine({ role: 'admin', branch: null }, 'id')).toBe('Admin · Kantor Pusat');
    expect(userLine({ role: 'supervisor', branch: madiun }, 'en')).toBe('Supervisor · KC Madiun');
    expect(officeLabel(null, 'en')).toBe('Head office');
    expect(roleLabel('viewer', 'id')).toBe('Pemantau');
    expect(roleLabel('auditor', 'id')).toBe('auditor');
  });
  it('the default period: the newest of the user’s branch, else the newest of all', () => {
    const periods = [
      { id: 10, year: 2026, branch: { id: 1 } },
      { id: 11, year: 2026, branch: { id: 2 } },
      { id: 5, year: 2025, branch: { id: 2 } },
    ];
    expect(defaultPeriodId(periods, 2)).toBe(11);
    expect(defaultPeriodId(periods, 1)).toBe(10);
    expect(defaultPeriodId(periods, null)).toBe(10);
    expect(defaultPeriodId(periods, 99)).toBe(10);
    expect(defaultPeriodId([], 1)).toBeNull();
  });
});

describe('user forms', () => {
  const base = { username: 'rekruter.ngawi', name: 'Tri  Wahyudi', role: 'recruiter', branchId: '1', password: 'rahasia-baru-1' };
  it('a complete new user: the shared schema’s input, names with single spaces', () => {
    const input = { username: 'rekruter.ngawi', name: 'Tri Wahyudi', role: 'recruiter', branchId: 1, password: 'rahasia-baru-1' };
    expect(toCreateInput(base)).toEqual(input);
    expect(checkNewUser({ ...base, username: ' Rekruter.Ngawi ' })).toEqual({ ok: true, value: input });
  });
  it('each problem on its field, from the shared schema (a branch role without a branch included)', () => {
    const r = checkNewUser({ username: ' ', name: '', role: 'supervisor', branchId: '', password: 'pendek' });
    expect(reasons(r)).toEqual({
      username: 'USERNAME_FORMAT',
      name: 'FIELD_REQUIRED',
      branchId: 'USER_BRANCH_REQUIRED',
      password: 'PASSWORD_TOO_SHORT',
    });
    expect(reasons(checkNewUser({ ...base, role: 'supervisor', branchId: '' }))).toEqual({ branchId: 'USER_BRANCH_REQUIRED' });
    expect(reasons(checkNewUser({ ...base, role: '', branchId: '' }))).toEqual({ role: 'ROLE_CHOOSE' });
    expect(reasons(checkNewUser({ ...base, password: '' }))).toEqual({ password: 'PASSWORD_TOO_SHORT' });
    const short = checkNewUser({ ...base, password: 'kurang9ch' });
    expect(!short.ok && render('en', short.errors.password as Message)).toBe('A password needs at least 10 characters');
  });
  it('the edit form: a name, a role, the branch the role needs; only what changed is sent', () => {
    const before = { id: 7, name: 'Tri Wahyudi', role: 'recruiter', branch: { id: 1 } };
    expect(reasons(checkUserEdit(before, { name: ' ', role: 'recruiter', branchId: '1' }))).toEqual({ name: 'FIELD_REQUIRED' });
    expect(reasons(checkUserEdit(before, { name: 'Tri', role: 'supervisor', branchId: '' }))).toEqual({
      branchId: 'USER_BRANCH_REQUIRED',
    });
    expect(checkUserEdit(before, { name: 'Tri  Wahyudi', role: 'viewer', branchId: '' })).toEqual({
      ok: true,
      value: { id: 7, role: 'viewer', branchId: null },
    });
  });
  it('a temporary password is a new password', () => {
    expect(reasons(checkPasswordReset(7, 'pendek'))).toEqual({ newPassword: 'PASSWORD_TOO_SHORT' });
    expect(checkPasswordReset(7, 'cukup-10ch')).toEqual({ ok: true, value: { id: 7, newPassword: 'cukup-10ch' } });
  });
  it('head-office roles are sent without a branch', () => {
    expect(toCreateInput({ ...base, role: 'admin', branchId: '1' }).branchId).toBeNull();
    expect(toCreateInput({ ...base, role: 'viewer', branchId: '' }).branchId).toBeNull();
  });
  it('an update sends only what changed', () => {
    const before = { id: 7, name: 'Tri Wahyudi', role: 'recruiter', branch: { id: 1 } };
    expect(toUpdateInput(before, { name: 'Tri Wahyudi', role: 'recruiter', branchId: '1' })).toEqual({ id: 7 });
    expect(toUpdateInput(before, { name: 'Tri Wahyudi', role: 'supervisor', branchId: '1' })).toEqual({
      id: 7,
      role: 'supervisor',
    });
    expect(toUpdateInput(before, { name: 'Tri Wahyudi', role: 'recruiter', branchId: '2' })).toEqual({ id: 7, branchId: 2 });
    expect(toUpdateInput(before, { name: 'Tri W.', role: 'admin', branchId: '1' })).toEqual({
      id: 7,
      name: 'Tri W.',
      role: 'admin',
      branchId: null,
    });
  });
});
