/**
 * The cadres' agreement years in the demo history, through the real contract services on their
 * days: each month's record when its report comes in (one month corrected two days later), the
 * scheduler's run on every evaluation date and the day after every end date (EVALUATION_DUE,
 * AGREEMENT_ENDED, a renewal's next year), the supervisor's decision between them (renew or drop,
 * with its reason), and resignations. Every year ends with its decision or a resignation, so the
 * scheduler has nothing left to mark lapsed.
 */
import { type DbHandle, findContractByApplication, getContract, listContractsOfCandidate } from '@kader/db';
import {
  addDays,
  contractInputFor,
  DEFAULT_FAMILIES_ASSIGNED,
  DEFAULT_KPI_SETTINGS,
  type MonthlyRecordInput,
  nextMonth,
  RESIGNATION_REASONS,
} from '@kader/workflow';
import { decideRenewal } from '../contracts/decideRenewal';
import { checkMonthlyRecord, writeMonth } from '../contracts/recordMonth';
import { runContractScheduler } from '../contracts/scheduler';
import { sendContractEvent } from '../contracts/sendContractEvent';
import { type CadreMonth, demoMonths, type YearGoals } from './monthlyRecords';
import type { Applicant, HistoryEnv } from './recruitment';

/** How one agreement year ends: the supervisor's decision (with its reason), or the cadre resigning. */
export type YearEnd = { decision: 'renew' | 'drop'; reason: string } | { resign: true };

export type Cadre = {
  applicant: Applicant;
  /** 0.3-1.8: how well they work (monthlyRecords.ts) */
  talent: number;
  /** the first agreement year's start */
  startDate: string;
  /** each agreement year's end, in order; every year but the last is renewed */
  years: YearEnd[];
};

const RESIGN_NOTES: Record<string, string> = {
  OTHER_JOB: 'Diterima bekerja sebagai karyawan toko',
  PERSONAL_OR_FAMILY: 'Mengurus orang tua yang sakit',
  MOVED_AWAY: 'Pindah domisili mengikuti suami',
  HEALTH: 'Alasan kesehatan',
  FEE_NOT_SUITABLE: '',
  OTHER: 'Melanjutkan kuliah',
};

/**
 * One month as `contracts.recordMonth` records it from the form (its checks, its writer, its audit
 * row), without the contract's detail view the form is answered with: building it took most of
 * the seed's time, and nobody reads it here.
 */
function recordMonth(
  handle: DbHandle,
  args: { contractId: number; revision: number | null; record: MonthlyRecordInput; actor: string; at: string },
) {
  handle.db.transaction(
    (tx) => {
      const row = getContract(tx, args.contractId)!;
      const checked = checkMonthlyRecord(row, args.record);
      if (!checked.ok) throw new Error(`month ${args.record.month} refused: ${JSON.stringify(checked.fields)}`);
      writeMonth(tx, { row, record: checked.record, revision: args.revision, actor: args.actor, at: args.at, source: 'form' });
    },
    { behavior: 'immediate' },
  );
}

/** The year `k` after the first: its dates as the contract machine computes them. */
function agreementYear(startDate: string, k: number) {
  const start = `${Number(startDate.slice(0, 4)) + k}${startDate.slice(4)}`;
  return contractInputFor({ agreementNumber: '-', startDate: start, previousContractId: null });
}

/** The 12 months of an agreement year from its first, up to (not including) `until`'s month. */
function monthsOf(startDate: string, until: string | null): string[] {
  const months: string[] = [];
  for (let m = startDate.slice(0, 7); months.length < 12 && (!until || m < until.slice(0, 7)); m = nextMonth(m)) months.push(m);
  return months;
}

/**
 * Puts the cadres' years on the timeline. The monthly records give each calendar year's `goals`
 * (targets achieved, in percent) over all the cadres given, judged by the default KPI targets.
 */
