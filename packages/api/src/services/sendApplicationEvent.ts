import {
  agreementNumberTaken,
  appendAudit,
  listOtherApplications,
  getApplication,
  getPeriod,
  schema,
  updateApplicationIfRevision,
} from '@kader/db';
import {
  allowedEvents,
  applyEvent,
  CLOSED_STATES,
  checkEventDates,
  dateInZone,
  parseRecruitmentEvent,
  persist,
  QUOTA_HOLDING_STATES,
  RECRUITMENT_MACHINE_VERSION,
  restore,
  stateOf,
} from '@kader/workflow';
import { assertCanCorrect, assertCanRunSelection, requirePrincipal } from '../auth/guard';
import { isCorrection } from '../auth/eventAccess';
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import { CONFLICT_MESSAGE, DomainError } from '../errors';
import { startFirstContract } from './contracts/lifecycle';
import { placesTaken } from './quota';
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
  const principal = requirePrincipal(ctx);

  return db.transaction(
    (tx) => {
      const row = mustGetApplication(input.id, getApplication(tx, input.id));
      const period = getPeriod(tx, row.periodId);
      if (!period) throw new Error(`application ${row.id} has no period`);
      const what = `Lamaran #${row.id}`;
      if (isCorrection(event.type)) assertCanCorrect(principal, period.branchId, what);
      else assertCanRunSelection(principal, period.branchId, what);

      if (input.idempotencyKey) {
        const seen = tx.select().from(schema.idempotencyKeys).where(eq(schema.idempotencyKeys.key, input.idempotencyKey)).get();
        if (seen) {
          if (seen.entityId !== row.id) {
            throw new DomainError('VALIDATION', 'Kunci idempotensi sudah dipakai untuk data lain.');
          }
          return applicationDetail(tx, row, principal, ctx.now());
        }
      }

      if (row.revision !== input.revision) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);

      if (event.type === 'REOPEN') {
        // One person, one application under way: an old period's application stays closed while
        // a newer one runs.
        const open = listOtherApplications(tx, row.candidateId, row.id).find((a) => !CLOSED_STATES.includes(a.state));
        if (open) {
          throw new DomainError(
            'INVALID_TRANSITION',
            `Calon ini punya lamaran lain yang berjalan atau aktif (lamaran #${open.id}, ${open.year}); lamaran ini tidak dapat dibuka kembali.`,
            { allowedEvents: [] },
          );
        }
      }

      if (event.type === 'SIGN_AGREEMENT' && agreementNumberTaken(tx, event.agreementNumber)) {
        const msg = `Nomor PKS ${event.agreementNumber} sudah dipakai.`;
        throw new DomainError('VALIDATION', msg, { fields: [{ path: 'event.agreementNumber', message: msg }] });
      }

      const snapshot = restore({ version: row.machineVersion, persisted: row.snapshot });
      // Dates are checked here against the branch's today, never in a machine guard: a replay must
      // give the same result on any day. Only for an event this stage takes, so a misplaced event is
      // still refused as such; a debriefing before the signing is named by its field here.
      if (allowedEvents(snapshot).includes(event.type)) {
        const { context } = snapshot;
        const issues = checkEventDates(event, {
          today: dateInZone(ctx.now(), period.branch.timeZone),
          registeredOn: context.registeredOn,
          periodYear: period.year,
          signedOn: context.agreement?.signedOn ?? null,
        });
        if (issues.length) {
          const fields = issues.map((f) => ({ path: `event.${f.path}`, message: f.message }));
          throw new DomainError('VALIDATION', `Tanggal tidak dapat diterima: ${fields.map((f) => f.message).join(' ')}`, {
            fields,
          });
        }
      }
      const applied = applyEvent(snapshot, event);
      if (!applied.ok) {
        const allowed = applied.allowedEvents.length ? applied.allowedEvents.join(', ') : 'tidak ada';
        throw new DomainError('INVALID_TRANSITION', `${applied.reason} Aksi yang berlaku sekarang: ${allowed}.`, {
          allowedEvents: applied.allowedEvents,
        });
      }

      let meta: Record<string, unknown> | null = null;
      // Entering a state that holds a place (a signing, or reopening a signed application) needs a
      // free one. Checked inside the write transaction, so two cannot both take the last place.
      if (!QUOTA_HOLDING_STATES.includes(applied.from) && QUOTA_HOLDING_STATES.includes(applied.to)) {
        const used = placesTaken(tx, period.branchId, period.year);
        if (used >= period.quota) {
          throw new DomainError(
            'QUOTA_EXCEEDED',
            `Kuota ${period.branch.name} tahun ${period.year} sudah penuh (${used} dari ${period.quota} tempat terisi). ${event.type === 'SIGN_AGREEMENT' ? 'PKS tidak dapat ditandatangani.' : 'Lamaran tidak dapat dibuka kembali ke tahap ini.'}`,
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
        actor: principal.username,
        at,
        meta,
      });
      // The debriefed candidate is a cadre now: their first agreement year starts, in this same
      // transaction, so an active application never exists without its contract.
      if (applied.to === 'active' && applied.from !== 'active') {
        startFirstContract(tx, { row, period, context: applied.snapshot.context, actor: principal.username, at });
      }
      if (input.idempotencyKey) {
        tx.insert(schema.idempotencyKeys)
          .values({ key: input.idempotencyKey, entityId: row.id, revision: input.revision + 1, createdAt: at })
          .run();
      }
      return applicationDetail(tx, mustGetApplication(row.id, getApplication(tx, row.id)), principal, ctx.now());
    },
    { behavior: 'immediate' },
  );
}
