/**
 * The Madiun history as demo data (issue 12): the KC Madiun cadre programme of the study from its
 * first recruitment in April 2017 to its end in early 2021, and KC Bogor (the second study's
 * setting) with its 2019 recruitment and a period open today. Everything happens through the real
 * services with the clock set to each event's day (timeline.ts): registrations, every recruitment
 * event, the signings, the scheduler's runs, monthly records, renewal decisions, resignations,
 * each period's registration window, channels and area split. Only branches, work areas and
 * periods are written directly, as seedDemo writes them.
 *
 * What it gives (madiunStudy.ts; docs/reports.md "The Madiun history"): agreements made 12 in
 * 2017 (recruited), 52 in 2018 (12 renewed, 40 recruited), 34 in 2019 and 15 in 2020 (renewed; the
 * 2020 ones 3/4/2/4/2 by area, the 2020 period's area split), each calendar year's targets achieved,
 * and every agreement ended by a decision or a resignation. Deterministic (a fixed seed; only the
 * open Bogor period depends on today) and idempotent (nothing is done when KC Bogor exists).
 */
import {
  type DbHandle,
  findBranchByCode,
  getPeriod,
  insertBranch,
  insertPeriod,
  insertWorkArea,
  listWorkAreasOfBranch,
} from '@kader/db';
import {
  ANNOUNCEMENT_CHANNELS,
  type AnnouncementChannel,
  addDays,
  DEFAULT_RECRUITMENT_RULES,
  earliestOpening,
  recruitmentRulesSchema,
} from '@kader/workflow';
import { systemContext } from '../../context';
import { BRANCHES, type Target } from '../bulk/programme';
import { type Random, seededRandom } from '../bulk/random';
import { setAreaQuotas } from '../planning/setAreaQuotas';
import { setChannels } from '../planning/setChannels';
import { setRegistrationWindow } from '../planning/setRegistrationWindow';
import { agreementYears, type Cadre, type YearEnd } from './agreementYears';
import { STUDY_CADRES_2020_BY_AREA, STUDY_TARGETS_ACHIEVED } from './madiunStudy';
import type { YearGoals } from './monthlyRecords';
import { demoPeople, type DemoArea } from './people';
import { type Applicant, earliestDay, type HistoryEnv, latestDay, recruitment } from './recruitment';
import { timeline } from './timeline';

export type DemoHistoryOptions = {
  /** the demo's today, `YYYY-MM-DD`, from 2022 on: KC Bogor's open period is this year's */
  today: string;
  onProgress?: (done: number, total: number) => void;
};

export type DemoHistorySummary = { seeded: boolean; actions: number; seconds: number };

/** Who the history's commands are recorded as (the demo seed's own name). */
const ACTOR = 'demo-seed';
const SEED = 2017;

const MADIUN = BRANCHES.find((b) => b.code === 'KC-MDN')!;
const BOGOR = {
  code: 'KC-BGR',
  name: 'KC Bogor',
  timeZone: 'Asia/Jakarta',
  areas: [
    { name: 'Kota Bogor', regionCode: '32.71' },
    { name: 'Kabupaten Bogor', regionCode: '32.01' },
  ],
};

/** Jan-Mar 2021, the last quarter of the 2020 agreements: no study figure, a year like 2020's. */
const MADIUN_GOALS: YearGoals = { ...STUDY_TARGETS_ACHIEVED, 2021: { visits: 41.2, dues: 118.5 } };
/** "Not optimal" (study 2): no figures in it, these are the demo's own. */
const BOGOR_GOALS: YearGoals = {
  2019: { visits: 10.8, dues: 38.5 },
  2020: { visits: 24.6, dues: 71.2 },
  2021: { visits: 20.3, dues: 64 },
};

const rejected = (stage: string, reason: string, n: number) =>
  Array.from({ length: n }, () => ({ state: 'rejected', stage, reason }) as Target);
const withdrawn = (stage: string, n: number) => Array.from({ length: n }, () => ({ state: 'withdrawn', stage }) as Target);
const open = (state: string, n: number) => Array.from({ length: n }, () => ({ state }) as Target);

