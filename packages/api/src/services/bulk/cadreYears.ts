/**
 * A cadre's agreement years for the bulk generator, from the first up to today, through the
 * contract machine exactly as the product moves them: the scheduler's EVALUATION_DUE and
 * AGREEMENT_ENDED on their dates, a supervisor's decision in between (or none: the year lapses),
 * sometimes a resignation or a termination, and on a renewal the next year, numbered in the
 * branch's pattern and linked to the one before. Each year's row and audit rows are written as
 * `lifecycle.ts` writes them (CONTRACT_STARTED's payload is the machine input).
 */
import {
  addDays,
  CONTRACT_MACHINE_ID,
  CONTRACT_MACHINE_VERSION,
  type ContractEvent,
  contractEngine,
  contractInputFor,
  DEFAULT_FAMILIES_ASSIGNED,
  RESIGNATION_REASONS,
  TERMINATION_REASONS,
} from '@kader/workflow';
import { SCHEDULER_ACTOR } from '../contracts/scheduler';
import { inMemoryHistory } from './history';
import type { Random } from './random';
import type { BulkStorage } from './storage';

export type CadreEnv = {
  rng: Random;
  storage: BulkStorage;
  today: string;
  /** hours ahead of UTC of the branch's zone */
  offsetHours: number;
  branch: { id: number; code: string };
  supervisor: string;
  /** the next agreement number of the branch for a start year */
  agreementNumber: (year: number) => string;
  /** the year's quota and the places taken so far (a renewal decision takes one) */
  places: (year: number) => { quota: number; used: number };
  countState: (state: string) => void;
  /** office hours on a day, as an instant (each call a few minutes after the last one that day) */
  officeAt: (day: string) => string;
};

export type FirstYear = {
  candidateId: number;
  applicationId: number;
  workAreaId: number;
  agreementNumber: string;
  startDate: string;
  /** the debriefing's instant: the first year starts in the same transaction */
  at: string;
  actor: string;
};

const DECISION_REASONS = {
  renew: [
    'Kinerja lapangan baik menurut kelurahan',
    'Aktif mendampingi peserta, layak diperpanjang',
    'Target kunjungan tercapai',
  ],
  drop: ['Kunjungan jauh di bawah target', 'Laporan bulanan sering terlambat', 'Tidak hadir rapat bulanan'],
};
const OTHER_NOTE = 'Pindah tugas keluarga';

/** The scheduler's first minute run on a day in the branch's zone (00:01 local), as an instant. */
function schedulerAt(day: string, offsetHours: number): string {
  return new Date(Date.parse(`${day}T00:01:00.000Z`) - offsetHours * 3_600_000).toISOString();
}

/** Writes the first agreement year and every renewal after it, up to today. */
export function liveCadreYears(env: CadreEnv, first: FirstYear): void {
  let next: { startDate: string; agreementNumber: string; previousContractId: number | null; at: string; actor: string } | null =
    {
      startDate: first.startDate,
      agreementNumber: first.agreementNumber,
      previousContractId: null,
      at: first.at,
      actor: first.actor,
    };
  while (next) next = liveOneYear(env, first, next);
}

