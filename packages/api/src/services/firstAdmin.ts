import { countAdmins, getSetting, type DbHandle } from '@kader/db';
import { createUserSchema } from '@kader/workflow';
import { systemContext } from '../context';
import { createUser } from './users/createUser';

/** What a production start needs to know: is there a real admin, and is this a demo database? */
export function adminStatus(handle: DbHandle): { admins: number; demo: boolean } {
  return {
    admins: countAdmins(handle.db, { includeDemo: false }),
    demo: getSetting(handle.db, 'mode') === 'demo',
  };
}

/**
 * The first head-office admin, from the CLI or from environment variables at the first start.
 * There is no default password anywhere: whoever installs Kader chooses it.
 */
export function createFirstAdmin(handle: DbHandle, input: { username: string; name?: string; password: string }) {
  const parsed = createUserSchema.parse({
    username: input.username,
    name: input.name ?? 'Admin Kantor Pusat',
    role: 'admin',
    branchId: null,
    password: input.password,
  });
  // The person typing it chose it, so no forced change at the first sign-in.
  return createUser({ ctx: systemContext(handle, undefined, 'instalasi'), input: { ...parsed, mustChangePassword: false } });
}