/** Who leaves a recruitment: so many at each stage, for each reason (rejected) or none given (withdrawn: the story picks it). */
function leaversOf(counts: {
  docs: number;
  age: number;
  education: number;
  written: number;
  writtenAbsent: number;
  interview: number;
  interviewAbsent: number;
  notSigned: number;
  notDebriefed: number;
  w: [number, number, number, number, number, number];
}): Target[] {
  const [wReg, wAdmin, wWritten, wInterview, wSigning, wDebriefing] = counts.w;
  return [
    ...rejected('administrativeCheck', 'DOCUMENTS_INCOMPLETE', counts.docs),
    ...rejected('administrativeCheck', 'NOT_ELIGIBLE_AGE', counts.age),
    ...rejected('administrativeCheck', 'NOT_ELIGIBLE_EDUCATION', counts.education),
    ...rejected('writtenTest', 'WRITTEN_TEST_BELOW_GRADE', counts.written),
    ...rejected('writtenTest', 'ABSENT', counts.writtenAbsent),
    ...rejected('interview', 'INTERVIEW_BELOW_GRADE', counts.interview),
    ...rejected('interview', 'ABSENT', counts.interviewAbsent),
    ...rejected('agreementSigning', 'AGREEMENT_NOT_SIGNED', counts.notSigned),
    ...rejected('debriefing', 'DEBRIEFING_NOT_COMPLETED', counts.notDebriefed),
    ...withdrawn('registered', wReg),
    ...withdrawn('administrativeCheck', wAdmin),
    ...withdrawn('writtenTest', wWritten),
    ...withdrawn('interview', wInterview),
    ...withdrawn('agreementSigning', wSigning),
    ...withdrawn('debriefing', wDebriefing),
  ];
}

/** Work-area indexes, `counts[i]` of area i, in a seeded order. */
const areaList = (rng: Random, counts: number[]) => rng.shuffle(counts.flatMap((n, i) => Array.from({ length: n }, () => i)));
const talent = (rng: Random) => 0.4 + 1.2 * ((rng.next() + rng.next()) / 2);

const RENEW_REASONS = [
  'Kunjungan dan laporan bulanan konsisten; dipanggil kembali',
  'Dikenal warga binaan dan aktif dalam rapat evaluasi',
  'Penagihan iuran meningkat; kontrak diperpanjang',
];
const DROP_REASONS = [
  'Capaian kunjungan dan penagihan di bawah target',
  'Laporan bulanan sering terlambat',
  'Jarang hadir dalam rapat evaluasi',
  'Kuota tahun berikutnya dikurangi; kinerja di bawah kader lain',
];

