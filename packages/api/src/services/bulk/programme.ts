/**
 * What a real programme looks like, for the bulk generator: branches in the three zones with their
 * regencies (Kemendagri codes, which NIKs start with), Indonesian names and addresses, and how the
 * applications of a period end up — most rejected or withdrawn, a tenth or so becoming cadres.
 */
import type { Education, RecruitmentStage, RecruitmentState } from '@kader/workflow';

export type AreaPlan = { name: string; regionCode: string };
export type BranchPlan = { code: string; name: string; timeZone: string; weight: number; areas: AreaPlan[] };

/**
 * KC-MDN first: it holds the measured period. KC-MDN and KC-MKS keep the demo's codes, so the demo
 * users (seedDemo's DEMO_USERS) sign in to a generated database as they do to the demo.
 */
export const BRANCHES: BranchPlan[] = [
  {
    code: 'KC-MDN',
    name: 'KC Madiun',
    timeZone: 'Asia/Jakarta',
    weight: 3,
    areas: [
      { name: 'Kota Madiun', regionCode: '35.77' },
      { name: 'Kabupaten Madiun', regionCode: '35.19' },
      { name: 'Kabupaten Ngawi', regionCode: '35.21' },
      { name: 'Kabupaten Magetan', regionCode: '35.20' },
      { name: 'Kabupaten Ponorogo', regionCode: '35.02' },
    ],
  },
  {
    code: 'KC-SBY',
    name: 'KC Surabaya',
    timeZone: 'Asia/Jakarta',
    weight: 3,
    areas: [
      { name: 'Kota Surabaya', regionCode: '35.78' },
      { name: 'Kabupaten Sidoarjo', regionCode: '35.15' },
      { name: 'Kabupaten Gresik', regionCode: '35.25' },
    ],
  },
  {
    code: 'KC-BDG',
    name: 'KC Bandung',
    timeZone: 'Asia/Jakarta',
    weight: 2.5,
    areas: [
      { name: 'Kota Bandung', regionCode: '32.73' },
      { name: 'Kabupaten Bandung', regionCode: '32.04' },
      { name: 'Kota Cimahi', regionCode: '32.77' },
    ],
  },
  {
    code: 'KC-SMG',
    name: 'KC Semarang',
    timeZone: 'Asia/Jakarta',
    weight: 2,
    areas: [
      { name: 'Kota Semarang', regionCode: '33.74' },
      { name: 'Kabupaten Demak', regionCode: '33.21' },
      { name: 'Kabupaten Kendal', regionCode: '33.24' },
    ],
  },
  {
    code: 'KC-MED',
    name: 'KC Medan',
    timeZone: 'Asia/Jakarta',
    weight: 2,
    areas: [
      { name: 'Kota Medan', regionCode: '12.71' },
      { name: 'Kabupaten Deli Serdang', regionCode: '12.07' },
      { name: 'Kota Binjai', regionCode: '12.75' },
    ],
  },
  {
    code: 'KC-MKS',
    name: 'KC Makassar',
    timeZone: 'Asia/Makassar',
    weight: 1.5,
    areas: [
      { name: 'Kota Makassar', regionCode: '73.71' },
      { name: 'Kabupaten Gowa', regionCode: '73.06' },
      { name: 'Kabupaten Maros', regionCode: '73.09' },
    ],
  },
  {
    code: 'KC-DPS',
    name: 'KC Denpasar',
    timeZone: 'Asia/Makassar',
    weight: 1,
    areas: [
      { name: 'Kota Denpasar', regionCode: '51.71' },
      { name: 'Kabupaten Badung', regionCode: '51.03' },
      { name: 'Kabupaten Gianyar', regionCode: '51.04' },
    ],
  },
  {
    code: 'KC-JPR',
    name: 'KC Jayapura',
    timeZone: 'Asia/Jayapura',
    weight: 0.7,
    areas: [
      { name: 'Kota Jayapura', regionCode: '91.71' },
      { name: 'Kabupaten Jayapura', regionCode: '91.03' },
    ],
  },
  {
    code: 'KC-AMB',
    name: 'KC Ambon',
    timeZone: 'Asia/Jayapura',
    weight: 0.6,
    areas: [
      { name: 'Kota Ambon', regionCode: '81.71' },
      { name: 'Kabupaten Maluku Tengah', regionCode: '81.01' },
    ],
  },
];

