import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index';
import { createFirstAdmin } from '../src/services/firstAdmin';
import { fixedClock, seededDatabase, tempDatabase, userContext } from './helpers';

/**
 * The first start (issue 11): an empty production database with only the first admin, taken
 * through the real procedures step by step; `setup.progress` read after each step.
 */
let db: ReturnType<typeof tempDatabase>;
const clock = fixedClock(); // 23 Nov 2026, 09.00 WIB
const PASSWORD = 'kata-sandi-pertama-1';

beforeEach(async () => {
  db = tempDatabase();
  await createFirstAdmin(db.handle, { username: 'admin.pertama', name: 'Budi Santoso', password: PASSWORD });
});
afterEach(() => db.cleanup());

const as = (username: string) => createCaller(userContext(db.handle, username, clock.now));
const admin = () => as('admin.pertama');

async function openBranch(code: string, name: string, areas = ['Kota Madiun']) {
  return admin().branches.create({ code, name, timeZone: 'Asia/Jakarta', workAreas: areas });
}
async function createUser(username: string, role: 'recruiter' | 'supervisor', branchId: number) {
  return admin().users.create({ username, name: `Pengguna ${username}`, role, branchId, password: PASSWORD });
}
const ticks = (p: { steps: { step: string; done: boolean }[] }) => Object.fromEntries(p.steps.map((s) => [s.step, s.done]));

describe('setup.progress for head office', () => {
  it('an empty database: every step open, the first one next, no branch', async () => {
    const progress = await admin().setup.progress();
    expect(progress).toEqual({
      kind: 'headOffice',
      steps: [
        { step: 'branch', done: false },
        { step: 'period', done: false },
        { step: 'users', done: false },
      ],
      next: 'branch',
      branches: [],
    });
  });

  it('ticks each step as it is taken: a branch with areas, its quota and dates, its recruiter and supervisor', async () => {
    const branch = await openBranch('KC-MDN', 'KC Madiun', ['Kota Madiun', 'Kabupaten Ngawi']);
    let progress = await admin().setup.progress();
    expect(ticks(progress as never)).toEqual({ branch: true, period: false, users: false });
    expect(progress).toMatchObject({
      next: 'period',
      branches: [
        {
          id: branch.id,
          code: 'KC-MDN',
          done: { branch: true, period: false, users: false },
          missingRoles: ['recruiter', 'supervisor'],
        },
      ],
    });

    // a past year's period does not open this year's registration
    await admin().periods.setQuota({ branchId: branch.id, year: 2025, quota: 10 });
    expect(ticks((await admin().setup.progress()) as never).period).toBe(false);

    await admin().periods.setQuota({ branchId: branch.id, year: 2026, quota: 40 });
    progress = await admin().setup.progress();
    expect(ticks(progress as never)).toEqual({ branch: true, period: true, users: false });
    expect(progress.kind === 'headOffice' && progress.next).toBe('users');

    await createUser('rekruter.madiun', 'recruiter', branch.id);
    progress = await admin().setup.progress();
    expect(progress).toMatchObject({ next: 'users', branches: [{ missingRoles: ['supervisor'] }] });

    const supervisor = await createUser('penyelia.madiun', 'supervisor', branch.id);
    progress = await admin().setup.progress();
    expect(ticks(progress as never)).toEqual({ branch: true, period: true, users: true });
    expect(progress).toMatchObject({ next: null, branches: [{ missingRoles: [] }] });

    // a disabled supervisor no longer staffs the branch
    await admin().users.setDisabled({ id: supervisor.id, disabled: true });
    expect(await admin().setup.progress()).toMatchObject({ next: 'users', branches: [{ missingRoles: ['supervisor'] }] });
  });

  it('a period without registration dates does not count', async () => {
    const branch = await openBranch('KC-MDN', 'KC Madiun');
    await admin().periods.setQuota({ branchId: branch.id, year: 2026, quota: 40 });
    // a row written by hand outside the services has no window (schema.ts): not a period to register into
    db.handle.sqlite.prepare('UPDATE recruitment_periods SET registration_opens_on = NULL, registration_closes_on = NULL').run();
    expect(ticks((await admin().setup.progress()) as never).period).toBe(false);
  });

  it('the later steps are done only when every branch has them', async () => {
    const madiun = await openBranch('KC-MDN', 'KC Madiun');
    await admin().periods.setQuota({ branchId: madiun.id, year: 2026, quota: 40 });
    await createUser('rekruter.madiun', 'recruiter', madiun.id);
    await createUser('penyelia.madiun', 'supervisor', madiun.id);
    await openBranch('KC-NGW', 'KC Ngawi', ['Kabupaten Ngawi']);
    const progress = await admin().setup.progress();
    expect(ticks(progress as never)).toEqual({ branch: true, period: false, users: false });
    expect(progress).toMatchObject({
      next: 'period',
      branches: [
        { code: 'KC-MDN', done: { branch: true, period: true, users: true } },
        { code: 'KC-NGW', done: { branch: true, period: false, users: false } },
      ],
    });
  });
});