export function seedDemoHistory(handle: DbHandle, opts: DemoHistoryOptions): DemoHistorySummary {
  const started = performance.now();
  const { db, sqlite } = handle;
  if (findBranchByCode(db, BOGOR.code)) return { seeded: false, actions: 0, seconds: 0 };
  if (opts.today < '2022-01-01')
    throw new Error(`the demo history ends in 2021: today must be in 2022 or later, got ${opts.today}`);
  const rng = seededRandom(SEED);
  const tl = timeline();
  const env: HistoryEnv = {
    handle,
    ctx: systemContext(handle, tl.now, ACTOR),
    timeline: tl,
    rng,
    people: demoPeople(rng),
    today: opts.today,
  };
  const rules = recruitmentRulesSchema.parse(DEFAULT_RECRUITMENT_RULES);

  // --- branches, work areas, periods (as seedDemo writes them; today's demo shares KC Madiun)
  const { madiun, bogor } = db.transaction((tx) => {
    const areasOf = (branchId: number, wanted: { name: string; regionCode: string }[]): DemoArea[] => {
      const have = listWorkAreasOfBranch(tx, branchId);
      return wanted.map((a) => {
        const id = have.find((h) => h.name === a.name)?.id ?? insertWorkArea(tx, { branchId, ...a }).id;
        return { id, ...a };
      });
    };
    const m =
      findBranchByCode(tx, MADIUN.code) ?? insertBranch(tx, { code: MADIUN.code, name: MADIUN.name, timeZone: MADIUN.timeZone });
    const b = insertBranch(tx, { code: BOGOR.code, name: BOGOR.name, timeZone: BOGOR.timeZone });
    const period = (branchId: number, year: number, quota: number) => insertPeriod(tx, { branchId, year, quota, rules }).id;
    return {
      madiun: {
        id: m.id,
        areas: areasOf(m.id, MADIUN.areas),
        periods: {
          2017: period(m.id, 2017, 15),
          2018: period(m.id, 2018, 55),
          2019: period(m.id, 2019, 40),
          2020: period(m.id, 2020, 15),
        },
      },
      bogor: {
        id: b.id,
        areas: areasOf(b.id, BOGOR.areas),
        periods: {
          2019: period(b.id, 2019, 10),
          2020: period(b.id, 2020, 6),
          now: period(b.id, Number(opts.today.slice(0, 4)), 12),
        },
      },
    };
  });

  /** Head office opens a period's registration and the branch records where it was announced. */
  const announce = (
    periodId: number,
    year: number,
    on: string,
    window: { opensOn: string; closesOn: string },
    channels: AnnouncementChannel[],
  ) => {
    tl.add(on, `registration window of ${year}`, () => {
      const { revision } = getPeriod(db, periodId)!;
      setRegistrationWindow({ ctx: env.ctx, input: { periodId, revision, year, ...window } });
    });
    tl.add(on, `channels of ${year}`, () => {
      const { revision } = getPeriod(db, periodId)!;
      setChannels({ ctx: env.ctx, input: { periodId, revision, channels } });
    });
  };

  // --- KC Madiun, 2017: the first recruitment, twelve cadres from April
  announce(madiun.periods[2017], 2017, '2017-02-13', { opensOn: '2017-02-13', closesOn: '2017-03-03' }, [
    'BANNER',
    'BILLBOARD',
    'BRANCH_OFFICE',
    'KELURAHAN_OFFICE',
  ]);
  const base = {
    branchId: madiun.id,
    areas: madiun.areas,
    place: 'Aula KC Madiun',
  };
  const first = recruitment(env, {
    ...base,
    periodId: madiun.periods[2017],
    year: 2017,
    channels: [
      ['BANNER', 3],
      ['BILLBOARD', 1],
      ['BRANCH_OFFICE', 2],
      ['KELURAHAN_OFFICE', 4],
    ],
    registers: { from: '2017-02-13', to: '2017-03-03' },
    testDays: ['2017-03-08', '2017-03-09'],
    interviewDays: ['2017-03-14', '2017-03-15', '2017-03-16', '2017-03-17'],
    signingDays: ['2017-03-27', '2017-03-28', '2017-03-29'],
    debriefOn: '2017-03-30',
    startDate: '2017-04-01',
    cadres: areaList(rng, [3, 3, 2, 2, 2]).map((area, i) => ({ area, ...(i === 4 ? { story: 'reopened' as const } : {}) })),
    leavers: leaversOf({
      docs: 3,
      age: 1,
      education: 1,
      written: 6,
      writtenAbsent: 1,
      interview: 3,
      interviewAbsent: 1,
      notSigned: 1,
      notDebriefed: 0,
      w: [2, 2, 2, 1, 1, 1],
    }),
  });

  // --- 2018: the additional recruitment, forty more (two who failed the written test in 2017 among them)
  announce(
    madiun.periods[2018],
    2018,
    '2018-01-08',
    { opensOn: '2018-01-08', closesOn: '2018-02-02' },
    ANNOUNCEMENT_CHANNELS.filter((c) => c !== 'OTHER'),
  );
  // leaversOf's order: 5 rejected at the administrative check, then those under the written test's grade
  const returning = first.leavers.slice(5, 7);
  const returningAreas = returning.map((a) => madiun.areas.indexOf(a.area));
  const counts18 = [8, 9, 7, 7, 9];
  for (const i of returningAreas) counts18[i]! -= 1;
  const cadres18 = [
    ...returning.map((a, i) => ({ area: returningAreas[i]!, person: a.person })),
    ...areaList(rng, counts18).map((area) => ({ area })),
  ].map((c, i) => (i === 7 ? { ...c, story: 'scoreCorrected' as const } : c));
  const second = recruitment(env, {
    ...base,
    periodId: madiun.periods[2018],
    year: 2018,
    channels: [
      ['BANNER', 3],
      ['BILLBOARD', 1],
      ['BRANCH_OFFICE', 2],
      ['REGENCY_OFFICE', 2],
      ['KELURAHAN_OFFICE', 4],
      ['SOCIAL_MEDIA', 3],
    ],
    registers: { from: '2018-01-08', to: '2018-02-02' },
    testDays: ['2018-02-07', '2018-02-08', '2018-02-10'],
    interviewDays: ['2018-02-19', '2018-02-20', '2018-02-21', '2018-02-22', '2018-02-23'],
    signingDays: ['2018-03-26', '2018-03-27', '2018-03-28'],
    debriefOn: '2018-03-29',
    startDate: '2018-04-01',
    cadres: cadres18,
    leavers: leaversOf({
      docs: 8,
      age: 2,
      education: 3,
      written: 22,
      writtenAbsent: 4,
      interview: 10,
      interviewAbsent: 2,
      notSigned: 2,
      notDebriefed: 1,
      w: [6, 6, 5, 3, 2, 1],
    }),
  });

  // --- who stays: the 2020 cadres by area are the best of their area; 34 renewed into 2019
  const madiunCadres: (Cadre & { cohort: 2017 | 2018 })[] = [
    ...first.cadres.map((applicant) => ({
      applicant,
      talent: talent(rng),
      startDate: '2017-04-01',
      years: [],
      cohort: 2017 as const,
    })),
    ...second.cadres.map((applicant) => ({
      applicant,
      talent: talent(rng),
      startDate: '2018-04-01',
      years: [],
      cohort: 2018 as const,
    })),
  ];
  const byTalent = [...madiunCadres].sort((a, b) => b.talent - a.talent);
  const in2020 = new Set(
    madiun.areas.flatMap((area) =>
      byTalent.filter((c) => c.applicant.area === area).slice(0, STUDY_CADRES_2020_BY_AREA[area.name] ?? 0),
    ),
  );
  const rest = byTalent.filter((c) => !in2020.has(c));
  const resigned2018 = new Set(rng.shuffle(rest.slice(22)).slice(0, 3));
  const in2019 = new Set([...in2020, ...rest.filter((c) => !resigned2018.has(c)).slice(0, 19)]);
  const resigned2019 = new Set(rng.shuffle([...in2019].filter((c) => !in2020.has(c))).slice(0, 2));
  const renew = (reason: string): YearEnd => ({ decision: 'renew', reason });
  const drop = (): YearEnd => ({ decision: 'drop', reason: rng.pick(DROP_REASONS) });
  for (const c of madiunCadres) {
    if (c.cohort === 2017) c.years.push(renew('Tahun pertama: penagihan iuran belum berjalan, kader dipertahankan'));
    if (resigned2018.has(c)) c.years.push({ resign: true });
    else if (!in2019.has(c)) c.years.push(drop());
    else {
      c.years.push(renew(rng.pick(RENEW_REASONS)));
      if (resigned2019.has(c)) c.years.push({ resign: true });
      else if (!in2020.has(c)) c.years.push(drop());
      else
        c.years.push(renew(rng.pick(RENEW_REASONS)), {
          decision: 'drop',
          reason: 'Program kader JKN-KIS KC Madiun berakhir pada 2021',
        });
    }
  }
  // the 2020 period's places by area, as the branch split them before the renewals into 2020
  tl.add('2020-01-20', 'area quotas of 2020', () => {
    const periodId = madiun.periods[2020];
    const { revision } = getPeriod(db, periodId)!;
    const areas = madiun.areas.map((a) => ({ workAreaId: a.id, quota: STUDY_CADRES_2020_BY_AREA[a.name] ?? 0 }));
    setAreaQuotas({ ctx: env.ctx, input: { periodId, revision, areas } });
  });
  agreementYears(env, madiunCadres, MADIUN_GOALS, { correctOne: '2018-09' });

  // --- KC Bogor, 2019: eight cadres from May; five renewed into 2020, none after
  announce(bogor.periods[2019], 2019, '2019-02-04', { opensOn: '2019-02-04', closesOn: '2019-02-22' }, [
    'BANNER',
    'BRANCH_OFFICE',
    'KELURAHAN_OFFICE',
    'SOCIAL_MEDIA',
  ]);
  const bogorBase = { branchId: bogor.id, areas: bogor.areas, place: 'Aula KC Bogor' };
  const bogor2019 = recruitment(env, {
    ...bogorBase,
    periodId: bogor.periods[2019],
    year: 2019,
    channels: [
      ['BANNER', 2],
      ['BRANCH_OFFICE', 2],
      ['KELURAHAN_OFFICE', 3],
      ['SOCIAL_MEDIA', 4],
    ],
    registers: { from: '2019-02-04', to: '2019-02-22' },
    testDays: ['2019-02-27', '2019-02-28'],
    interviewDays: ['2019-03-05', '2019-03-06', '2019-03-07', '2019-03-08'],
    signingDays: ['2019-04-22', '2019-04-23', '2019-04-24'],
    debriefOn: '2019-04-26',
    startDate: '2019-05-01',
    cadres: areaList(rng, [5, 3]).map((area) => ({ area })),
    leavers: leaversOf({
      docs: 2,
      age: 0,
      education: 1,
      written: 5,
      writtenAbsent: 1,
      interview: 2,
      interviewAbsent: 0,
      notSigned: 0,
      notDebriefed: 0,
      w: [1, 1, 1, 1, 1, 0],
    }),
  });
  const bogorCadres: Cadre[] = bogor2019.cadres.map((applicant: Applicant) => ({
    applicant,
    talent: talent(rng) * 0.9,
    startDate: '2019-05-01',
    years: [],
  }));
  const bogorRanked = [...bogorCadres].sort((a, b) => b.talent - a.talent);
  const bogorResigned = rng.pick(bogorRanked.slice(5));
  bogorRanked.forEach((c, i) => {
    if (c === bogorResigned) c.years.push({ resign: true });
    else if (i >= 5) c.years.push(drop());
    else
      c.years.push(renew(rng.pick(RENEW_REASONS)), {
        decision: 'drop',
        reason: 'Kuota kader KC Bogor tahun 2021 tidak dialokasikan',
      });
  });
  agreementYears(env, bogorCadres, BOGOR_GOALS);

  // --- KC Bogor now: this year's period, its registration open today, the first candidates in it
  const year = Number(opts.today.slice(0, 4));
  const opensOn = latestDay(addDays(opts.today, -45), earliestOpening(year));
  const closesOn = earliestDay(addDays(opts.today, 30), `${year}-12-31`);
  announce(bogor.periods.now, year, opensOn, { opensOn, closesOn }, ['BANNER', 'KELURAHAN_OFFICE', 'SOCIAL_MEDIA']);
  recruitment(env, {
    ...bogorBase,
    periodId: bogor.periods.now,
    year,
    channels: [
      ['BANNER', 2],
      ['KELURAHAN_OFFICE', 3],
      ['SOCIAL_MEDIA', 5],
    ],
    registers: { from: opensOn, to: opts.today },
    testDays: [],
    interviewDays: [],
    signingDays: [],
    debriefOn: opts.today,
    startDate: opts.today,
    cadres: [],
    leavers: [
      ...open('registered', 2),
      ...open('administrativeCheck', 2),
      ...open('writtenTest', 2),
      ...open('interview', 1),
      ...withdrawn('registered', 1),
      ...rejected('administrativeCheck', 'DOCUMENTS_INCOMPLETE', 1),
    ],
  });

  // Demo data can be made again, so it need not wait for an fsync per command (seedDemo's reasoning).
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  sqlite.pragma('synchronous = OFF');
  try {
    tl.run(opts.onProgress);
  } finally {
    sqlite.pragma(`synchronous = ${Number(synchronous)}`);
  }
  return { seeded: true, actions: tl.size(), seconds: (performance.now() - started) / 1000 };
}
