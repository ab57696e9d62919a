/**
 * What one HTTP request to the API may carry, shared by the server that enforces it and the admin
 * UI that must stay within it.
 */

/**
 * Calls in one tRPC batch. Each call runs to completion on the server's one event loop, so a long
 * batch holds up every other user (200 board queries held it about a second).
 */
export const MAX_BATCH_CALLS = 25;

/**
 * Procedures that check a password travel alone: each costs a slow hash, and a batch would let one
 * request run many guesses at once, past the sign-in limits.
 */
export const UNBATCHABLE_PROCEDURES: ReadonlySet<string> = new Set(['auth.login', 'auth.changePassword']);
