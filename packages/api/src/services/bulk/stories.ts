/**
 * One application's story for the bulk generator: the recruitment events that take it to its
 * target, each on its day, in the order a branch sends them. Days are counted from the
 * registration until the story's length is known; the generator then places the registration so
 * that the last step falls on or before the story's bound (today, or the end of a closed year).
 */
import { addDays, type DocumentCode, type RecruitmentEvent, WITHDRAWAL_REASONS } from '@kader/workflow';
import type { Target } from './programme';
import type { Random } from './random';

/** A step `offset` days after the registration; the event is made once the registration day is known. */
export type DraftStep = { offset: number; event: (registeredOn: string) => RecruitmentEvent };

export type StoryFacts = {
  periodYear: number;
  /** the story's last possible day: today in the current year, 31 December in a closed one */
  bound: string;
  /** today, for appointments still ahead */
  today: string;
  required: DocumentCode[];
  optional: DocumentCode[];
  place: string;
  /** the next agreement number of the branch for the period's year */
  agreementNumber: () => string;
};

const TIMES = ['08:00', '09:00', '10:30', '13:00', '14:00'];
const TEST_NOTES = ['', '', '', 'Tepat waktu', 'Memahami segmen PBPU', 'Perlu pendampingan', 'Nilai hitungan baik'];
const INTERVIEW_NOTES = [
  '',
  '',
  'Komunikatif, mengenal wilayah',
  'Pernah menjadi kader posyandu',
  'Kurang percaya diri',
  'Aktif di PKK',
];
const OTHER_NOTES = ['Mengurus orang tua', 'Melanjutkan kuliah', 'Alasan pribadi'];

/** A score of one decimal at or over the grade (60) when `pass`, under it otherwise. */
const score = (rng: Random, pass: boolean) => (pass ? 600 + rng.int(0, 350) : 300 + rng.int(0, 295)) / 10;

const clampDate = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);

export function draftStory(rng: Random, target: Target, facts: StoryFacts): DraftStep[] {
  const steps: DraftStep[] = [];
  let d = 0;
  const at = (offset: number, event: (r: string) => RecruitmentEvent) => steps.push({ offset, event });
  const stage = target.state === 'rejected' || target.state === 'withdrawn' ? target.stage : null;
  const endsHere = (s: string) => stage === s;
  /** the REJECT or WITHDRAW that ends the story at this stage (a score under the grade is its own) */
  const leave = () => {
    d += rng.int(1, 15);
    if (target.state === 'withdrawn') {
      const reasonCode = rng.pick(WITHDRAWAL_REASONS);
      const note = reasonCode === 'OTHER' ? rng.pick(OTHER_NOTES) : '';
      at(d, () => ({ type: 'WITHDRAW', reasonCode, note }));
    } else if (target.state === 'rejected') {
      const reasonCode = target.reason as Extract<RecruitmentEvent, { type: 'REJECT' }>['reasonCode'];
      at(d, () => ({ type: 'REJECT', reasonCode, note: '' }));
    }
    return steps;
  };
  const scheduleAhead = rng.chance(0.7);

  if (target.state === 'registered') return steps;
  if (endsHere('registered')) return leave();
  d += rng.int(0, 3);
  at(d, () => ({ type: 'BEGIN_ADMIN_CHECK' }));

  // The administrative check: every required document, sometimes the optional ones too.
  const fullCheck = target.state !== 'administrativeCheck' && !endsHere('administrativeCheck');
  const documents = fullCheck
    ? [...facts.required, ...facts.optional.filter(() => rng.chance(0.3))]
    : rng.shuffle([...facts.required]).slice(0, rng.int(0, facts.required.length - 1));
  for (const document of documents) {
    d += rng.int(0, 1);
    at(d, () => ({ type: 'VERIFY_DOCUMENT', document }));
  }
  if (!fullCheck) return target.state === 'administrativeCheck' ? steps : leave();
  at(d, () => ({ type: 'COMPLETE_ADMIN_CHECK' }));

  // The written test: scheduled (sometimes moved), then scored on its day.
  const appointment = (type: 'SCHEDULE_WRITTEN_TEST' | 'SCHEDULE_INTERVIEW', waitOpen: boolean) => {
    const time = rng.pick(TIMES);
    if (waitOpen) {
      // still ahead of today: the board shows it on the card
      if (!scheduleAhead) return null;
      const ahead = rng.int(1, 21);
      d += rng.int(1, 4);
      at(d, () => ({ type, date: addDays(facts.today, ahead), time, place: facts.place }));
      return null;
    }
    let day = 0;
    for (let moves = rng.chance(0.1) ? 2 : 1; moves > 0; moves--) {
      d += rng.int(1, 4);
      day = d + rng.int(5, 14);
      const offset = day;
      at(d, (r) => ({ type, date: addDays(r, offset), time, place: facts.place }));
    }
    return day;
  };
  const testDay = appointment('SCHEDULE_WRITTEN_TEST', target.state === 'writtenTest');
  if (testDay === null) return steps;
  if (endsHere('writtenTest') && !(target.state === 'rejected' && target.reason === 'WRITTEN_TEST_BELOW_GRADE')) {
    d = testDay;
    return leave();
  }
  d = testDay;
  const written = score(rng, !endsHere('writtenTest'));
  const testNotes = rng.pick(TEST_NOTES);
  at(d, () => ({ type: 'RECORD_WRITTEN_TEST_SCORE', score: written, notes: testNotes }));
  if (endsHere('writtenTest')) return steps;

  const interviewDay = appointment('SCHEDULE_INTERVIEW', target.state === 'interview');
  if (interviewDay === null) return steps;
  d = interviewDay;
  if (endsHere('interview') && !(target.state === 'rejected' && target.reason === 'INTERVIEW_BELOW_GRADE')) return leave();
  const interview = score(rng, !endsHere('interview'));
  const interviewNotes = rng.pick(INTERVIEW_NOTES);
  at(d, () => ({ type: 'RECORD_INTERVIEW_SCORE', score: interview, notes: interviewNotes }));
  if (endsHere('interview') || target.state === 'agreementSigning') return steps;
  if (endsHere('agreementSigning')) return leave();

  // The signing: the agreement starts within the period's year, never before the signature.
  d += rng.int(2, 10);
  const signedAt = d;
  const startAfter = rng.int(1, 14);
  const agreementNumber = facts.agreementNumber();
  const yearStart = `${facts.periodYear}-01-01`;
  const yearEnd = `${facts.periodYear}-12-31`;
  at(d, (r) => {
    const signedOn = addDays(r, signedAt);
    return {
      type: 'SIGN_AGREEMENT',
      agreementNumber,
      signedOn,
      startDate: clampDate(addDays(signedOn, startAfter), yearStart < signedOn ? signedOn : yearStart, yearEnd),
    };
  });
  if (target.state === 'debriefing') return steps;
  if (endsHere('debriefing')) return leave();
  d += rng.int(1, 7);
  const debriefAt = d;
  at(d, (r) => ({ type: 'COMPLETE_DEBRIEFING', debriefedOn: addDays(r, debriefAt) }));
  return steps;
}
