/**
 * The people of the demo history: Indonesian names from the bulk generator's lists, a NIK with the
 * work area's region code drawn as the bulk generator draws them (unique, valid, women's day + 40),
 * and a phone number in the 0812-0000 block no one is given, so a demo person is plainly no one.
 */
import { type Education, type RegisterCandidateInput, registerCandidateSchema } from '@kader/workflow';
import { nikMaker, weighted } from '../bulk/people';
import { DISTRICTS, ELIGIBLE_EDUCATION, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, STREETS, VILLAGES } from '../bulk/programme';
import type { Random } from '../bulk/random';

/**
 * The bulk lists are the whole country's; Madiun and Bogor are Javanese and Sundanese towns, where
 * a Balinese birth-order name or a Batak, Papuan or Moluccan family name would stand out.
 */
const ELSEWHERE = new Set([
  'Made',
  'Ketut',
  'Komang',
  'Nyoman',
  'Yohanes',
  'Markus',
  'Yohana',
  'Maria',
  'Wenda',
  'Pattiradjawane',
  'Daeng',
  'Siregar',
  'Nasution',
]);
const JAVA = {
  F: FEMALE_NAMES.filter((n) => !ELSEWHERE.has(n)),
  M: MALE_NAMES.filter((n) => !ELSEWHERE.has(n)),
  family: FAMILY_NAMES.filter((n) => !ELSEWHERE.has(n)),
};

export type DemoArea = { id: number; name: string; regionCode: string };

/** A person as the registration form takes them. */
export type DemoPerson = RegisterCandidateInput['candidate'] & { birthDate: string };

export type Ineligible = 'NOT_ELIGIBLE_AGE' | 'NOT_ELIGIBLE_EDUCATION' | null;

export function demoPeople(rng: Random) {
  const nikFor = nikMaker(rng);
  let serial = 0;
  /** Someone of the area applying in `year`: over 60 or schooled under SMA only when `ineligible` says so. */
  return (area: DemoArea, year: number, ineligible: Ineligible = null): DemoPerson => {
    const sex = rng.chance(0.62) ? 'F' : 'M';
    const age = ineligible === 'NOT_ELIGIBLE_AGE' ? rng.int(61, 64) : rng.int(21, 52);
    const birthDate = `${year - age - 1}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const education: Education =
      ineligible === 'NOT_ELIGIBLE_EDUCATION' ? rng.pick(['SD', 'SMP'] as const) : weighted(rng, ELIGIBLE_EDUCATION);
    serial += 1;
    return {
      nik: nikFor(area.regionCode.replace('.', ''), birthDate, sex),
      name: `${rng.pick(JAVA[sex])} ${rng.pick(JAVA.family)}`,
      phone: `08120000${String(serial).padStart(4, '0')}`,
      education,
      address: {
        street: `${rng.pick(STREETS)} No. ${rng.int(1, 180)}`,
        rtRw: `00${rng.int(1, 9)}/00${rng.int(1, 9)}`,
        village: `Kelurahan ${rng.pick(VILLAGES)}`,
        district: rng.pick(DISTRICTS),
        regency: area.name,
      },
      birthDate,
    };
  };
}

/** The registration as the form sends it, checked by the form's own schema. */
export function registration(periodId: number, area: DemoArea, person: DemoPerson, heardFrom: string | undefined) {
  const { birthDate: _, ...candidate } = person;
  return registerCandidateSchema.parse({ periodId, workAreaId: area.id, candidate, ...(heardFrom ? { heardFrom } : {}) });
}
