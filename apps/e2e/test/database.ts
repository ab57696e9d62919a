import { createRequire } from 'node:module';
import path from 'node:path';
import { SERVER_DIR } from './harness';

/** The few better-sqlite3 calls the tests make on the server's file. */
export type ReadOnlyDatabase = {
  prepare: (sql: string) => { get: (...params: unknown[]) => unknown; all: (...params: unknown[]) => unknown[] };
  close: () => void;
};

/**
 * The running server's SQLite file, opened read-only with the better-sqlite3 the server itself
 * loads (the e2e package has no native addon of its own): what the UI sent is checked as data,
 * never written. Close it when done.
 */
export function readDatabase(dbPath: string): ReadOnlyDatabase {
  const requireFromDb = createRequire(path.join(SERVER_DIR, 'node_modules/@kader/db/package.json'));
  const Database = requireFromDb('better-sqlite3') as new (file: string, opts: { readonly: boolean }) => ReadOnlyDatabase;
  return new Database(dbPath, { readonly: true });
}
