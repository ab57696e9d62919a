/**
 * Bulk data: a whole programme of many years and branches, built fast, demo-seed style, so the
 * benchmark (issue 10) and anyone trying the product can work at 100,000 applications. Going
 * through the service verbs takes ~40 minutes for that; this takes the same machine steps (the
 * engines' machines: start, each event, persist; see bulk/application.ts and bulk/cadreYears.ts) and writes their result
 * directly: rows and audit rows exactly as registerCandidate, sendApplicationEvent and the
 * contract lifecycle write them (the start events' payload is the machine input, every row in the
 * hash chain with its seq), many applications per transaction, statements prepared once, the
 * fsync off while it fills. So `verify-audit` accepts it like data the services wrote.
 *
 * What the services check and this does not repeat (access, revisions, date rules, quota, the
 * NIK's uniqueness) holds by construction: the stories are dated within the rules, every NIK is
 * made unique, quotas leave room for every place taken. A story a machine refuses is a bug here,
 * and stops the fill.
 */
import { countBranches, type DbHandle, insertBranch, insertPeriod, insertWorkArea, putSetting } from '@kader/db';
import {
  dateInZone,
  DEFAULT_RECRUITMENT_RULES,
  type DocumentCode,
  isIsoDate,
  RECRUITMENT_STATES,
  type RecruitmentState,
  recruitmentRulesSchema,
} from '@kader/workflow';
import { systemContext } from '../context';
import { type AgreementNumberToken, formatAgreementNumber } from '../documents/agreementNumber';
import { writeApplication } from './bulk/application';
import type { CadreEnv } from './bulk/cadreYears';
import { type Area, newcomers, type Person } from './bulk/people';
import { periodKey, planProgramme } from './bulk/plan';
import { BRANCHES, type BranchPlan, ZONE_OFFSET_HOURS } from './bulk/programme';
import { type Random, seededRandom } from './bulk/random';
import { createStaff, staffOf } from './bulk/staff';
import { bulkStorage } from './bulk/storage';
import { branchAgreementPattern } from './contracts/lifecycle';

export type BulkSeedOptions = {
  /** how many applications in all (every period, every branch) */
  applications: number;
  /**
   * The share (0-1) of them in ONE period: KC Madiun's current year, the measured period, so its
   * board columns grow with the total. Default 0.5.
   */
  measuredShare?: number;
  /** the branches' today, `YYYY-MM-DD` (default: today in WIB); every story ends by it */
  today?: string;
  /** the same seed gives the same data (default 1) */
  seed?: number;
  /** applications written per transaction (default 1,000) */
  perTransaction?: number;
  onProgress?: (done: number, total: number) => void;
};

export type BulkSeedSummary = {
  today: string;
  /** an instant in office hours on `today` in every zone (10:00 WIB): a clock for commands on the data */
  now: string;
  seconds: number;
  branches: number;
  periods: number;
  candidates: number;
  applications: number;
  contracts: number;
  /** audit rows of applications and contracts (the users' own come on top) */
  auditRows: number;
  applicationsByState: Record<RecruitmentState, number>;
  contractsByState: Record<string, number>;
  measured: {
    branchId: number;
    periodId: number;
    year: number;
    applications: number;
    byState: Record<RecruitmentState, number>;
    /** places left in its quota for signings */
    freePlaces: number;
  };
  /** applications of the measured period to act on: up to 100 of each */
  sample: {
    /** in the administrative check with the KTP not verified yet (VERIFY_DOCUMENT KTP is allowed) */
    adminCheck: number[];
    /** at the agreement signing (SIGN_AGREEMENT is allowed) */
    agreementSigning: number[];
  };
};

const SAMPLE = 100;
/** The chance that an application of a later year is by someone whose earlier one was not taken. */
const RETURNING = 0.08;

type PeriodRow = { branch: BranchPlan; branchId: number; periodId: number; areas: Area[] };

const emptyStates = (): Record<RecruitmentState, number> =>
  Object.fromEntries(RECRUITMENT_STATES.map((s) => [s, 0])) as Record<RecruitmentState, number>;

/** Office hours on a day in a zone, as instants a few minutes apart in the order asked for (08:00 local on). */
function officeHours(rng: Random, offsetHours: number): (day: string) => string {
  let last = { day: '', minute: 0 };
  return (day) => {
    last = last.day === day ? { day, minute: last.minute + rng.int(2, 20) } : { day, minute: rng.int(0, 90) };
    return new Date(Date.parse(`${day}T08:00:00.000Z`) + (last.minute * 60 - offsetHours * 3600) * 1000).toISOString();
  };
}

