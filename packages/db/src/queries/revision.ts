import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../types';

/** An optimistic-concurrency write: the row, the revision the caller saw, the columns to set. */
export type RevisionWrite<Values> = { id: number; expectedRevision: number; values: Values };

/** A table whose rows carry a revision the writers check (applications, contracts, ...). */
type RevisionedTable = SQLiteTable & { id: SQLiteColumn; revision: SQLiteColumn };

/**
 * Writes `values` and revision + 1 only if the row still has the revision the caller saw. Returns
 * false when another command got there first: the caller turns that into a CONFLICT.
 */
export function updateIfRevision<T extends RevisionedTable>(
  db: DbOrTx,
  table: T,
  { id, expectedRevision, values }: RevisionWrite<object>,
): boolean {
  const set = { ...values, revision: expectedRevision + 1 } as SQLiteUpdateSetSource<T>;
  const result = db
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.revision, expectedRevision)))
    .run();
  return result.changes === 1;
}
