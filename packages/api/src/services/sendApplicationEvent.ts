import {
  appendAudit,
  countQuotaUsed,
  getApplication,
  getPeriod,
  schema,
  updateApplicationIfRevision,
} from '@kader/db';
import {
  applyEvent,
  parseRecruitmentEvent,
  persist,
  RECRUITMENT_MACHINE_VERSION,
  restore,
  stateOf,
} from '@kader/workflow';
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import { CONFLICT_MESSAGE, DomainError } from '../errors';
import { applicationDetail, mustGetApplication } from './views';

export type SendApplicationEvent = {
  id: number;
  /** The revision the caller saw: a stale one is a CONFLICT and nothing is written. */
  revision: number;
  event: unknown;
  /** The same key sent twice (a retry after a lost answer) acts once. */
  idempotencyKey?: string | undefined;
};

/**
 * Sends one event to an application's recruitment machine: one synchronous transaction that
 * loads, migrates, transitions, refuses when nothing changed, checks the quota at a signing,
 * writes the snapshot with revision + 1 and appends the audit row.
 */
export function sendApplicationEvent({ ctx, input }: { ctx: Context; input: SendApplicationEvent }) {
  const parsed = parseRecruitmentEvent(input.event);
  if (!parsed.ok) {
    const fields = parsed.fields.map((f) => ({ path: `event.${f.path}`, message: f.message }));
    throw new DomainError('VALIDATION', `Data aksi tidak valid: ${fields.map((f) => f.message).join('; ')}`, { fields });
  }
  const event = parsed.event;
  const { db } = ctx.handle;

  return db.transaction(
    (tx) => {
      const row = mustGetApplication(tx, input.id, getApplication(tx, input.id));

      if (input.idempotencyKey) {
        const seen = tx
          .select()
          .from(schema.idempotencyKeys)
          .where(eq(schema.idempotencyKeys.key, input.idempotencyKey))
          .get();
        if (seen) {
          if (seen.entityId !== row.id) {
            throw new DomainError('VALIDATION', 'Kunci idempotensi sudah dipakai untuk data lain.');
          }
          return applicationDetail(tx, row);
        }
      }

      if (row.revision !== input.revision) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);

      const snapshot = restore({ version: row.machineVersion, persisted: row.snapshot });
      const applied = applyEvent(snapshot, event);
      if (!applied.ok) {
        const allowed = applied.allowedEvents.length ? applied.allowedEvents.join(', ') : 'tidak ada';
        throw new DomainError('INVALID_TRANSITION', `${applied.reason} Aksi yang berlaku sekarang: ${allowed}.`, {
          allowedEvents: applied.allowedEvents,
        });
      }

      let meta: Record<string, unknown> | null = null;
      if (event.type === 'SIGN_AGREEMENT') {
        // Checked inside the write transaction, so two signings cannot both take the last place.
        const period = getPeriod(tx, row.periodId);
        if (!period) throw new Error(`application ${row.id} has no period`);
        const used = countQuotaUsed(tx, row.periodId);
        if (used >= period.quota) {
          throw new DomainError(
            'QUOTA_EXCEEDED',
            `Kuota ${period.branch.name} tahun ${period.year} sudah penuh (${used} dari ${period.quota} tempat terisi). PKS tidak dapat ditandatangani.`,
          );
        }
        meta = { quota: period.quota, quotaUsedBefore: used };
      }

      const at = ctx.now().toISOString();
      const written = updateApplicationIfRevision(tx, row.id, input.revision, {
        state: applied.to,
        snapshot: persist(applied.snapshot),
        machineVersion: RECRUITMENT_MACHINE_VERSION,
        stateEnteredAt: applied.from === applied.to ? row.stateEnteredAt : at,
        updatedAt: at,
      });
      if (!written) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);

      const { type, ...payload } = event;
      appendAudit(tx, {
        entityType: 'application',
        entityId: row.id,
        type,
        payload,
        fromState: applied.from,
        toState: stateOf(applied.snapshot),
        machineVersion: RECRUITMENT_MACHINE_VERSION,
        actor: ctx.actor.id,
        at,
        meta,
      });
      if (input.idempotencyKey) {
        tx.insert(schema.idempotencyKeys)
          .values({ key: input.idempotencyKey, entityId: row.id, revision: input.revision + 1, createdAt: at })
          .run();
      }
      return applicationDetail(tx, mustGetApplication(tx, row.id, getApplication(tx, row.id)));
    },
    { behavior: 'immediate' },
  );
}
