import { createHash, randomBytes } from 'node:crypto';
import { endSession, findLiveSession, insertSession, touchSession, type DbOrTx } from '@kader/db';

/**
 * The cookie carries a random 256-bit token; the table keeps only its SHA-256, so a copy of the
 * database does not hand out live sessions. A session ends after 2 hours without use or 12 hours
 * after sign-in, whichever comes first — an office day, not longer.
 */
export const SESSION_COOKIE = 'kader_session';
export const IDLE_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Writing last-seen on every request would turn every read into a write; once a minute is enough. */
const TOUCH_EVERY_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function expiry(createdAt: Date, lastSeen: Date): string {
  return new Date(Math.min(createdAt.getTime() + ABSOLUTE_MS, lastSeen.getTime() + IDLE_MS)).toISOString();
}

export function startSession(db: DbOrTx, userId: number, now: Date): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = expiry(now, now);
  insertSession(db, {
    tokenHash: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
  });
  return { token, expiresAt };
}

/** The signed-in user behind a cookie token, or null when unknown, ended, expired or disabled. */
export function resumeSession(db: DbOrTx, token: string, now: Date) {
  const tokenHash = hashToken(token);
  const found = findLiveSession(db, { tokenHash, now: now.toISOString() });
  if (!found || found.user.disabledAt) return null;
  if (now.getTime() - new Date(found.session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    touchSession(db, {
      tokenHash,
      values: { lastSeenAt: now.toISOString(), expiresAt: expiry(new Date(found.session.createdAt), now) },
    });
  }
  return { tokenHash, user: found.user };
}

export function finishSession(db: DbOrTx, tokenHash: string, now: Date): void {
  endSession(db, { tokenHash, now: now.toISOString() });
}
