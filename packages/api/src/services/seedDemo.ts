import {
  countBranches,
  findBranchByCode,
  findContractByApplication,
  insertBranch,
  insertPeriod,
  insertWorkArea,
  listWorkAreasOfBranch,
  putSetting,
  type DbHandle,
} from '@kader/db';
import {
  addDays,
  DEFAULT_FAMILIES_ASSIGNED,
  DEFAULT_RECRUITMENT_RULES,
  registerCandidateSchema,
  type RecruitmentEvent,
  type RecruitmentState,
} from '@kader/workflow';
import { systemContext } from '../context';
import type { ScryptParams } from '../auth/password';
import type { Role } from '../auth/principal';
import { seedDemoHistory } from './demo/history';
import { createUser } from './users/createUser';
import { recordMonth } from './contracts/recordMonth';
import { runContractScheduler } from './contracts/scheduler';
import { getApplication } from './getApplication';
import { registerCandidate } from './registerCandidate';
import { sendApplicationEvent } from './sendApplicationEvent';

/**
 * Demo data: the Madiun branch of the studies (its five regencies/cities), plus a WITA and a WIT
 * branch so the zones show. Every candidate goes through the real service verbs, so the audit
 * log, the quota and the replay check hold for demo data exactly as for real data.
 */
type Person = { nik6: string; name: string; born: string; sex: 'M' | 'F'; area: string; target: RecruitmentState };

const MADIUN_AREAS = [
  { name: 'Kota Madiun', regionCode: '35.77', nik6: '357701' },
  { name: 'Kabupaten Madiun', regionCode: '35.19', nik6: '351901' },
  { name: 'Kabupaten Ngawi', regionCode: '35.21', nik6: '352101' },
  { name: 'Kabupaten Magetan', regionCode: '35.20', nik6: '352001' },
  { name: 'Kabupaten Ponorogo', regionCode: '35.02', nik6: '350201' },
];

const PEOPLE: Omit<Person, 'nik6'>[] = [
  { name: 'Sri Wahyuni', born: '1985-03-14', sex: 'F', area: 'Kota Madiun', target: 'active' },
  { name: 'Budi Santoso', born: '1979-11-02', sex: 'M', area: 'Kabupaten Madiun', target: 'active' },
  { name: 'Siti Aminah', born: '1990-07-21', sex: 'F', area: 'Kabupaten Ponorogo', target: 'active' },
  { name: 'Agus Setiawan', born: '1988-01-30', sex: 'M', area: 'Kabupaten Magetan', target: 'debriefing' },
  { name: 'Dewi Lestari', born: '1993-05-09', sex: 'F', area: 'Kabupaten Ngawi', target: 'agreementSigning' },
  { name: 'Eko Prasetyo', born: '1986-12-17', sex: 'M', area: 'Kota Madiun', target: 'interview' },
  { name: 'Rina Marlina', born: '1995-09-03', sex: 'F', area: 'Kabupaten Madiun', target: 'interview' },
  { name: 'Joko Susilo', born: '1975-04-25', sex: 'M', area: 'Kabupaten Ponorogo', target: 'writtenTest' },
  { name: 'Wulan', born: '1998-02-11', sex: 'F', area: 'Kabupaten Magetan', target: 'writtenTest' },
  { name: 'Sutrisno', born: '1970-08-08', sex: 'M', area: 'Kabupaten Ngawi', target: 'writtenTest' },
  { name: 'Endang Sulastri', born: '1982-10-19', sex: 'F', area: 'Kota Madiun', target: 'administrativeCheck' },
  { name: 'Bambang Hermawan', born: '1977-06-06', sex: 'M', area: 'Kabupaten Madiun', target: 'administrativeCheck' },
  { name: 'Nur Hidayah', born: '1996-03-27', sex: 'F', area: 'Kabupaten Ponorogo', target: 'registered' },
  { name: 'Yanto', born: '1984-12-01', sex: 'M', area: 'Kabupaten Magetan', target: 'registered' },
  { name: 'Lestari Handayani', born: '1991-01-15', sex: 'F', area: 'Kabupaten Ngawi', target: 'registered' },
  { name: 'Ahmad Fauzi', born: '1989-09-29', sex: 'M', area: 'Kota Madiun', target: 'rejected' },
  { name: 'Kartini', born: '1994-04-21', sex: 'F', area: 'Kabupaten Madiun', target: 'withdrawn' },
];

