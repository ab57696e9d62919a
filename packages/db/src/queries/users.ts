import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { branches, loginFailures, nikViews, sessions, settings, users } from '../schema';
import type { DbOrTx } from '../types';
import { prepared } from './prepared';

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

/**
 * The live session for a token hash with its user, or nothing when ended or expired. Every signed-in
 * request asks this, so it runs one statement compiled once per connection (`prepared`): drizzle's
 * builder and mapping took most of the request's session lookup (~7% of a send's server CPU).
 */
export function findLiveSession(
  db: DbOrTx,
  { tokenHash, now }: { tokenHash: string; now: string },
): { session: SessionRecord; user: UserRecord } | undefined {
  const row = prepared(db, LIVE_SESSION_SQL).get(tokenHash, now) as LiveSessionRow | undefined;
  if (!row) return undefined;
  return {
    session: {
      tokenHash: row.s_token_hash,
      userId: row.s_user_id,
      createdAt: row.s_created_at,
      lastSeenAt: row.s_last_seen_at,
      expiresAt: row.s_expires_at,
      endedAt: row.s_ended_at,
    },
    user: {
      id: row.id,
      username: row.username,
      name: row.name,
      role: row.role,
      branchId: row.branch_id,
      passwordHash: row.password_hash,
      mustChangePassword: row.must_change_password === 1,
      disabledAt: row.disabled_at,
      lastLoginAt: row.last_login_at,
      demo: row.demo === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
  };
}

const LIVE_SESSION_SQL = `SELECT s.token_hash AS s_token_hash, s.user_id AS s_user_id, s.created_at AS s_created_at,
    s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at, s.ended_at AS s_ended_at,
    u.id, u.username, u.name, u.role, u.branch_id, u.password_hash, u.must_change_password, u.disabled_at,
    u.last_login_at, u.demo, u.created_at, u.updated_at
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ?`;

type LiveSessionRow = {
  s_token_hash: string;
  s_user_id: number;
  s_created_at: string;
  s_last_seen_at: string;
  s_expires_at: string;
  s_ended_at: string | null;
  id: number;
  username: string;
  name: string;
  role: UserRecord['role'];
  branch_id: number | null;
  password_hash: string;
  must_change_password: number;
  disabled_at: string | null;
  last_login_at: string | null;
  demo: number;
  created_at: string;
  updated_at: string;
};

/** Moves a session's last-seen time and expiry (at most once a minute per session: `resumeSession`). */
export function touchSession(
  db: DbOrTx,
  { tokenHash, values }: { tokenHash: string; values: { lastSeenAt: string; expiresAt: string } },
): void {
  prepared(db, 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(
    values.lastSeenAt,
    values.expiresAt,
    tokenHash,
  );
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
