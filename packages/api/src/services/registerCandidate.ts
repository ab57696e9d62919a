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
  INDONESIAN_MONTHS,
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

const ENDED_CONTRACT_STATES: readonly string[] = CONTRACT_ENDS;

/** `2027-03-31` → `31 Maret 2027`, for sentences (ux.md "Formats"). */
function longIndonesianDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${INDONESIAN_MONTHS[m - 1]} ${y}`;
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
      if (period) assertCanRunSelection(principal, period.branchId, 'Periode rekrutmen');
      if (!period) {
        throw new DomainError('VALIDATION', 'Periode rekrutmen tidak ditemukan.', {
          fields: [{ path: 'periodId', message: 'Periode rekrutmen tidak ditemukan' }],
        });
      }
      // A period's agreements start within its year: once that year has ended at the branch,
      // nobody can still be recruited into it.
      if (period.year < Number(dateInZone(ctx.now(), period.branch.timeZone).slice(0, 4))) {
        const msg = `Periode rekrutmen ${period.year} sudah berakhir; pilih periode tahun ini atau tahun berikutnya.`;
        throw new DomainError('VALIDATION', msg, { fields: [{ path: 'periodId', message: msg }] });
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
        // A cadre's application stays `active` for ever (it records how they were recruited), so
        // their agreements say whether they still serve: one not ended refuses, and once the last
        // has ended (lapsed, dropped, resigned, terminated) the active application counts as ended.
        const agreements = listContractsOfCandidate(tx, candidate.id);
        const running = agreements.findLast((c) => !ENDED_CONTRACT_STATES.includes(c.state));
        if (running) {
          const msg = `Calon ini masih kader aktif sampai ${longIndonesianDate(running.endDate)} (PKS ${running.agreementNumber}); lamaran baru dapat dibuat setelah PKS-nya berakhir.`;
          throw new DomainError('VALIDATION', msg, { fields: [{ path: 'candidate.nik', message: msg }] });
        }
        const formerCadre = agreements.length > 0;
        const open = listOtherApplications(tx, candidate.id, -1).find(
          (a) => !CLOSED_STATES.includes(a.state) && !(formerCadre && a.state === 'active'),
        );
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
