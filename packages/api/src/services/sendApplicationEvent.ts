import { agreementNumberTaken, getApplication, getPeriod, listOtherApplications, updateApplicationIfRevision } from '@kader/db';
import {
  CLOSED_STATES,
  checkEventDates,
  dateInZone,
  fieldMsg,
  msg,
  parseRecruitmentEvent,
  QUOTA_HOLDING_STATES,
  recruitmentEngine,
} from '@kader/workflow';
import { assertCanCorrect, assertCanRunSelection, requirePrincipal } from '../auth/guard';
import { isCorrection } from '../auth/eventAccess';
import type { Context } from '../context';
import { DomainError, invalidInput } from '../errors';
import { applyToVersionedRow } from './applyToVersionedRow';
import { startFirstContract } from './contracts/lifecycle';
import { areaPlaces } from './planning/areaPlaces';
import { placesTaken } from './quota';
import { applicationDetail, mustGetApplication } from './views';

export type SendApplicationEvent = {
  id: number;
  /** The revision the caller saw: a stale one is a CONFLICT and nothing is written. */
  revision: number;
  event: unknown;
};

/**
 * Sends one event to an application's recruitment machine in one synchronous transaction: access,
 * then the shared step (`applyToVersionedRow`: revision, migrate, transition, write, audit) with
 * the recruitment's own checks (reopening, agreement number, dates, the quota at a signing), and
 * the first contract year when the candidate becomes a cadre. A retry after a lost answer is a
 * CONFLICT (the revision moved on), so no command acts twice.
 */
export function sendApplicationEvent({ ctx, input }: { ctx: Context; input: SendApplicationEvent }) {
  const parsed = parseRecruitmentEvent(input.event);
  if (!parsed.ok) throw invalidInput(parsed.fields.map((f) => ({ ...f, path: `event.${f.path}` })));
  const event = parsed.event;
  const { db, sqlite } = ctx.handle;
  const principal = requirePrincipal(ctx);

  // better-sqlite3's own transaction (BEGIN IMMEDIATE ... COMMIT, rolled back on a throw), as
  // drizzle's `db.transaction` runs it, without the transaction object drizzle builds per call; the
  // queries below run on the same connection, so they are inside it.
  const tx = db;
  return sqlite
    .transaction(() => {
      const row = mustGetApplication(input.id, getApplication(tx, input.id));
      const period = getPeriod(tx, row.periodId);
      if (!period) throw new Error(`application ${row.id} has no period`);
      const what = { entity: 'application', id: row.id } as const;
      if (isCorrection(event.type)) assertCanCorrect(principal, period.branchId, what);
      else assertCanRunSelection(principal, period.branchId, what);

      const now = ctx.now();
      const at = now.toISOString();
      // the branch's today, which the date rules check against
      const today = dateInZone(now, period.branch.timeZone);
      const applied = applyToVersionedRow(tx, {
        engine: recruitmentEngine,
        machine: 'recruitment',
        entityType: 'application',
        row,
        revision: input.revision,
        event,
        actor: principal.username,
        at,
        write: updateApplicationIfRevision,
        beforeApply: (snapshot) => {
          if (event.type === 'REOPEN') {
            // One person, one application under way: an old period's application stays closed
            // while a newer one runs.
            const open = listOtherApplications(tx, { candidateId: row.candidateId, exceptId: row.id }).find(
              (a) => !CLOSED_STATES.includes(a.state),
            );
            if (open) {
              throw new DomainError(
                'INVALID_TRANSITION',
                msg('REOPEN_OTHER_APPLICATION_OPEN', { applicationId: open.id, year: open.year }),
                { allowedEvents: [], machine: 'recruitment' },
              );
            }
          }
          if (event.type === 'SIGN_AGREEMENT' && agreementNumberTaken(tx, event.agreementNumber)) {
            const number = event.agreementNumber;
            throw new DomainError('VALIDATION', msg('AGREEMENT_NUMBER_TAKEN', { number }), {
              fields: [fieldMsg('event.agreementNumber', 'AGREEMENT_NUMBER_TAKEN', { number })],
            });
          }
          // Dates are checked here against the branch's today, never in a machine guard: a replay
          // must give the same result on any day. Only for an event this stage takes, so a misplaced
          // event is still refused as such; a debriefing before the signing is named by its field.
          // The (pure) date check runs first: the events this stage takes are asked for only when
          // it finds something, since that walks the machine's guards.
          const { context } = snapshot;
          const issues = checkEventDates(event, {
            today,
            registeredOn: context.registeredOn,
            periodYear: period.year,
            signedOn: context.agreement?.signedOn ?? null,
          });
          if (issues.length && recruitmentEngine.allowedEvents(snapshot).includes(event.type)) {
            throw new DomainError('VALIDATION', msg('EVENT_DATES_REFUSED', { count: issues.length }), {
              fields: issues.map((f) => ({ ...f, path: `event.${f.path}` })),
            });
          }
        },
        // Entering a state that holds a place (a signing, or reopening a signed application) needs a
        // free one. Checked inside the write transaction, so two cannot both take the last place.
        onTransition: ({ from, to }) => {
          if (QUOTA_HOLDING_STATES.includes(from) || !QUOTA_HOLDING_STATES.includes(to)) return null;
          const used = placesTaken(tx, period.branchId, period.year);
          if (used >= period.quota) {
            throw new DomainError(
              'QUOTA_EXCEEDED',
              msg('RECRUITMENT_QUOTA_FULL', {
                branch: period.branch.name,
                year: period.year,
                used,
                quota: period.quota,
                signing: event.type === 'SIGN_AGREEMENT',
              }),
            );
          }
          // ...and one of its work area's, when the branch gave the area places of its own
          const area = areaPlaces(tx, {
            periodId: period.id,
            branchId: period.branchId,
            year: period.year,
            workAreaId: row.workAreaId,
          });
          if (area && area.used >= area.quota) {
            throw new DomainError(
              'QUOTA_EXCEEDED',
              msg('AREA_QUOTA_FULL', {
                area: period.workAreas.find((a) => a.id === row.workAreaId)?.name ?? String(row.workAreaId),
                year: period.year,
                used: area.used,
                quota: area.quota,
                signing: event.type === 'SIGN_AGREEMENT',
              }),
            );
          }
          return {
            quota: period.quota,
            quotaUsedBefore: used,
            ...(area ? { areaQuota: area.quota, areaQuotaUsedBefore: area.used } : {}),
          };
        },
      });
      // The debriefed candidate is a cadre now: their first agreement year starts, in this same
      // transaction, so an active application never exists without its contract.
      if (applied.to === 'active' && applied.from !== 'active') {
        startFirstContract(tx, { row, period, context: applied.snapshot.context, actor: principal.username, at });
      }
      // The answer is the row as just written, built from what this command already holds (the
      // period it read, the snapshot it applied): no second read of the row, no second restore.
      const written = { ...row, ...applied.written, revision: input.revision + 1 };
      return applicationDetail(tx, written, principal, now, { period, snapshot: applied.snapshot });
    })
    .immediate();
}
