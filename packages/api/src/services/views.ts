import {
  getCandidate,
  getPeriod,
  getWorkArea,
  listAudit,
  listCandidateAgreements,
  listOtherApplications,
  type ApplicationRow,
  type DbOrTx,
} from '@kader/db';
import {
  allowedEvents,
  dateInZone,
  msg,
  recruitmentRulesSchema,
  restore,
  stateOf,
  type AnnouncementChannel,
  type RecruitmentContext,
  type RecruitmentState,
  type ContractState,
} from '@kader/workflow';
import { DomainError, type WireMessage, wireMessage } from '../errors';
import { placesTaken } from './quota';
import { eventsFor } from '../auth/eventAccess';
import { assertCanRead, personalDataFor } from '../auth/guard';
import { canCorrect, canReadBranch as canReadBranchId, canRunSelection, type Principal } from '../auth/principal';
import { nextAgreementNumber } from './contracts/lifecycle';

/**
 * An entity's whole audit timeline as the UI shows it (who, when, from and to which state). A
 * contract's page still reads it whole; an application's pages on its own query
 * (`applications.history`).
 */
export function historyOf(db: DbOrTx, entityType: 'application' | 'contract', id: number) {
  return listAudit(db, { entityType, entityId: id }).map((a) => ({
    seq: a.seq,
    type: a.type,
    payload: a.payload,
    fromState: a.fromState,
    toState: a.toState,
    actor: a.actor,
    at: a.at,
  }));
}

type AgreementNumberSuggestion = { suggestedAgreementNumber: string | null; agreementNumberProblem: WireMessage | null };
const NO_SUGGESTION: AgreementNumberSuggestion = { suggestedAgreementNumber: null, agreementNumberProblem: null };

/**
 * The number to prefill at a signing, or why there is none. A branch pattern stored before
 * patterns were checked can be malformed: the page still opens and names the problem, and the
 * recruiter types the number.
 */
function agreementNumberSuggestion(db: DbOrTx, branchId: number, year: number): AgreementNumberSuggestion {
  try {
    return { suggestedAgreementNumber: nextAgreementNumber(db, branchId, `${year}-01-01`), agreementNumberProblem: null };
  } catch (err) {
    if (err instanceof DomainError) return { suggestedAgreementNumber: null, agreementNumberProblem: wireMessage(err.reason) };
    throw err;
  }
}

/** What the UI reads: assembled from rows, never stored. */
export function periodView(db: DbOrTx, period: Period) {
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
    // the campaign (issue 11): read from the period row itself, so a send's answer costs no more
    registrationOpensOn: period.registrationOpensOn,
    registrationClosesOn: period.registrationClosesOn,
    channels: period.channels as readonly AnnouncementChannel[],
    revision: period.revision,
    writtenTestGrade: rules.passingGrades.writtenTest,
    interviewGrade: rules.passingGrades.interview,
    /** The rules new registrations start under (grades, documents, eligibility). */
    rules,
  };
}
export type PeriodView = ReturnType<typeof periodView>;

export function mustGetApplication(id: number, row?: ApplicationRow) {
  if (row) return row;
  throw new DomainError('NOT_FOUND', msg('NOT_FOUND', { entity: 'application', id }));
}

type Period = NonNullable<ReturnType<typeof getPeriod>>;

/**
 * One application as this person may see it: the NIK masked to everyone (revealed and logged only
 * on request, `revealNik`), so reading writes nothing; events only those they may send. Bounded:
 * the timeline pages on its own query (`applications.history`) and the steps the diagram marks
 * are `applications.path`, so a send's answer does not grow with the history. A send passes what
 * it already holds (the period it read, the snapshot it applied) instead of reading them again.
 */
export function applicationDetail(
  db: DbOrTx,
  row: ApplicationRow,
  principal: Principal,
  now = new Date(),
  known: { period?: Period; snapshot?: ReturnType<typeof restore> } = {},
) {
  const candidate = getCandidate(db, row.candidateId);
  const period = known.period ?? getPeriod(db, row.periodId);
  const area = period?.workAreas.find((a) => a.id === row.workAreaId) ?? getWorkArea(db, row.workAreaId);
  if (!candidate || !period || !area) throw new Error(`application ${row.id} refers to missing rows`);
  assertCanRead(principal, period.branchId, { entity: 'application', id: row.id });
  const personal = personalDataFor(principal, period.branchId, candidate, dateInZone(now, period.branch.timeZone));
  const snapshot = known.snapshot ?? restore({ version: row.machineVersion, persisted: row.snapshot });
  const state = stateOf(snapshot) as RecruitmentState;
  return {
    id: row.id,
    revision: row.revision,
    state,
    stateEnteredAt: row.stateEnteredAt,
    machine: { id: 'recruitment' as const, version: row.machineVersion },
    period: periodView(db, period),
    workArea: { id: area.id, name: area.name },
    candidate: {
      id: candidate.id,
      revision: candidate.revision,
      ...personal,
      name: candidate.name,
      education: candidate.education,
      address: {
        street: candidate.street,
        rtRw: candidate.rtRw,
        village: candidate.village,
        district: candidate.district,
        regency: candidate.regency,
      },
      // Kemendagri codes when the address was picked from the region data; null for free text
      addressCodes: candidate.villageCode
        ? {
            province: candidate.provinceCode,
            regency: candidate.regencyCode,
            district: candidate.districtCode,
            village: candidate.villageCode,
          }
        : null,
    },
    context: snapshot.context as RecruitmentContext,
    allowedEvents: eventsFor(principal, period.branchId, allowedEvents(snapshot)) as string[],
    canEditCandidate: canCorrect(principal, period.branchId),
    /** At the signing stage: the next number in the branch's pattern to prefill the form, or why there is none. */
    ...(state === 'agreementSigning' && canRunSelection(principal, period.branchId)
      ? agreementNumberSuggestion(db, period.branchId, period.year)
      : NO_SUGGESTION),
    // Other periods may be other branches': list only those this person may open.
    earlierApplications: listOtherApplications(db, { candidateId: row.candidateId, exceptId: row.id })
      .filter((o) => canReadBranchId(principal, o.branchId))
      .map((o) => ({
        id: o.id,
        year: o.year,
        branchName: o.branchName,
        state: o.state as RecruitmentState,
      })),
    // A former cadre applying again (issue 8): the agreement years they served before.
    earlierContracts: listCandidateAgreements(db, row.candidateId)
      .filter((c) => canReadBranchId(principal, c.branchId))
      .map((c) => ({
        id: c.id,
        agreementNumber: c.agreementNumber,
        startDate: c.startDate,
        endDate: c.endDate,
        state: c.state as ContractState,
      })),
  };
}
export type ApplicationDetail = ReturnType<typeof applicationDetail>;
