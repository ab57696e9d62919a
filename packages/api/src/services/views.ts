import {
  getCandidate,
  getPeriod,
  getWorkArea,
  listAudit,
  listOtherApplications,
  type ApplicationRow,
  type DbOrTx,
} from '@kader/db';
import {
  allowedEvents,
  recruitmentRulesSchema,
  restore,
  stateOf,
  type RecruitmentContext,
  type RecruitmentState,
} from '@kader/workflow';
import { DomainError } from '../errors';

/** What the UI reads: assembled from rows, never stored. */
export function periodView(period: NonNullable<ReturnType<typeof getPeriod>>) {
  const rules = recruitmentRulesSchema.parse(period.rules);
  return {
    id: period.id,
    year: period.year,
    quota: period.quota,
    quotaUsed: period.quotaUsed,
    branch: {
      id: period.branch.id,
      code: period.branch.code,
      name: period.branch.name,
      timeZone: period.branch.timeZone,
    },
    workAreas: period.workAreas.map((a) => ({ id: a.id, name: a.name })),
    writtenTestGrade: rules.passingGrades.writtenTest,
    interviewGrade: rules.passingGrades.interview,
  };
}
export type PeriodView = ReturnType<typeof periodView>;

export function mustGetApplication(db: DbOrTx, id: number, row?: ApplicationRow) {
  if (row) return row;
  throw new DomainError('NOT_FOUND', `Lamaran #${id} tidak ditemukan.`);
}

export function applicationDetail(db: DbOrTx, row: ApplicationRow) {
  const candidate = getCandidate(db, row.candidateId);
  const period = getPeriod(db, row.periodId);
  const area = getWorkArea(db, row.workAreaId);
  if (!candidate || !period || !area) throw new Error(`application ${row.id} refers to missing rows`);
  const snapshot = restore({ version: row.machineVersion, persisted: row.snapshot });
  return {
    id: row.id,
    revision: row.revision,
    state: stateOf(snapshot) as RecruitmentState,
    stateEnteredAt: row.stateEnteredAt,
    machine: { id: 'recruitment' as const, version: row.machineVersion },
    period: periodView(period),
    workArea: { id: area.id, name: area.name },
    candidate: {
      id: candidate.id,
      nik: candidate.nik,
      name: candidate.name,
      phone: candidate.phone,
      education: candidate.education,
      birthDate: candidate.birthDate,
      sex: candidate.sex,
      address: {
        street: candidate.street,
        rtRw: candidate.rtRw,
        village: candidate.village,
        district: candidate.district,
        regency: candidate.regency,
      },
    },
    context: snapshot.context as RecruitmentContext,
    allowedEvents: allowedEvents(snapshot) as string[],
    history: listAudit(db, 'application', row.id).map((a) => ({
      seq: a.seq,
      type: a.type,
      payload: a.payload,
      fromState: a.fromState,
      toState: a.toState,
      actor: a.actor,
      at: a.at,
    })),
    earlierApplications: listOtherApplications(db, row.candidateId, row.id).map((o) => ({
      id: o.id,
      year: o.year,
      branchName: o.branchName,
      state: o.state as RecruitmentState,
    })),
  };
}
export type ApplicationDetail = ReturnType<typeof applicationDetail>;
