import { and, asc, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../schema';
import type { DbOrTx } from '../types';

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAudit = Omit<typeof auditEvents.$inferInsert, 'id' | 'seq'>;

/** Appends the entity's next event; the unique (entity, seq) index refuses a racing duplicate. */
export function appendAudit(db: DbOrTx, row: NewAudit): AuditRow {
  const last = db
    .select({ seq: sql<number>`coalesce(max(${auditEvents.seq}), 0)` })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, row.entityType), eq(auditEvents.entityId, row.entityId)))
    .get();
  return db
    .insert(auditEvents)
    .values({ ...row, seq: (last?.seq ?? 0) + 1 })
    .returning()
    .get();
}

export function listAudit(db: DbOrTx, entityType: string, entityId: number): AuditRow[] {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.seq))
    .all();
}
