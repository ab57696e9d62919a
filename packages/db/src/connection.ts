import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sealLegacyAuditRows } from './auditChain';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type DbHandle = { db: Db; sqlite: Database.Database; file: string; close(): void };

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * WAL lets the board read while a command writes. synchronous=FULL: an acknowledged signing or
 * score must survive a power cut at a branch office; the cost is one fsync per commit, which a
 * recruiter clicking does not notice (FULL beside NORMAL, per command: `pnpm bench`, bench/RESULTS.md).
 * foreign_keys is off by default in SQLite. The busy timeout makes a second writer wait instead of failing at once.
 */
export function openDatabase(file: string): DbHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, file, close: () => sqlite.close() };
}

/**
 * Applies the generated SQL migrations (idempotent: drizzle records what it applied), then seals
 * the audit rows written before the hash chain existed: SQLite has no sha256, so migration 0005
 * only adds the empty columns and this fills them, once, in id order (a no-op afterwards).
 */
export function migrateDatabase(handle: DbHandle): void {
  migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
  sealLegacyAuditRows(handle.sqlite);
}