/** Hours ahead of UTC: WIB, WITA, WIT (no daylight saving in Indonesia). */
export const ZONE_OFFSET_HOURS: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

/** How many years of periods before the current one (closed years: every application ended). */
export const CLOSED_YEARS = 3;

export const MALE_NAMES = [
  'Budi',
  'Agus',
  'Eko',
  'Joko',
  'Bambang',
  'Yanto',
  'Ahmad',
  'Hartono',
  'Sutrisno',
  'Slamet',
  'Dedi',
  'Rudi',
  'Andi',
  'Muhammad',
  'Imam',
  'Heru',
  'Wahyu',
  'Arif',
  'Fajar',
  'Hendra',
  'Yusuf',
  'Rizki',
  'Dimas',
  'Teguh',
  'Made',
  'Ketut',
  'Yohanes',
  'Markus',
  'Ilham',
  'Irfan',
];
export const FEMALE_NAMES = [
  'Sri',
  'Siti',
  'Dewi',
  'Rina',
  'Wulan',
  'Endang',
  'Nur',
  'Lestari',
  'Kartini',
  'Sumarni',
  'Puji',
  'Rahayu',
  'Yuliana',
  'Ratna',
  'Fitri',
  'Indah',
  'Ayu',
  'Nia',
  'Eka',
  'Tri',
  'Wahyuni',
  'Suharti',
  'Ningsih',
  'Yohana',
  'Komang',
  'Nyoman',
  'Maria',
  'Anisa',
  'Desi',
  'Rosmini',
];
export const FAMILY_NAMES = [
  'Santoso',
  'Setiawan',
  'Prasetyo',
  'Susilo',
  'Hermawan',
  'Fauzi',
  'Wahyuni',
  'Lestari',
  'Handayani',
  'Hidayah',
  'Aminah',
  'Marlina',
  'Sulastri',
  'Astuti',
  'Ningsih',
  'Saputra',
  'Nugroho',
  'Kurniawan',
  'Siregar',
  'Nasution',
  'Wenda',
  'Pattiradjawane',
  'Daeng',
  'Suryani',
  'Rahman',
  'Hakim',
  'Gunawan',
  'Wibowo',
  'Purnomo',
  'Utami',
];
export const STREETS = [
  'Jl. Pahlawan',
  'Jl. Diponegoro',
  'Jl. Sudirman',
  'Jl. Kartini',
  'Jl. Merdeka',
  'Jl. Gajah Mada',
  'Jl. Ahmad Yani',
  'Jl. Imam Bonjol',
  'Jl. Hayam Wuruk',
  'Jl. Cut Nyak Dien',
  'Jl. Veteran',
  'Jl. Pemuda',
];
export const VILLAGES = ['Sukamaju', 'Mekarsari', 'Sidomulyo', 'Karangrejo', 'Tegalsari', 'Sumberejo', 'Banjarsari', 'Kebonsari'];
export const DISTRICTS = ['Kecamatan Kota', 'Kecamatan Utara', 'Kecamatan Selatan', 'Kecamatan Timur', 'Kecamatan Barat'];

/** Education of eligible applicants, weighted as applicants report it. */
export const ELIGIBLE_EDUCATION: [Education, number][] = [
  ['SMA', 45],
  ['SMK', 25],
  ['MA', 5],
  ['PAKET_C', 2],
  ['D3', 8],
  ['S1', 14],
  ['S2', 1],
];

/**
 * Where an application ends up. `stage` is the stage a rejection or withdrawal left; `reason` the
 * reason code (a score under the grade is itself the rejection: no REJECT event then).
 */
