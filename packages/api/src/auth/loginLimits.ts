import { clearLoginFailures, countLoginFailures, recordLoginFailure, type DbOrTx } from '@kader/db';

/**
 * Failed sign-ins are counted per account name (whether or not it exists, so the limit itself
 * does not reveal accounts) and per client address, over a 15-minute window.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_PER_ACCOUNT = 5;
export const MAX_PER_ADDRESS = 20;

const accountKey = (username: string) => `account:${username.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export function loginBlocked(db: DbOrTx, username: string, address: string, now: Date): boolean {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  return (
    countLoginFailures(db, accountKey(username), since) >= MAX_PER_ACCOUNT ||
    countLoginFailures(db, addressKey(address), since) >= MAX_PER_ADDRESS
  );
}

export function noteLoginFailure(db: DbOrTx, username: string, address: string, now: Date): void {
  recordLoginFailure(db, accountKey(username), now.toISOString());
  recordLoginFailure(db, addressKey(address), now.toISOString());
}

export function noteLoginSuccess(db: DbOrTx, username: string): void {
  clearLoginFailures(db, accountKey(username));
}