/**
 * Fills an empty, migrated database with a programme of `applications` applications (see the
 * module comment) and its staff as demo users (bulk/staff.ts: DEMO_PASSWORD; `settings.mode =
 * demo`, so `kader start` refuses it and `kader demo` serves it). Throws on a database that
 * already holds branches.
 */
export async function seedBulk(handle: DbHandle, options: BulkSeedOptions): Promise<BulkSeedSummary> {
  const started = performance.now();
  const total = options.applications;
  if (!Number.isInteger(total) || total < 1) throw new Error(`bulk seed: applications must be a whole number >= 1, got ${total}`);
  const share = options.measuredShare ?? 0.5;
  if (!(share >= 0 && share <= 1)) throw new Error(`bulk seed: measuredShare must be 0-1, got ${share}`);
  const today = options.today ?? dateInZone(new Date(), 'Asia/Jakarta');
  if (!isIsoDate(today)) throw new Error(`bulk seed: today must be YYYY-MM-DD, got ${today}`);
  if (countBranches(handle.db) > 0) throw new Error('bulk seed: the database already holds data; use an empty one');
  const perTransaction = options.perTransaction ?? 1000;
  const rng = seededRandom(options.seed ?? 1);
  const year = Number(today.slice(0, 4));
  const now = `${today}T03:00:00.000Z`;
  const plan = planProgramme(rng, { total, measured: Math.round(total * share), year });

  const { sqlite } = handle;
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  // Generated data can be made again, so it need not wait for an fsync (seedDemo's reasoning); and
  // the indexes of a million audit rows do not fit the default 2 MB page cache while it fills.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  try {
    // --- branches, work areas, periods with their quotas, and the staff
    const rules = recruitmentRulesSchema.parse(DEFAULT_RECRUITMENT_RULES);
    const periods = new Map<string, PeriodRow>();
    const branchIds = new Map<string, number>();
    /** per branch code: its stored numbering pattern, parsed once, as nextAgreementNumber reads it */
    const patterns = new Map<string, AgreementNumberToken[]>();
    handle.db.transaction((tx) => {
      for (const b of BRANCHES) {
        const branch = insertBranch(tx, { code: b.code, name: b.name, timeZone: b.timeZone });
        branchIds.set(b.code, branch.id);
        patterns.set(b.code, branchAgreementPattern(tx, branch.id).tokens);
        const areas = b.areas.map((a) => ({
          id: insertWorkArea(tx, { branchId: branch.id, name: a.name, regionCode: a.regionCode }).id,
          name: a.name,
          digits: a.regionCode.replace('.', ''),
        }));
        for (const y of plan.periodYears) {
          const key = periodKey(b.code, y);
          const period = insertPeriod(tx, { branchId: branch.id, year: y, quota: plan.quotas.get(key)!, rules });
          periods.set(key, { branch: b, branchId: branch.id, periodId: period.id, areas });
        }
      }
    });
    await createStaff(
      systemContext(handle, () => new Date(now), 'bulk-seed'),
      BRANCHES,
      branchIds,
    );
    putSetting(handle.db, { key: 'mode', value: 'demo' });

    // --- the applications, year by year, many to a transaction
    const storage = bulkStorage(handle);
    const people = newcomers(rng, storage);
    const required = rules.documents.filter((d) => d.required).map((d) => d.code as DocumentCode);
    const optional = rules.documents.filter((d) => !d.required).map((d) => d.code as DocumentCode);
    const applicationsByState = emptyStates();
    const measuredByState = emptyStates();
    const contractsByState: Record<string, number> = {};
    const sample = { adminCheck: [] as number[], agreementSigning: [] as number[] };
    const used = new Map<string, number>();
    const numbers = new Map<string, number>();
    /** per branch: people whose applications all ended without a place, who may apply again */
    const pools = new Map<string, Person[]>(BRANCHES.map((b) => [b.code, []]));
    let contracts = 0;
    let done = 0;

    /**
     * The branch's next agreement number for a start year, formatted as nextAgreementNumber formats
     * it (the running number counted per year here instead of read back: nothing else numbers while
     * this fills). Dated 1 January: the generated branches keep the default pattern, which carries
     * the year only.
     */
    const agreementNumber = (code: string, y: number) => {
      const n = (numbers.get(periodKey(code, y)) ?? 0) + 1;
      numbers.set(periodKey(code, y), n);
      return formatAgreementNumber(patterns.get(code)!, { sequence: n, date: `${y}-01-01`, branchCode: code });
    };
    const places = (code: string, y: number) => {
      const key = periodKey(code, y);
      return {
        quota: plan.quotas.get(key) ?? 0,
        get used() {
          return used.get(key) ?? 0;
        },
        set used(v: number) {
          used.set(key, v);
        },
      };
    };

    let inTransaction = 0;
    const begin = sqlite.prepare('BEGIN IMMEDIATE');
    const commit = sqlite.prepare('COMMIT');
    try {
      for (const y of plan.years) {
        const current = y === year;
        const notTaken = new Map<string, Person[]>(BRANCHES.map((b) => [b.code, []]));
        for (const b of BRANCHES) {
          const key = periodKey(b.code, y);
          const period = periods.get(key)!;
          const staff = staffOf(b);
          const offsetHours = ZONE_OFFSET_HOURS[b.timeZone] ?? 7;
          const officeAt = officeHours(rng, offsetHours);
          const cadre: CadreEnv = {
            rng,
            storage,
            today,
            offsetHours,
            branch: { id: period.branchId, code: b.code },
            supervisor: staff.supervisor,
            agreementNumber: (startYear) => agreementNumber(b.code, startYear),
            places: (py) => places(b.code, py),
            countState: (s) => {
              contractsByState[s] = (contractsByState[s] ?? 0) + 1;
              contracts++;
            },
            officeAt,
          };
          const env = {
            rng,
            storage,
            rules,
            periodId: period.periodId,
            areas: period.areas,
            recruiter: staff.recruiter,
            facts: {
              periodYear: y,
              bound: current ? today : `${y}-12-31`,
              today,
              required,
              optional,
              place: `Aula ${b.name}`,
              agreementNumber: () => agreementNumber(b.code, y),
            },
            officeAt,
            places: places(b.code, y),
            cadre,
          };
          const pool = pools.get(b.code)!;
          const measured = key === plan.measuredKey;

          for (const target of plan.targets.get(key) ?? []) {
            if (inTransaction === 0) begin.run();
            // someone who applied before and was not taken (they stay eligible), or someone new
            const ineligible = target.state === 'rejected' && target.reason.startsWith('NOT_ELIGIBLE') ? target.reason : null;
            const returning = !ineligible && pool.length > 0 && rng.chance(RETURNING) ? pool.pop()! : null;
            const { applicationId, state, snapshot, person } = writeApplication(env, target, {
              returning,
              newcomer: (at) => people.add({ areas: period.areas, year: y, ineligible, at }),
            });
            applicationsByState[state]++;
            if ((state === 'rejected' || state === 'withdrawn') && !ineligible) notTaken.get(b.code)!.push(person);
            if (measured) {
              measuredByState[state]++;
              if (state === 'agreementSigning' && sample.agreementSigning.length < SAMPLE)
                sample.agreementSigning.push(applicationId);
              const ktpOpen = !snapshot.context.verifiedDocuments.includes('KTP');
              if (state === 'administrativeCheck' && ktpOpen && sample.adminCheck.length < SAMPLE)
                sample.adminCheck.push(applicationId);
            }
            done++;
            if (++inTransaction >= perTransaction) {
              commit.run();
              inTransaction = 0;
              options.onProgress?.(done, total);
            }
          }
        }
        // Those not taken this year may apply again in a later one (never twice in one period).
        for (const [code, list] of notTaken) pools.get(code)!.push(...rng.shuffle(list));
      }
      if (inTransaction > 0) commit.run();
    } finally {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    }
    options.onProgress?.(done, total);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');

    const measured = periods.get(plan.measuredKey)!;
    const measuredPlaces = places(measured.branch.code, year);
    return {
      today,
      now,
      seconds: (performance.now() - started) / 1000,
      branches: BRANCHES.length,
      periods: periods.size,
      candidates: people.count,
      applications: done,
      contracts,
      auditRows: storage.auditRows,
      applicationsByState,
      contractsByState,
      measured: {
        branchId: measured.branchId,
        periodId: measured.periodId,
        year,
        applications: plan.targets.get(plan.measuredKey)?.length ?? 0,
        byState: measuredByState,
        freePlaces: measuredPlaces.quota - measuredPlaces.used,
      },
      sample,
    };
  } finally {
    sqlite.pragma(`synchronous = ${Number(synchronous)}`);
    sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
  }
}
