import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { branches, loginFailures, nikViews, sessions, settings, users } from '../schema';
import type { DbOrTx } from '../types';

export type UserRecord = typeof users.$inferSelect;
export type SessionRecord = typeof sessions.$inferSelect;

export function findUserByUsername(db: DbOrTx, username: string): UserRecord | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function getUser(db: DbOrTx, id: number): UserRecord | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: DbOrTx) {
  return db
    .select({ user: users, branch: branches })
    .from(users)
    .leftJoin(branches, eq(branches.id, users.branchId))
    .orderBy(asc(users.username))
    .all();
}

export function insertUser(db: DbOrTx, values: typeof users.$inferInsert): UserRecord {
  return db.insert(users).values(values).returning().get();
}

export function updateUser(db: DbOrTx, { id, values }: { id: number; values: Partial<typeof users.$inferInsert> }): void {
  db.update(users).set(values).where(eq(users.id, id)).run();
}

export function countAdmins(db: DbOrTx, opts: { includeDemo: boolean }): number {
  const where = opts.includeDemo
    ? and(eq(users.role, 'admin'), isNull(users.disabledAt))
    : and(eq(users.role, 'admin'), isNull(users.disabledAt), eq(users.demo, false));
  return db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()?.n ?? 0;
}

export function getBranch(db: DbOrTx, id: number) {
  return db.select().from(branches).where(eq(branches.id, id)).get();
}

export function listBranches(db: DbOrTx) {
  return db.select().from(branches).orderBy(asc(branches.id)).all();
}

export function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): void {
  db.insert(sessions).values(values).run();
}

/** The live session for a token hash with its user, or nothing when ended or expired. */
export function findLiveSession(db: DbOrTx, { tokenHash, now }: { tokenHash: string; now: string }) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .get();
}

export function touchSession(
  db: DbOrTx,
  { tokenHash, values }: { tokenHash: string; values: { lastSeenAt: string; expiresAt: string } },
): void {
  db.update(sessions).set(values).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function endSession(db: DbOrTx, { tokenHash, now }: { tokenHash: string; now: string }): void {
  db.update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)))
    .run();
}

export function endUserSessions(db: DbOrTx, { userId, now }: { userId: number; now: string }): void {
  db.update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .run();
}

/**
 * How long a failed sign-in counts against its account or address (the window of @kader/api's
 * sign-in limits). Older rows count for nothing and are deleted, so the table stays small.
 */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Records one failure (or an attempt reserved as one) and returns its id. */
export function recordLoginFailure(db: DbOrTx, { key, at }: { key: string; at: string }): number {
  return db.insert(loginFailures).values({ key, at }).returning({ id: loginFailures.id }).get().id;
}

export function countLoginFailures(db: DbOrTx, { key, since }: { key: string; since: string }): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
      .get()?.n ?? 0
  );
}

export function clearLoginFailures(db: DbOrTx, key: string): void {
  db.delete(loginFailures).where(eq(loginFailures.key, key)).run();
}

export function deleteLoginFailure(db: DbOrTx, id: number): void {
  db.delete(loginFailures).where(eq(loginFailures.id, id)).run();
}

/**
 * Deletes failures at or before `before` (the ones `countLoginFailures` no longer sees): for
 * one key when given (bounded by the (key, at) index), else for every key.
 */
export function deleteLoginFailuresBefore(db: DbOrTx, { before, key }: { before: string; key?: string | undefined }): number {
  const old = lte(loginFailures.at, before);
  return db
    .delete(loginFailures)
    .where(key === undefined ? old : and(eq(loginFailures.key, key), old))
    .run().changes;
}

export function recordNikView(db: DbOrTx, values: typeof nikViews.$inferInsert): void {
  db.insert(nikViews).values(values).run();
}

export function getSetting(db: DbOrTx, key: string): string | undefined {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

export function putSetting(db: DbOrTx, { key, value }: { key: string; value: string }): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
