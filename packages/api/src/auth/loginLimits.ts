import {
  clearLoginFailures,
  countLoginFailures,
  deleteLoginFailure,
  deleteLoginFailuresBefore,
  LOGIN_FAILURE_WINDOW_MS,
  recordLoginFailure,
  type Db,
  type DbOrTx,
} from '@kader/db';

/**
 * Failed sign-ins are counted per account name (whether or not it exists, so the limit itself
 * does not reveal accounts) and per client address, over a 15-minute window.
 */
export const WINDOW_MS = LOGIN_FAILURE_WINDOW_MS;
export const MAX_PER_ACCOUNT = 5;
export const MAX_PER_ADDRESS = 20;

const accountKey = (username: string) => `account:${username.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/** An attempt allowed to check its password; it already counts as a failure until it succeeds. */
export type LoginReservation = { username: string; addressFailureId: number };

/**
 * Checks both limits and, when neither is reached, counts this attempt as a failure: check and
 * count are one synchronous transaction taken before the slow password hash, so parallel attempts
 * (separate requests or one batch) cannot all pass the check before any failure is recorded.
 * Returns null when a limit is reached. The same transaction deletes the two keys' rows that have
 * left the window. Takes the database itself: the transaction must be its own and commit at once.
 */
export function reserveLoginAttempt(db: Db, username: string, address: string, now: Date): LoginReservation | null {
  const at = now.toISOString();
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const account = accountKey(username);
  const from = addressKey(address);
  return db.transaction(
    (tx) => {
      deleteLoginFailuresBefore(tx, { before: since, key: account });
      deleteLoginFailuresBefore(tx, { before: since, key: from });
      if (
        countLoginFailures(tx, { key: account, since }) >= MAX_PER_ACCOUNT ||
        countLoginFailures(tx, { key: from, since }) >= MAX_PER_ADDRESS
      ) {
        return null;
      }
      recordLoginFailure(tx, { key: account, at });
      return { username, addressFailureId: recordLoginFailure(tx, { key: from, at }) };
    },
    { behavior: 'immediate' },
  );
}

/**
 * A right password: the account's failures are forgiven, and this attempt's reservation against
 * the address is taken back (an office behind one address signs in many times a day).
 */
export function loginSucceeded(db: DbOrTx, reservation: LoginReservation): void {
  clearLoginFailures(db, accountKey(reservation.username));
  deleteLoginFailure(db, reservation.addressFailureId);
}
