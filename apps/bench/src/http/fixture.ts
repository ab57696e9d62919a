/**
 * The HTTP section's data: the engine's seeded applications (one branch, all in the administrative
 * check), plus the accounts a production start wants: a head-office admin (`kader start` refuses a
 * database without one) and a recruiter of the bench branch, who may run its selection and sends
 * every request. Passwords are made up per run; they never leave the temporary directory. The
 * region codes are loaded as a server's first start does, so every start measured is a later one.
 */
import { randomBytes } from 'node:crypto';
import { createFirstAdmin, createUser, ensureRegions, systemContext } from '@kader/api';
import { openDatabase } from '@kader/db';
import { applicationIds, seedTemplate } from '../workloads';
import type { OwnedApplication } from './load';

export type HttpFixture = { file: string; username: string; password: string; applications: OwnedApplication[] };

export const RECRUITER = 'rekruter.bench';

export async function seedHttpTemplate(file: string, applications: number): Promise<HttpFixture> {
  seedTemplate(file, applications);
  const password = randomBytes(12).toString('base64url');
  const handle = openDatabase(file);
  try {
    ensureRegions(handle);
    await createFirstAdmin(handle, { username: 'admin.bench', password });
    const branchId = handle.sqlite.prepare('SELECT id FROM branches ORDER BY id LIMIT 1').pluck().get() as number;
    await createUser({
      ctx: systemContext(handle, undefined, 'bench'),
      input: { username: RECRUITER, name: 'Rekruter Bench', role: 'recruiter', branchId, password, mustChangePassword: false },
    });
    const owned: OwnedApplication[] = applicationIds(handle);
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { file, username: RECRUITER, password, applications: owned };
  } finally {
    handle.close();
  }
}

/** Application k goes to client k mod n: each client owns its own, so no two race for a revision. */
export function shareOut(applications: OwnedApplication[], clients: number): OwnedApplication[][] {
  if (applications.length < clients) throw new Error(`${clients} clients need at least as many applications`);
  const out: OwnedApplication[][] = Array.from({ length: clients }, () => []);
  applications.forEach((a, k) => out[k % clients]!.push({ ...a }));
  return out;
}