function liveOneYear(
  env: CadreEnv,
  cadre: FirstYear,
  year: { startDate: string; agreementNumber: string; previousContractId: number | null; at: string; actor: string },
) {
  const { rng, today } = env;
  const input = contractInputFor({
    agreementNumber: year.agreementNumber,
    startDate: year.startDate,
    previousContractId: year.previousContractId,
  });
  const start = contractEngine.start(input);
  const applicationId = year.previousContractId === null ? cadre.applicationId : null;
  const history = inMemoryHistory(contractEngine, {
    entityType: 'contract',
    name: `contract ${year.agreementNumber}`,
    snapshot: start,
    at: year.at,
    rows: [
      {
        entity_type: 'contract',
        seq: 1,
        type: 'CONTRACT_STARTED',
        payload: { input },
        from_state: null,
        to_state: contractEngine.stateOf(start),
        machine_version: CONTRACT_MACHINE_VERSION,
        actor: year.actor,
        at: year.at,
        meta: { candidateId: cadre.candidateId, applicationId },
      },
    ],
  });
  const { evaluationDueOn, endDate } = input;
  const endedOn = addDays(endDate, 1);
  const fate = rng.next();
  let renewal: { startDate: string; at: string } | null = null;
  if (fate < 0.06) {
    // An early end: resigned (two in three) or terminated, recorded a day or so after it happened.
    const exitDate = addDays(year.startDate, rng.int(20, 340));
    const recordedOn = addDays(exitDate, rng.int(0, 1));
    if (evaluationDueOn <= today && evaluationDueOn <= recordedOn) {
      history.send({ type: 'EVALUATION_DUE' }, schedulerAt(evaluationDueOn, env.offsetHours), SCHEDULER_ACTOR);
    }
    if (recordedOn <= today) {
      const resign = fate < 0.04;
      const reasonCode = resign ? rng.pick(RESIGNATION_REASONS) : rng.pick(TERMINATION_REASONS);
      const note = reasonCode === 'OTHER' ? OTHER_NOTE : '';
      const event = { type: resign ? 'RESIGN' : 'TERMINATE', date: exitDate, reasonCode, note } as ContractEvent;
      history.send(event, env.officeAt(recordedOn), env.supervisor);
    }
  } else {
    if (evaluationDueOn <= today) {
      history.send({ type: 'EVALUATION_DUE' }, schedulerAt(evaluationDueOn, env.offsetHours), SCHEDULER_ACTOR);
    }
    // No monthly reports are generated, so the scorecard has no data and recommends a drop
    // (recommendationForDecision): a renewal then needs the supervisor's written reason.
    const decision = fate < 0.76 ? 'renew' : fate < 0.91 ? 'drop' : null;
    const decidedOn = addDays(evaluationDueOn, rng.int(1, 25));
    if (decision && decidedOn <= today) {
      let meta: unknown = null;
      if (decision === 'renew') {
        const nextYear = Number(endedOn.slice(0, 4));
        const places = env.places(nextYear);
        meta = { nextYear, quota: places.quota, quotaUsedBefore: places.used };
        places.used++;
      }
      const reason = rng.pick(DECISION_REASONS[decision]);
      history.send(
        { type: 'DECIDE_RENEWAL', decision, reason, recommendation: 'drop' },
        env.officeAt(decidedOn),
        env.supervisor,
        () => meta,
      );
    }
    if (endedOn <= today) {
      const at = schedulerAt(endedOn, env.offsetHours);
      history.send({ type: 'AGREEMENT_ENDED' }, at, SCHEDULER_ACTOR);
      if (contractEngine.stateOf(history.snapshot) === 'renewed') renewal = { startDate: endedOn, at };
    }
  }

  const state = contractEngine.stateOf(history.snapshot);
  const id = env.storage.insertContract({
    candidateId: cadre.candidateId,
    applicationId,
    previousContractId: year.previousContractId,
    branchId: env.branch.id,
    workAreaId: cadre.workAreaId,
    agreementNumber: input.agreementNumber,
    startDate: input.startDate,
    endDate: input.endDate,
    evaluationDueOn: input.evaluationDueOn,
    familiesAssigned: DEFAULT_FAMILIES_ASSIGNED,
    machineId: CONTRACT_MACHINE_ID,
    machineVersion: CONTRACT_MACHINE_VERSION,
    state,
    snapshot: contractEngine.persist(history.snapshot),
    revision: history.rows.length,
    stateEnteredAt: history.stateEnteredAt,
    createdAt: year.at,
    updatedAt: history.updatedAt,
  });
  for (const row of history.rows) env.storage.appendAudit({ ...row, entity_id: id });
  env.countState(state);
  if (!renewal) return null;
  return {
    startDate: renewal.startDate,
    agreementNumber: env.agreementNumber(Number(renewal.startDate.slice(0, 4))),
    previousContractId: id,
    at: renewal.at,
    actor: SCHEDULER_ACTOR,
  };
}
