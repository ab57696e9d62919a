import {
  appendAudit,
  findApplication,
  findCandidateByNik,
  getPeriod,
  getWorkArea,
  insertApplication,
  insertCandidate,
  listContractsOfCandidate,
  listOtherApplications,
  updateCandidateContact,
} from '@kader/db';
import {
  ageOn,
  CLOSED_STATES,
  CONTRACT_ENDS,
  dateInZone,
  fieldMsg,
  type Message,
  msg,
  parseNik,
  persist,
  RECRUITMENT_MACHINE_ID,
  RECRUITMENT_MACHINE_VERSION,
  recruitmentRulesSchema,
  type registerCandidateSchema,
  registrationRefusal,
  ANNOUNCEMENT_CHANNELS_VERSION,
  startApplication,
  type RecruitmentInput,
} from '@kader/workflow';
import type { z } from 'zod';
import type { Context } from '../context';
import { assertCanRunSelection, requirePrincipal } from '../auth/guard';
import { DomainError } from '../errors';
import { addressColumns } from './regions/resolveAddress';

export type RegisterCandidate = z.output<typeof registerCandidateSchema>;

const ENDED_CONTRACT_STATES: readonly string[] = CONTRACT_ENDS;

/** A refusal about the NIK: the same message on the field. */
function nikRefused(reason: Message): DomainError {
  return new DomainError('VALIDATION', reason, { fields: [{ path: 'candidate.nik', ...reason }] });
}

/**
 * Registers a candidate (one record per NIK) into a recruitment period. A person may apply again
 * in another period only once their earlier applications ended in a rejection or a withdrawal, or,
 * for a former cadre, once their last agreement year has ended.
 */
export function registerCandidate({ ctx, input }: { ctx: Context; input: RegisterCandidate }) {
  const { db } = ctx.handle;
  const principal = requirePrincipal(ctx);
  return db.transaction(
    (tx) => {
      const period = getPeriod(tx, input.periodId);
      const subject = { entity: 'period', id: input.periodId } as const;
      if (period) assertCanRunSelection(principal, period.branchId, subject);
      if (!period) {
        throw new DomainError('VALIDATION', msg('NOT_FOUND', subject), { fields: [fieldMsg('periodId', 'NOT_FOUND', subject)] });
      }
      // A period's agreements start within its year: once that year has ended at the branch,
      // nobody can still be recruited into it.
      if (period.year < Number(dateInZone(ctx.now(), period.branch.timeZone).slice(0, 4))) {
        const ended = msg('PERIOD_YEAR_ENDED', { year: period.year });
        throw new DomainError('VALIDATION', ended, { fields: [{ path: 'periodId', ...ended }] });
      }
      // The campaign takes registrations from its opening to its closing day, in the branch's zone
      // (a row written by hand without a window has only the year rule above).
      if (period.registrationOpensOn && period.registrationClosesOn) {
        const window = { opensOn: period.registrationOpensOn, closesOn: period.registrationClosesOn };
        const closed = registrationRefusal(window, dateInZone(ctx.now(), period.branch.timeZone), period.year);
        if (closed) throw new DomainError('VALIDATION', closed, { fields: [{ path: 'periodId', ...closed }] });
      }
      const area = getWorkArea(tx, input.workAreaId);
      if (!area || area.branchId !== period.branchId) {
        const branch = period.branch.name;
        throw new DomainError('VALIDATION', msg('WORK_AREA_NOT_IN_BRANCH', { branch }), {
          fields: [fieldMsg('workAreaId', 'WORK_AREA_CHOOSE_OF_BRANCH', { branch })],
        });
      }
      const now = ctx.now();
      const today = dateInZone(now, period.branch.timeZone);
      const nik = parseNik(input.candidate.nik, today);
      if (!nik.ok) throw nikRefused(nik.problem);
      const { name, phone, education, address } = input.candidate;
      // A picked village brings its codes and the dataset's names; free text is kept as typed.
      const contact = {
        name,
        phone,
        education,
        ...addressColumns(tx, address, 'candidate.address'),
        updatedAt: now.toISOString(),
      };

      let candidate = findCandidateByNik(tx, nik.value.nik);
      if (candidate) {
        const same = findApplication(tx, { candidateId: candidate.id, periodId: period.id });
        if (same) {
          throw nikRefused(msg('NIK_ALREADY_IN_PERIOD', { year: period.year, applicationId: same.id }));
        }
        // A cadre's application stays `active` for ever (it records how they were recruited), so
        // their agreements say whether they still serve: one not ended refuses, and once the last
        // has ended (lapsed, dropped, resigned, terminated) the active application counts as ended.
        const agreements = listContractsOfCandidate(tx, candidate.id);
        const running = agreements.findLast((c) => !ENDED_CONTRACT_STATES.includes(c.state));
        if (running) {
          throw nikRefused(msg('STILL_ACTIVE_CADRE', { until: running.endDate, agreementNumber: running.agreementNumber }));
        }
        const formerCadre = agreements.length > 0;
        const open = listOtherApplications(tx, { candidateId: candidate.id, exceptId: -1 }).find(
          (a) => !CLOSED_STATES.includes(a.state) && !(formerCadre && a.state === 'active'),
        );
        if (open) {
          throw nikRefused(msg('APPLICATION_STILL_OPEN', { applicationId: open.id, year: open.year }));
        }
        updateCandidateContact(tx, { id: candidate.id, values: contact });
      } else {
        candidate = insertCandidate(tx, {
          nik: nik.value.nik,
          birthDate: nik.value.birthDate,
          sex: nik.value.sex,
          createdAt: now.toISOString(),
          ...contact,
        });
      }

      // The rules of the period as they are today travel with the application from now on.
      const machineInput: RecruitmentInput = {
        rules: recruitmentRulesSchema.parse(period.rules),
        applicant: { ageAtRegistration: ageOn(nik.value.birthDate, today), education },
        registeredOn: today,
      };
      const snapshot = startApplication(machineInput);
      const at = now.toISOString();
      const application = insertApplication(tx, {
        candidateId: candidate.id,
        periodId: period.id,
        workAreaId: area.id,
        heardFrom: input.heardFrom ?? null,
        machineId: RECRUITMENT_MACHINE_ID,
        machineVersion: RECRUITMENT_MACHINE_VERSION,
        state: String(snapshot.value),
        snapshot: persist(snapshot),
        revision: 1,
        stateEnteredAt: at,
        createdAt: at,
        updatedAt: at,
      });
      appendAudit(tx, {
        entityType: 'application',
        entityId: application.id,
        type: 'REGISTERED',
        // The machine input, not the person: age and education level, never NIK, name or phone.
        payload: { input: machineInput },
        fromState: null,
        toState: application.state,
        machineVersion: RECRUITMENT_MACHINE_VERSION,
        actor: principal.username,
        at,
        meta: {
          periodId: period.id,
          workAreaId: area.id,
          candidateId: candidate.id,
          ...(input.heardFrom ? { heardFrom: input.heardFrom, channelsVersion: ANNOUNCEMENT_CHANNELS_VERSION } : {}),
        },
      });
      return { applicationId: application.id, candidateId: candidate.id };
    },
    { behavior: 'immediate' },
  );
}