const STREETS = ['Jl. Pahlawan', 'Jl. Diponegoro', 'Jl. Sudirman', 'Jl. Kartini', 'Jl. Merdeka', 'Jl. Gajah Mada'];

function nikOf(nik6: string, born: string, sex: 'M' | 'F', serial: number): string {
  const [y, m, d] = born.split('-');
  const day = Number(d) + (sex === 'F' ? 40 : 0);
  return `${nik6}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** The earlier of two `YYYY-MM-DD` dates (they sort as text). */
const earlier = (a: string, b: string) => (a <= b ? a : b);
/** The later of two `YYYY-MM-DD` dates. */
const later = (a: string, b: string) => (a >= b ? a : b);

/** One step of a person's story: the event, and the day it is sent (its dates are never after it). */
type Step = { event: RecruitmentEvent; on: string };

/**
 * The happy path, in order, with the day each step happens: the seed walks it up to each person's
 * target stage. `day` is the story's today (the interview was five days before, the signing three);
 * the person registered on `registeredOn`, at least two weeks earlier, so the written test they
 * are scheduled for (ten days before `day`) is after it. The agreement starts in `startYear`, the
 * year of the period they applied to, even when `day` is the 1st or 2nd of January.
 */
function pathTo(target: RecruitmentState, p: { day: string; registeredOn: string; startYear: number; index: number }): Step[] {
  const { day, registeredOn, index } = p;
  const docs = DEFAULT_RECRUITMENT_RULES.documents.filter((d) => d.required).map((d) => d.code);
  const testOn = addDays(day, -10);
  const interviewOn = addDays(day, -5);
  const signedOn = addDays(day, -3);
  const startDate = later(addDays(day, -2), `${p.startYear}-01-01`);
  const steps: [RecruitmentState, Step[]][] = [
    ['administrativeCheck', [{ event: { type: 'BEGIN_ADMIN_CHECK' }, on: registeredOn }]],
    [
      'writtenTest',
      [
        ...docs.map((document) => ({ event: { type: 'VERIFY_DOCUMENT' as const, document }, on: addDays(registeredOn, 1) })),
        { event: { type: 'COMPLETE_ADMIN_CHECK' }, on: addDays(registeredOn, 1) },
      ],
    ],
    [
      'interview',
      [
        {
          event: { type: 'SCHEDULE_WRITTEN_TEST', date: testOn, time: '09:00', place: 'Aula KC Madiun' },
          on: addDays(registeredOn, 2),
        },
        { event: { type: 'RECORD_WRITTEN_TEST_SCORE', score: 70 + index, notes: '' }, on: testOn },
      ],
    ],
    [
      'agreementSigning',
      [
        {
          event: { type: 'SCHEDULE_INTERVIEW', date: interviewOn, time: '13:30', place: 'Ruang rapat KC Madiun' },
          on: addDays(testOn, 1),
        },
        {
          event: { type: 'RECORD_INTERVIEW_SCORE', score: 65 + index, notes: 'Komunikatif, mengenal wilayah' },
          on: interviewOn,
        },
      ],
    ],
    [
      'debriefing',
      [
        {
          event: {
            type: 'SIGN_AGREEMENT',
            agreementNumber: `PKS/${String(index + 1).padStart(3, '0')}/KC-MDN/${startDate.slice(0, 4)}`,
            signedOn,
            startDate,
          },
          on: signedOn,
        },
      ],
    ],
    ['active', [{ event: { type: 'COMPLETE_DEBRIEFING', debriefedOn: addDays(day, -1) }, on: addDays(day, -1) }]],
  ];
  const events: Step[] = [];
  for (const [state, evs] of steps) {
    if (target === 'registered') break;
    events.push(...evs);
    if (state === target) break;
  }
  return events;
}

/**
 * Demo users exist only in a demo database: the README publishes this password, and a production
 * start refuses a database that holds them.
 */
export const DEMO_PASSWORD = 'kader-demo-2026';
export const DEMO_USERS: { username: string; name: string; role: Role; branch: string | null }[] = [
  { username: 'admin.pusat', name: 'Admin Kantor Pusat', role: 'admin', branch: null },
  { username: 'pemantau.pusat', name: 'Pemantau Kantor Pusat', role: 'viewer', branch: null },
  { username: 'rekruter.madiun', name: 'Rina Rekruter', role: 'recruiter', branch: 'KC-MDN' },
  { username: 'penyelia.madiun', name: 'Pak Penyelia', role: 'supervisor', branch: 'KC-MDN' },
  { username: 'pimpinan.madiun', name: 'Kepala KC Madiun', role: 'viewer', branch: 'KC-MDN' },
  { username: 'rekruter.makassar', name: 'Andi Rekruter', role: 'recruiter', branch: 'KC-MKS' },
];

/**
 * The demo users' hash cost. Their password is published, so the cost protects nothing; the test
 * suites set `KADER_DEMO_HASH=fast` (vitest.shared.ts, inherited by the servers they spawn), since
 * each sign-in of a demo user otherwise spends ~100 ms of a busy CI machine's CPU on scrypt.
 */
export function demoHashCost(): ScryptParams | undefined {
  return process.env.KADER_DEMO_HASH === 'fast' ? { N: 2 ** 10, r: 8, p: 1 } : undefined;
}

export type SeedDemoOptions = {
  today?: string;
  /**
   * Also the Madiun history of 2017-2021 and KC Bogor (demo/history.ts), first, so today's demo
   * period sits beside the history's in the same KC Madiun. Thousands of commands: the CLI asks
   * for it (`--history`), the tests' demo data leaves it out.
   */
  history?: boolean;
  onHistoryProgress?: (done: number, total: number) => void;
};

export async function seedDemo(handle: DbHandle, opts: SeedDemoOptions = {}): Promise<{ seeded: boolean }> {
  if (countBranches(handle.db) > 0) return { seeded: false };
  if (opts.history) {
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    seedDemoHistory(handle, { today, onProgress: opts.onHistoryProgress });
  }
  // Demo data can be made again, so it need not wait for an fsync per command (~150 commits).
  const synchronous = handle.sqlite.pragma('synchronous', { simple: true });
  handle.sqlite.pragma('synchronous = OFF');
  try {
    const branchIds = seed(handle, opts);
    const ctx = systemContext(handle, undefined, 'demo-seed');
    for (const u of DEMO_USERS) {
      const branchId = u.branch ? branchIds.get(u.branch)! : null;
      await createUser({
        ctx,
        input: { ...u, branchId, password: DEMO_PASSWORD, demo: true, mustChangePassword: false },
        scrypt: demoHashCost(),
      });
    }
    putSetting(handle.db, { key: 'mode', value: 'demo' });
    return { seeded: true };
  } finally {
    handle.sqlite.pragma(`synchronous = ${Number(synchronous)}`);
  }
}

function seed(handle: DbHandle, opts: { today?: string }): Map<string, number> {
  const realNow = new Date();
  const today = opts.today ?? realNow.toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  // The seed's clock follows the story: each registration and event is sent on its own day (the
  // date rules refuse a signing or a debriefing dated after the day it is recorded, and a test
  // scheduled before the registration), so days-in-stage vary as they would in a real branch.
  let clock = 0;
  const ctx = systemContext(handle, () => new Date(clock), 'demo-seed');
  const stepsOn = new Map<string, number>();
  /**
   * Office hours on `date` in every demo branch (01:00 UTC is 08:00 WIB, 09:00 WITA, 10:00 WIT):
   * the steps of one day follow each other three minutes apart, in the order they are sent.
   */
  const on = (date: string) => {
    const n = stepsOn.get(date) ?? 0;
    stepsOn.set(date, n + 1);
    clock = Date.parse(`${date}T01:00:00.000Z`) + n * 3 * 60_000;
  };

  const { periods, areas, branchIds } = handle.db.transaction((tx) => {
    // the history (when seeded first) made KC Madiun and its areas already
    const madiun =
      findBranchByCode(tx, 'KC-MDN') ?? insertBranch(tx, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
    const madiunAreas = listWorkAreasOfBranch(tx, madiun.id);
    const makassar = insertBranch(tx, { code: 'KC-MKS', name: 'KC Makassar', timeZone: 'Asia/Makassar' });
    const jayapura = insertBranch(tx, { code: 'KC-JPR', name: 'KC Jayapura', timeZone: 'Asia/Jayapura' });
    const areas = new Map<string, number>();
    for (const a of MADIUN_AREAS) {
      const id = madiunAreas.find((w) => w.name === a.name)?.id;
      areas.set(a.name, id ?? insertWorkArea(tx, { branchId: madiun.id, name: a.name, regionCode: a.regionCode }).id);
    }
    for (const [branchId, name, code] of [
      [makassar.id, 'Kota Makassar', '73.71'],
      [makassar.id, 'Kabupaten Gowa', '73.06'],
      [jayapura.id, 'Kota Jayapura', '91.71'],
      [jayapura.id, 'Kabupaten Jayapura', '91.03'],
    ] as const) {
      areas.set(name, insertWorkArea(tx, { branchId, name, regionCode: code }).id);
    }
    const rules = DEFAULT_RECRUITMENT_RULES;
    const periods = {
      madiunLastYear: insertPeriod(tx, { branchId: madiun.id, year: year - 1, quota: 15, rules }).id,
      // Next year's places, so this year's cadres can be renewed.
      madiunNextYear: insertPeriod(tx, { branchId: madiun.id, year: year + 1, quota: 15, rules }).id,
      madiun: insertPeriod(tx, { branchId: madiun.id, year, quota: 15, rules }).id,
      makassar: insertPeriod(tx, { branchId: makassar.id, year, quota: 10, rules }).id,
      jayapura: insertPeriod(tx, { branchId: jayapura.id, year, quota: 8, rules }).id,
    };
    const branchIds = new Map([
      [madiun.code, madiun.id],
      [makassar.code, makassar.id],
      [jayapura.code, jayapura.id],
    ]);
    return { periods, areas, branchIds };
  });

  const register = (periodId: number, p: Person, serial: number, index: number, registeredOn: string) => {
    on(registeredOn);
    const input = registerCandidateSchema.parse({
      periodId,
      workAreaId: areas.get(p.area),
      candidate: {
        nik: nikOf(p.nik6, p.born, p.sex, serial),
        name: p.name,
        phone: `08123${String(4000000 + serial * 7919).slice(-7)}`,
        education: index % 4 === 0 ? 'SMK' : index % 5 === 0 ? 'S1' : 'SMA',
        address: {
          street: `${STREETS[index % STREETS.length]} No. ${index + 3}`,
          rtRw: `00${(index % 9) + 1}/00${(index % 4) + 1}`,
          village: 'Kelurahan Demo',
          district: 'Kecamatan Demo',
          regency: p.area,
        },
      },
    });
    return registerCandidate({ ctx, input }).applicationId;
  };
  const walk = (applicationId: number, steps: Step[]) => {
    for (const { event, on: day } of steps) {
      on(day);
      const { revision } = getApplication({ ctx, input: { id: applicationId } });
      sendApplicationEvent({ ctx, input: { id: applicationId, revision, event } });
    }
  };

  // Last year: one candidate failed the written test; this year she applies again.
  const returning: Person = {
    nik6: '357701',
    name: 'Rahayu Ningsih',
    born: '1987-02-05',
    sex: 'F',
    area: 'Kota Madiun',
    target: 'writtenTest',
  };
  // Her story is a year back: she registered a month before that (in the December before last
  // year when today is early in January) into last year's period, whose year had not ended then.
  const yearAgo = addDays(today, -365);
  const lastYearOn = addDays(yearAgo, -30);
  const lastYear = register(periods.madiunLastYear, returning, 99, 0, lastYearOn);
  walk(lastYear, [
    ...pathTo('writtenTest', { day: yearAgo, registeredOn: lastYearOn, startYear: year - 1, index: 0 }),
    {
      event: { type: 'RECORD_WRITTEN_TEST_SCORE', score: 48.5, notes: 'Belum memahami segmen PBPU' },
      on: addDays(yearAgo, -10),
    },
  ]);
  const thisYearOn = addDays(today, -30);
  walk(
    register(periods.madiun, returning, 99, 0, thisYearOn),
    pathTo('administrativeCheck', { day: today, registeredOn: thisYearOn, startYear: year, index: 0 }),
  );

  PEOPLE.forEach((person, index) => {
    const area = MADIUN_AREAS.find((a) => a.name === person.area)!;
    const p = { ...person, nik6: area.nik6 };
    // Registrations spread over the first week of the month behind today, three a day.
    const registeredOn = addDays(today, -30 + Math.floor(index / 3));
    const id = register(periods.madiun, p, index + 1, index, registeredOn);
    const story = { day: today, registeredOn, startYear: year, index };
    if (person.target === 'rejected') {
      walk(id, [
        ...pathTo('interview', story),
        { event: { type: 'RECORD_INTERVIEW_SCORE', score: 52, notes: 'Belum siap' }, on: addDays(today, -5) },
      ]);
    } else if (person.target === 'withdrawn') {
      walk(id, [
        ...pathTo('writtenTest', story),
        {
          event: { type: 'WITHDRAW', reasonCode: 'OTHER_JOB', note: 'Diterima bekerja di pabrik' },
          on: addDays(today, -12),
        },
      ]);
    } else {
      walk(id, pathTo(person.target, story));
      if (person.target === 'writtenTest' && index % 2 === 1) {
        walk(id, [
          {
            event: { type: 'SCHEDULE_WRITTEN_TEST', date: addDays(today, 2), time: '09:00', place: 'Aula KC Madiun' },
            on: addDays(today, -4),
          },
        ]);
      }
      if (person.target === 'interview') {
        walk(id, [
          {
            event: { type: 'SCHEDULE_INTERVIEW', date: addDays(today, 3), time: '10:30', place: 'Ruang rapat KC Madiun' },
            on: addDays(today, -8),
          },
        ]);
      }
    }
  });

  const others: [number, Person][] = [
    [
      periods.makassar,
      { nik6: '737101', name: 'Andi Nurhalisa', born: '1992-06-18', sex: 'F', area: 'Kota Makassar', target: 'registered' },
    ],
    [
      periods.makassar,
      { nik6: '730601', name: 'Muhammad Ilham', born: '1987-03-03', sex: 'M', area: 'Kabupaten Gowa', target: 'interview' },
    ],
    [
      periods.jayapura,
      { nik6: '947101', name: 'Yohana Wenda', born: '1990-10-10', sex: 'F', area: 'Kota Jayapura', target: 'writtenTest' },
    ],
  ];
  others.forEach(([periodId, p], i) => {
    const registeredOn = addDays(today, -25 + i);
    const id = register(periodId, p, 200 + i, i, registeredOn);
    walk(id, pathTo(p.target, { day: today, registeredOn, startYear: year, index: i }));
  });

  // Cadres recruited last year whose agreement ends within the month: their evaluation is due,
  // with eleven months of reports behind them, one strong, one weak, one in between. Their
  // agreement starts in last year's period (its year), so in the last weeks of December it starts
  // on 31 December and ends on the 30th (after the 30th it has lapsed, awaiting a late decision).
  const start = earlier(addDays(today, -340), `${year - 1}-12-31`);
  CADRES_LAST_YEAR.forEach((person, i) => {
    const area = MADIUN_AREAS.find((a) => a.name === person.area)!;
    const registeredOn = addDays(start, -50 + i);
    const id = register(periods.madiunLastYear, { ...person, nik6: area.nik6 }, 300 + i, i, registeredOn);
    walk(id, [
      ...pathTo('agreementSigning', { day: addDays(start, -20), registeredOn, startYear: year - 1, index: i }),
      {
        event: {
          type: 'SIGN_AGREEMENT',
          agreementNumber: `PKS/${String(50 + i).padStart(3, '0')}/KC-MDN/${start.slice(0, 4)}`,
          signedOn: addDays(start, -5),
          startDate: start,
        },
        on: addDays(start, -5),
      },
      { event: { type: 'COMPLETE_DEBRIEFING', debriefedOn: addDays(start, -2) }, on: addDays(start, -2) },
    ]);
    const contractId = findContractByApplication(handle.db, id)!.id;
    for (let m = 0; m < 11; m++) {
      const month = addDays(start, 31 * m).slice(0, 7);
      if (month >= today.slice(0, 7)) break;
      // Each month is reported early in the month after it (as demoMonth says), never after today.
      const reported = demoMonth(month, person.performance, m);
      on(earlier(String(reported.reportDeliveredOn), today));
      recordMonth({ ctx, input: { contractId, revision: null, record: reported } });
    }
  });
  runContractScheduler(handle, new Date(`${today}T03:00:00.000Z`));
  return branchIds;
}

const CADRES_LAST_YEAR: (Omit<Person, 'nik6' | 'target'> & { target: 'active'; performance: number })[] = [
  { name: 'Sumarni', born: '1980-05-17', sex: 'F', area: 'Kabupaten Madiun', target: 'active', performance: 0.95 },
  { name: 'Hartono', born: '1976-09-09', sex: 'M', area: 'Kabupaten Ngawi', target: 'active', performance: 0.3 },
  { name: 'Puji Astuti', born: '1988-03-30', sex: 'F', area: 'Kabupaten Magetan', target: 'active', performance: 0.7 },
];

/** A plausible month for a cadre working at `q` of target (0..1). */
function demoMonth(month: string, q: number, m: number): Record<string, unknown> {
  const wobble = ((m * 37) % 11) / 100;
  const visited = Math.min(DEFAULT_FAMILIES_ASSIGNED, Math.round(DEFAULT_FAMILIES_ASSIGNED * (q + wobble - 0.05)));
  const collected = Math.round((10_000_000 * (q + wobble)) / 1000) * 1000;
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return {
    month,
    familiesAssigned: DEFAULT_FAMILIES_ASSIGNED,
    familiesVisited: visited,
    visits: visited + Math.round(visited * 0.2),
    collections: [
      { arrearsMonths: 3, amount: Math.round(collected * 0.3) },
      { arrearsMonths: 9, amount: Math.round(collected * 0.3) },
      { arrearsMonths: 14, amount: collected - 2 * Math.round(collected * 0.3) },
      ...(m % 4 === 0 ? [{ arrearsMonths: 26, amount: 150_000 }] : []),
    ],
    // Strong cadres report by the 3rd; weak ones around the 9th (late against the 5th).
    reportDeliveredOn: `${next}-${q >= 0.6 ? '03' : '09'}`,
    meetingsHeld: 2,
    meetingsAttended: q >= 0.6 ? 2 : m % 2,
  };
}
