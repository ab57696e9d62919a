import {
  recordNikView,
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
  formatPhone,
  maskNik,
  recruitmentRulesSchema,
  restore,
  stateOf,
  type RecruitmentContext,
  type RecruitmentState,
} from '@kader/workflow';
import { DomainError } from '../errors';
import { placesTaken } from './quota';
import { eventsFor } from '../auth/eventAccess';
import { assertCanRead } from '../auth/guard';
import { canCorrect, canReadBranch as canReadBranchId, canRunSelection, seesPersonalData, type Principal } from '../auth/principal';
import { nextAgreementNumber } from './contracts/lifecycle';

/** An entity's audit timeline as the UI shows it (who, when, from and to which state). */
export function historyOf(db: DbOrTx, entityType: 'application' | 'contract', id: number) {
  return listAudit(db, entityType, id).map((a) => ({
    seq: a.seq,
    type: a.type,
    payload: a.payload,
    fromState: a.fromState,
    toState: a.toState,
    actor: a.actor,
    at: a.at,
  }));
}

/** `0812-3456-7890` shown as `0812-••••-7890`. */
export function maskPhone(e164: string): string {
  return formatPhone(e164).replace(/^(\d{4})-\d{4}-/, '$1-••••-');
}

/** What the UI reads: assembled from rows, never stored. */
export function periodView(db: DbOrTx, period: NonNullable<ReturnType<typeof getPeriod>>) {
  const rules = recruitmentRulesSchema.parse(period.rules);
  return {
    id: period.id,
    year: period.year,
    quota: period.quota,
    quotaUsed: placesTaken(db, period.branchId, period.year),
    branch: {
      id: period.branch.id,
      code: period.branch.code,
      name: period.branch.name,
      timeZone: period.branch.timeZone,
    },
    workAreas: period.workAreas.map((a) => ({ id: a.id, name: a.name })),
    writtenTestGrade: rules.passingGrades.writtenTest,
    interviewGrade: rules.passingGrades.interview,
    /** The rules new registrations start under (grades, documents, eligibility). */
    rules,
  };
}
export type PeriodView = ReturnType<typeof periodView>;

export function mustGetApplication(db: DbOrTx, id: number, row?: ApplicationRow) {
  if (row) return row;
  throw new DomainError('NOT_FOUND', `Lamaran #${id} tidak ditemukan.`);
}

/**
 * One application as this person may see it: personal data in full only for the branch's
 * recruiters and supervisors (and each such view of a NIK is logged), events only those they may send.
 */
export function applicationDetail(db: DbOrTx, row: ApplicationRow, principal: Principal, now = new Date()) {
  const candidate = getCandidate(db, row.candidateId);
  const period = getPeriod(db, row.periodId);
  const area = getWorkArea(db, row.workAreaId);
  if (!candidate || !period || !area) throw new Error(`application ${row.id} refers to missing rows`);
  assertCanRead(principal, period.branchId, `Lamaran #${row.id}`);
  const full = seesPersonalData(principal, period.branchId);
  if (full && principal.kind === 'user') {
    recordNikView(db, { userId: principal.id, candidateId: candidate.id, at: now.toISOString() });
  }
  const snapshot = restore({ version: row.machineVersion, persisted: row.snapshot });
  return {
    id: row.id,
    revision: row.revision,
    state: stateOf(snapshot) as RecruitmentState,
    stateEnteredAt: row.stateEnteredAt,
    machine: { id: 'recruitment' as const, version: row.machineVersion },
    period: periodView(db, period),
    workArea: { id: area.id, name: area.name },
    candidate: {
      id: candidate.id,
      revision: candidate.revision,
      piiMasked: !full,
      nik: full ? candidate.nik : maskNik(candidate.nik),
      name: candidate.name,
      phone: full ? candidate.phone : maskPhone(candidate.phone),
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
    allowedEvents: eventsFor(principal, period.branchId, allowedEvents(snapshot)) as string[],
    canEditCandidate: canCorrect(principal, period.branchId),
    /** At the signing stage: the next number in the branch's pattern, to prefill the form. */
    suggestedAgreementNumber:
      stateOf(snapshot) === 'agreementSigning' && canRunSelection(principal, period.branchId)
        ? nextAgreementNumber(db, period.branchId, `${period.year}-01-01`)
        : null,
    history: historyOf(db, 'application', row.id),
    // Other periods may be other branches': list only those this person may open.
    earlierApplications: listOtherApplications(db, row.candidateId, row.id).filter((o) => canReadBranchId(principal, o.branchId)).map((o) => ({
      id: o.id,
      year: o.year,
      branchName: o.branchName,
      state: o.state as RecruitmentState,
    })),
  };
}
export type ApplicationDetail = ReturnType<typeof applicationDetail>;