describe('setup.progress for a branch user', () => {
  it('without a period: the head-office admins to ask, by name only', async () => {
    await createFirstAdmin(db.handle, { username: 'admin.kedua', name: 'Ani Wijaya', password: PASSWORD });
    const branch = await openBranch('KC-MDN', 'KC Madiun');
    await createUser('rekruter.madiun', 'recruiter', branch.id);
    const progress = await as('rekruter.madiun').setup.progress();
    expect(progress).toEqual({ kind: 'branch', hasPeriod: false, askAdmins: ['Ani Wijaya', 'Budi Santoso'] });
    // names only: no user names, hashes or anything else of theirs
    expect(JSON.stringify(progress)).not.toMatch(/admin\.|scrypt|\$/);

    await admin().periods.setQuota({ branchId: branch.id, year: 2026, quota: 40 });
    expect(await as('rekruter.madiun').setup.progress()).toEqual({ kind: 'branch', hasPeriod: true, askAdmins: [] });
  });

  it("sees nothing of another branch: not its period, nor its name, nor head office's checklist", async () => {
    const madiun = await openBranch('KC-MDN', 'KC Madiun');
    await admin().periods.setQuota({ branchId: madiun.id, year: 2026, quota: 40 });
    await createUser('rekruter.madiun', 'recruiter', madiun.id);
    const ngawi = await openBranch('KC-NGW', 'KC Ngawi', ['Kabupaten Ngawi']);
    await createUser('penyelia.ngawi', 'supervisor', ngawi.id);

    const progress = await as('penyelia.ngawi').setup.progress();
    // Madiun's period is not Ngawi's
    expect(progress).toEqual({ kind: 'branch', hasPeriod: false, askAdmins: ['Budi Santoso'] });
    expect(JSON.stringify(progress)).not.toMatch(/Madiun|KC-MDN/);
    expect(await as('rekruter.madiun').setup.progress()).toEqual({ kind: 'branch', hasPeriod: true, askAdmins: [] });
  });

  it('a head-office viewer reads every branch: any branch with a period is a period to see', async () => {
    await admin().users.create({
      username: 'pemantau.pusat',
      name: 'Pemantau',
      role: 'viewer',
      branchId: null,
      password: PASSWORD,
    });
    expect(await as('pemantau.pusat').setup.progress()).toMatchObject({ kind: 'branch', hasPeriod: false });
    const madiun = await openBranch('KC-MDN', 'KC Madiun');
    await admin().periods.setQuota({ branchId: madiun.id, year: 2026, quota: 40 });
    expect(await as('pemantau.pusat').setup.progress()).toEqual({ kind: 'branch', hasPeriod: true, askAdmins: [] });
  });
});

describe('setup.progress on the demo data', () => {
  it("every branch has its areas and this year's dated period; two branches still lack staff", async () => {
    const demo = seededDatabase();
    try {
      const progress = await createCaller(userContext(demo.handle, 'admin.pusat', clock.now)).setup.progress();
      expect(ticks(progress as never)).toEqual({ branch: true, period: true, users: false });
      expect(progress).toMatchObject({
        next: 'users',
        branches: [
          { code: 'KC-MDN', missingRoles: [] },
          { code: 'KC-MKS', missingRoles: ['supervisor'] },
          { code: 'KC-JPR', missingRoles: ['recruiter', 'supervisor'] },
        ],
      });
    } finally {
      demo.cleanup();
    }
  });
});