export function agreementYears(env: HistoryEnv, cadres: Cadre[], goals: YearGoals, opts: { correctOne?: string } = {}) {
  const { ctx, timeline, rng, handle } = env;
  const schedulerDays = new Set<string>();
  const slots: { cadre: Cadre; k: number; month: CadreMonth }[] = [];
  const plans = cadres.map((cadre) =>
    cadre.years.map((end, k) => {
      const year = agreementYear(cadre.startDate, k);
      const resignOn = 'resign' in end ? addDays(year.startDate, rng.int(100, 250)) : null;
      const months = monthsOf(year.startDate, resignOn);
      months.forEach((month, i) => {
        slots.push({ cadre, k, month: { talent: cadre.talent, month, monthOfYear: i } });
      });
      schedulerDays.add(year.evaluationDueOn).add(addDays(year.endDate, 1));
      return { year, end, resignOn };
    }),
  );
  const records = demoMonths(
    rng,
    slots.map((s) => s.month),
    goals,
    DEFAULT_KPI_SETTINGS.targets,
    DEFAULT_FAMILIES_ASSIGNED,
  );

  /** The contract id of a cadre's year `k`: the first from the application, a later one by its start. */
  const ids = new Map<string, number>();
  const contractOf = (cadre: Cadre, k: number) => {
    const key = `${cadre.applicant.applicationId}/${k}`;
    const known = ids.get(key);
    if (known) return known;
    const { db } = handle;
    const row =
      k === 0
        ? findContractByApplication(db, cadre.applicant.applicationId)
        : listContractsOfCandidate(db, cadre.applicant.candidateId).find(
            (c) => c.startDate === agreementYear(cadre.startDate, k).startDate,
          );
    if (!row) throw new Error(`no agreement year ${k + 1} for ${cadre.applicant.person.name}`);
    ids.set(key, row.id);
    return row.id;
  };
  const by = () => ({ actor: ctx.principal!.username, at: ctx.now().toISOString() });
  /** The contract's row as it is now, for its revision. */
  const current = (cadre: Cadre, k: number) => getContract(handle.db, contractOf(cadre, k))!;

  let corrected = false;
  slots.forEach(({ cadre, k, month }, i) => {
    const record = records[i]!;
    const on = record.reportDeliveredOn!;
    const name = cadre.applicant.person.name;
    if (!corrected && opts.correctOne && month.month === opts.correctOne && record.familiesVisited >= 50) {
      // typed with a digit too many, then corrected: the month is reported twice
      corrected = true;
      const typo: MonthlyRecordInput = { ...record, familiesVisited: Math.floor(record.familiesVisited / 10) };
      timeline.add(on, `month ${month.month} of ${name}`, () => {
        recordMonth(handle, { contractId: contractOf(cadre, k), revision: null, record: typo, ...by() });
      });
      timeline.add(addDays(on, 2), `correction of ${month.month} of ${name}`, () => {
        recordMonth(handle, { contractId: contractOf(cadre, k), revision: 1, record, ...by() });
      });
      return;
    }
    timeline.add(on, `month ${month.month} of ${name}`, () => {
      recordMonth(handle, { contractId: contractOf(cadre, k), revision: null, record, ...by() });
    });
  });

  cadres.forEach((cadre, c) => {
    plans[c]!.forEach(({ year, end, resignOn }, k) => {
      const name = cadre.applicant.person.name;
      if (resignOn) {
        const reasonCode = rng.pick(RESIGNATION_REASONS);
        timeline.add(resignOn, `resignation of ${name}`, () => {
          const row = current(cadre, k);
          const event = { type: 'RESIGN', date: resignOn, reasonCode, note: RESIGN_NOTES[reasonCode] ?? '' };
          sendContractEvent({ ctx, input: { id: row.id, revision: row.revision, event } });
        });
        return;
      }
      if ('decision' in end) {
        const decideOn = addDays(year.evaluationDueOn, rng.int(3, 18));
        timeline.add(decideOn, `decision on ${name}`, () => {
          const row = current(cadre, k);
          decideRenewal({ ctx, input: { id: row.id, revision: row.revision, decision: end.decision, reason: end.reason } });
        });
      }
    });
  });
  for (const day of schedulerDays) {
    timeline.add(
      day,
      'scheduler',
      () => {
        // the scheduler logs a contract it could not act on and goes on; the history must not
        const { failures } = runContractScheduler(handle, timeline.now());
        if (failures.length > 0) throw new Error(`the scheduler failed: ${JSON.stringify(failures)}`);
      },
      { first: true },
    );
  }
}
