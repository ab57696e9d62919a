import type Database from 'better-sqlite3';
import type { DbOrTx } from '../types';

/**
 * The connection under a drizzle database or transaction. drizzle (0.45, pinned in the catalog)
 * keeps it on the untyped `session`. The queries every command runs use it directly: drizzle's
 * builder and row mapping cost more than the storage work itself (~45-55% of a send's CPU in a
 * profile) and it compiled each statement afresh on every call.
 */
export function connectionOf(db: DbOrTx): Database.Database {
  const client = (db as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client || typeof client.prepare !== 'function') {
    throw new Error('a prepared query needs a better-sqlite3 drizzle database or transaction');
  }
  return client;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * `sql` compiled once per connection and kept for the connection's life (a closed connection's
 * statements go with it: the cache is keyed weakly). The SQL text is the key, so callers pass
 * constant strings and bind every value.
 */
export function prepared(db: DbOrTx, sql: string): Database.Statement {
  const sqlite = connectionOf(db);
  let byText = cache.get(sqlite);
  if (!byText) {
    byText = new Map();
    cache.set(sqlite, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}