export type Target =
  | { state: Exclude<RecruitmentState, 'rejected' | 'withdrawn'> }
  | { state: 'rejected'; stage: RecruitmentStage; reason: string }
  | { state: 'withdrawn'; stage: RecruitmentStage };

type Outcomes = Record<string, { target: Target; weight: number }>;

const rejected = (stage: RecruitmentStage, reason: string, weight: number) => ({
  target: { state: 'rejected', stage, reason } as Target,
  weight,
});
const withdrawn = (stage: RecruitmentStage, weight: number) => ({ target: { state: 'withdrawn', stage } as Target, weight });
const open = (state: Exclude<RecruitmentState, 'rejected' | 'withdrawn'>, weight: number) => ({
  target: { state } as Target,
  weight,
});

/** A year that has ended: every application ended, about one in eight became a cadre. */
export const CLOSED_OUTCOMES: Outcomes = {
  active: open('active', 12.5),
  docs: rejected('administrativeCheck', 'DOCUMENTS_INCOMPLETE', 6),
  age: rejected('administrativeCheck', 'NOT_ELIGIBLE_AGE', 1),
  education: rejected('administrativeCheck', 'NOT_ELIGIBLE_EDUCATION', 2),
  writtenBelow: rejected('writtenTest', 'WRITTEN_TEST_BELOW_GRADE', 24),
  writtenAbsent: rejected('writtenTest', 'ABSENT', 4),
  interviewBelow: rejected('interview', 'INTERVIEW_BELOW_GRADE', 11),
  interviewAbsent: rejected('interview', 'ABSENT', 2),
  notSigned: rejected('agreementSigning', 'AGREEMENT_NOT_SIGNED', 2),
  notDebriefed: rejected('debriefing', 'DEBRIEFING_NOT_COMPLETED', 0.3),
  wRegistered: withdrawn('registered', 8),
  wAdmin: withdrawn('administrativeCheck', 10),
  wWritten: withdrawn('writtenTest', 8),
  wInterview: withdrawn('interview', 5),
  wSigning: withdrawn('agreementSigning', 2.5),
  wDebriefing: withdrawn('debriefing', 0.2),
};

/** The current year: every stage has applications in it, and as many have ended already. */
export const CURRENT_OUTCOMES: Outcomes = {
  registered: open('registered', 7),
  administrativeCheck: open('administrativeCheck', 12),
  writtenTest: open('writtenTest', 12),
  interview: open('interview', 8),
  agreementSigning: open('agreementSigning', 4),
  debriefing: open('debriefing', 0.8),
  active: open('active', 6),
  docs: rejected('administrativeCheck', 'DOCUMENTS_INCOMPLETE', 4),
  age: rejected('administrativeCheck', 'NOT_ELIGIBLE_AGE', 0.5),
  education: rejected('administrativeCheck', 'NOT_ELIGIBLE_EDUCATION', 1),
  writtenBelow: rejected('writtenTest', 'WRITTEN_TEST_BELOW_GRADE', 15),
  writtenAbsent: rejected('writtenTest', 'ABSENT', 2),
  interviewBelow: rejected('interview', 'INTERVIEW_BELOW_GRADE', 6),
  interviewAbsent: rejected('interview', 'ABSENT', 1),
  notSigned: rejected('agreementSigning', 'AGREEMENT_NOT_SIGNED', 1),
  wRegistered: withdrawn('registered', 4),
  wAdmin: withdrawn('administrativeCheck', 6),
  wWritten: withdrawn('writtenTest', 4),
  wInterview: withdrawn('interview', 3),
  wSigning: withdrawn('agreementSigning', 1),
  wDebriefing: withdrawn('debriefing', 0.2),
};

/**
 * At most this many applications of one period wait in debriefing: each holds an agreement number
 * with no contract yet, and the product's next-number suggestion steps over every one of them
 * (`nextAgreementNumber`, bounded by AGREEMENT_NUMBER_TRIES); a real branch has a handful.
 */
export const MAX_DEBRIEFING_PER_PERIOD = 150;
