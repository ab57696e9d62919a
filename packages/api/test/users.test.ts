import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toClientError } from '../src/errors';
import { createCaller } from '../src/index';
import { seededDatabase, userContext } from './helpers';

let db: ReturnType<typeof seededDatabase>;
beforeAll(() => {
  db = seededDatabase();
});
afterAll(() => db.cleanup());

const admin = () => createCaller(userContext(db.handle, 'admin.pusat'));
const idOf = (username: string) =>
  (db.handle.sqlite.prepare('select id from users where username = ?').get(username) as { id: number }).id;
const branchId = (code: string) =>
  (db.handle.sqlite.prepare('select id from branches where code = ?').get(code) as { id: number }).id;

/** What a client reads of a refusal (`data.kader`). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => toClientError(e).data,
  );

describe('user accounts: refusals name their reason and field', () => {
  const base = { username: 'rekruter.ngawi', name: 'Tri Wahyudi', role: 'recruiter' as const, password: 'rahasia-baru-1' };

  it('a taken user name, on the username field', async () => {
    const taken = await refusal(admin().users.create({ ...base, username: 'Rekruter.Madiun', branchId: branchId('KC-MDN') }));
    expect(taken).toMatchObject({
      code: 'VALIDATION',
      reason: 'USERNAME_TAKEN',
      params: { username: 'rekruter.madiun' },
      message: 'Nama pengguna rekruter.madiun sudah dipakai.',
      fields: [{ path: 'username', reason: 'USERNAME_TAKEN' }],
    });
  });

  it('a role in the wrong office: by the shared schema at creation, by the same rule at an update', async () => {
    expect(await refusal(admin().users.create({ ...base, branchId: null }))).toMatchObject({
      reason: 'INVALID_INPUT',
      fields: [{ path: 'branchId', reason: 'USER_BRANCH_REQUIRED', message: 'Rekruter dan penyelia harus punya kantor cabang.' }],
    });
    const recruiter = idOf('rekruter.madiun');
    expect(await refusal(admin().users.update({ id: recruiter, role: 'admin' }))).toMatchObject({
      reason: 'INVALID_INPUT',
      fields: [{ path: 'branchId', reason: 'ADMIN_HAS_NO_BRANCH' }],
    });
    expect(await refusal(admin().users.update({ id: recruiter, branchId: 999 }))).toMatchObject({
      code: 'VALIDATION',
      reason: 'NOT_FOUND',
      params: { entity: 'branch', id: 999 },
      fields: [{ path: 'branchId', reason: 'NOT_FOUND', message: 'Kantor cabang #999 tidak ditemukan.' }],
    });
  });

  it('an unknown account, and the last active admin', async () => {
    expect(await refusal(admin().users.setDisabled({ id: 999, disabled: true }))).toMatchObject({
      code: 'NOT_FOUND',
      params: { entity: 'user', id: 999 },
      message: 'Pengguna #999 tidak ditemukan.',
    });
    expect(await refusal(admin().users.setDisabled({ id: idOf('admin.pusat'), disabled: true }))).toMatchObject({
      code: 'VALIDATION',
      reason: 'LAST_ACTIVE_ADMIN',
      message: 'Ini admin aktif terakhir: buat admin lain terlebih dahulu.',
    });
  });

  it('a temporary password too short, on its field', async () => {
    expect(await refusal(admin().users.resetPassword({ id: idOf('rekruter.madiun'), newPassword: 'pendek' }))).toMatchObject({
      reason: 'INVALID_INPUT',
      fields: [{ path: 'newPassword', reason: 'PASSWORD_TOO_SHORT', params: { minimum: 10 } }],
    });
  });

  it('creates a user in a branch, and a head-office viewer without one', async () => {
    const created = await admin().users.create({ ...base, branchId: branchId('KC-MDN') });
    expect(created).toMatchObject({ username: 'rekruter.ngawi', role: 'recruiter', branch: { code: 'KC-MDN' } });
    const viewer = await admin().users.create({ ...base, username: 'pemantau.baru', role: 'viewer', branchId: null });
    expect(viewer.branch).toBeNull();
  });
});

describe('access refusals', () => {
  it('say who may not, by role label', async () => {
    const recruiter = createCaller(userContext(db.handle, 'rekruter.madiun'));
    expect(await refusal(recruiter.users.list())).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
      params: { role: 'recruiter' },
      message: 'Peran Rekruter tidak boleh melakukan ini.',
    });
    const anonymous = createCaller({ ...userContext(db.handle, 'admin.pusat'), principal: null });
    expect(await refusal(anonymous.periods.list())).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
      message: 'Silakan masuk terlebih dahulu.',
    });
  });
});
