import {
  appendAudit,
  findApplication,
  findCandidateByNik,
  getPeriod,
  getWorkArea,
  insertApplication,
  insertCandidate,
  listOtherApplications,
  updateCandidateContact,
} from '@kader/db';
import {
  ageOn,
  CLOSED_STATES,
  dateInZone,
  parseNik,
  persist,
  RECRUITMENT_MACHINE_ID,
  RECRUITMENT_MACHINE_VERSION,
  recruitmentRulesSchema,
  type registerCandidateSchema,
  startApplication,
  type RecruitmentInput,
} from '@kader/workflow';
import type { z } from 'zod';
import type { Context } from '../context';
import { assertCanRunSelection, requirePrincipal } from '../auth/guard';
import { DomainError } from '../errors';

export type RegisterCandidate = z.output<typeof registerCandidateSchema>;

/**
 * Registers a candidate (one record per NIK) into a recruitment period. A person may apply again
 * in another period only once their earlier applications ended in a rejection or a withdrawal.
 */
export function registerCandidate({ ctx, input }: { ctx: Context; input: RegisterCandidate }) {
  const { db } = ctx.handle;
  const principal = requirePrincipal(ctx);
  return db.transaction(
    (tx) => {
      const period = getPeriod(tx, input.periodId);
      if (period) assertCanRunSelection(principal, period.branchId, 'Periode rekrutmen');
      if (!period) {
        throw new DomainError('VALIDATION', 'Periode rekrutmen tidak ditemukan.', {
          fields: [{ path: 'periodId', message: 'Periode rekrutmen tidak ditemukan' }],
        });
      }
      const area = getWorkArea(tx, input.workAreaId);
      if (!area || area.branchId !== period.branchId) {
        throw new DomainError('VALIDATION', `Wilayah kerja tidak termasuk ${period.branch.name}.`, {
          fields: [{ path: 'workAreaId', message: `Pilih wilayah kerja ${period.branch.name}` }],
        });
      }
      const now = ctx.now();
      const today = dateInZone(now, period.branch.timeZone);
      const nik = parseNik(input.candidate.nik, today);
      if (!nik.ok) {
        throw new DomainError('VALIDATION', nik.reason, { fields: [{ path: 'candidate.nik', message: nik.reason }] });
      }
      const { name, phone, education, address } = input.candidate;
      const contact = { name, phone, education, ...address, updatedAt: now.toISOString() };

      let candidate = findCandidateByNik(tx, nik.value.nik);
      if (candidate) {
        const same = findApplication(tx, candidate.id, period.id);
        if (same) {
          const msg = `NIK ini sudah terdaftar pada periode ${period.year} (lamaran #${same.id}).`;
          throw new DomainError('VALIDATION', msg, { fields: [{ path: 'candidate.nik', message: msg }] });
        }
        const open = listOtherApplications(tx, candidate.id, -1).find((a) => !CLOSED_STATES.includes(a.state));
        if (open) {
          const msg = `Calon ini masih punya lamaran yang berjalan atau aktif (lamaran #${open.id}, ${open.year}).`;
          throw new DomainError('VALIDATION', msg, { fields: [{ path: 'candidate.nik', message: msg }] });
        }
        updateCandidateContact(tx, candidate.id, contact);
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
        meta: { periodId: period.id, workAreaId: area.id, candidateId: candidate.id },
      });
      return { applicationId: application.id, candidateId: candidate.id };
    },
    { behavior: 'immediate' },
  );
}
