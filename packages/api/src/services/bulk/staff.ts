/**
 * The people who act in the generated audit log, as accounts: the demo's users (DEMO_USERS, for
 * Madiun and Makassar, whose codes the programme keeps) and a recruiter, a supervisor and a
 * viewer for every other branch, all demo accounts with the demo's published password.
 */
import type { Context } from '../../context';
import type { Role } from '../../auth/principal';
import { DEMO_PASSWORD, DEMO_USERS } from '../seedDemo';
import { createUser } from '../users/createUser';
import type { BranchPlan } from './programme';

/** The demo password is published, so the hash cost of these accounts protects nothing (seedDemo's reasoning). */
const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

const city = (branchName: string) =>
  branchName
    .replace(/^KC /, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

/** The usernames acting for a branch: the demo's for Madiun and Makassar, made alike for the rest. */
export function staffOf(branch: BranchPlan): { recruiter: string; supervisor: string; viewer: string } {
  const demo = (role: Role) => DEMO_USERS.find((u) => u.branch === branch.code && u.role === role)?.username;
  const c = city(branch.name);
  return {
    recruiter: demo('recruiter') ?? `rekruter.${c}`,
    supervisor: demo('supervisor') ?? `penyelia.${c}`,
    viewer: demo('viewer') ?? `pimpinan.${c}`,
  };
}

export async function createStaff(ctx: Context, branches: BranchPlan[], branchIds: Map<string, number>): Promise<void> {
  const users = [
    ...DEMO_USERS.map((u) => ({ ...u, branchId: u.branch ? branchIds.get(u.branch)! : null })),
    ...branches
      .filter((b) => !DEMO_USERS.some((u) => u.branch === b.code))
      .flatMap((b) => {
        const staff = staffOf(b);
        const branchId = branchIds.get(b.code)!;
        return [
          { username: staff.recruiter, name: `Rekruter ${b.name}`, role: 'recruiter' as const, branchId },
          { username: staff.supervisor, name: `Penyelia ${b.name}`, role: 'supervisor' as const, branchId },
          { username: staff.viewer, name: `Kepala ${b.name}`, role: 'viewer' as const, branchId },
        ];
      }),
  ];
  for (const { username, name, role, branchId } of users) {
    await createUser({
      ctx,
      input: { username, name, role, branchId, password: DEMO_PASSWORD, demo: true, mustChangePassword: false },
      scrypt: CHEAP_SCRYPT,
    });
  }
}
