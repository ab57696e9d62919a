import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DbHandle,
  endSession,
  findLiveSession,
  insertBranch,
  insertSession,
  insertUser,
  schema,
  touchSession,
} from '../src/index';
import { tempDatabase } from './tempDatabase';

let h: DbHandle;
let cleanup: () => void;

beforeEach(() => {
  ({ handle: h, cleanup } = tempDatabase('kader-db-'));
});
afterEach(() => cleanup());

function seedSession(opts: { mustChangePassword: boolean; demo: boolean }) {
  const branch = insertBranch(h.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const user = insertUser(h.db, {
    username: 'rekruter.madiun',
    name: 'Rekruter',
    role: 'recruiter',
    branchId: branch.id,
    passwordHash: 'scrypt$1$1$1$a$b',
    mustChangePassword: opts.mustChangePassword,
    demo: opts.demo,
    lastLoginAt: '2026-03-01T01:00:00.000Z',
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
  insertSession(h.db, {
    tokenHash: 'h1',
    userId: user.id,
    createdAt: '2026-03-01T01:00:00.000Z',
    lastSeenAt: '2026-03-01T01:00:00.000Z',
    expiresAt: '2026-03-01T03:00:00.000Z',
  });
}

/** What drizzle's schema mapping makes of the same row: the cached statement must give the same. */
function throughDrizzle(tokenHash: string) {
  return h.db
    .select({ session: schema.sessions, user: schema.users })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.tokenHash, tokenHash))
    .get();
}

describe('the session lookup every signed-in request makes', () => {
  it('maps every column of the session and its user as the schema does (booleans included)', () => {
    for (const flags of [
      { mustChangePassword: true, demo: false },
      { mustChangePassword: false, demo: true },
    ]) {
      seedSession(flags);
      const found = findLiveSession(h.db, { tokenHash: 'h1', now: '2026-03-01T02:00:00.000Z' });
      expect(found).toEqual(throughDrizzle('h1'));
      expect(found?.user).toMatchObject(flags);
      h.sqlite.exec('DELETE FROM sessions; DELETE FROM users; DELETE FROM branches;');
    }
  });

  it('finds nothing for an unknown token, an expired session or an ended one; a touch moves the expiry', () => {
    seedSession({ mustChangePassword: false, demo: false });
    expect(findLiveSession(h.db, { tokenHash: 'other', now: '2026-03-01T02:00:00.000Z' })).toBeUndefined();
    expect(findLiveSession(h.db, { tokenHash: 'h1', now: '2026-03-01T03:00:00.000Z' })).toBeUndefined();
    touchSession(h.db, {
      tokenHash: 'h1',
      values: { lastSeenAt: '2026-03-01T02:30:00.000Z', expiresAt: '2026-03-01T04:30:00.000Z' },
    });
    const touched = findLiveSession(h.db, { tokenHash: 'h1', now: '2026-03-01T03:00:00.000Z' });
    expect(touched?.session).toMatchObject({ lastSeenAt: '2026-03-01T02:30:00.000Z', expiresAt: '2026-03-01T04:30:00.000Z' });
    endSession(h.db, { tokenHash: 'h1', now: '2026-03-01T03:10:00.000Z' });
    expect(findLiveSession(h.db, { tokenHash: 'h1', now: '2026-03-01T03:10:00.000Z' })).toBeUndefined();
  });
});
