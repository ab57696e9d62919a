/**
 * The people of the bulk generator: each new candidate with an Indonesian name, an address in
 * the work area's regency and a NIK no one else has (region and district, birth date with the
 * women's + 40, the next serial for that stem), written as registerCandidate writes one.
 */
import type { Education } from '@kader/workflow';
import { DISTRICTS, ELIGIBLE_EDUCATION, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, STREETS, VILLAGES } from './programme';
import type { Random } from './random';
import type { BulkStorage } from './storage';

/** A work area as the generator uses it: its id, name and the four digits of its region code. */
export type Area = { id: number; name: string; digits: string };

/** What a later application of the same person needs. */
export type Person = { candidateId: number; birthDate: string; education: Education; areaIndex: number };

const MOBILE_PREFIXES = ['12', '13', '21', '22', '52', '53', '57', '77', '78', '95'];

/** One of `items`, drawn by weight. */
export function weighted<T>(rng: Random, items: [T, number][]): T {
  const sum = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * sum;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items.at(-1)![0];
}

/**
 * NIKs no one else drawn from it has: region and district (`areaDigits` and a district 01-15),
 * birth date (women + 40), the next serial for them. The demo history draws its people from it too.
 */
export function nikMaker(rng: Random): (areaDigits: string, birthDate: string, sex: 'M' | 'F') => string {
  const serials = new Map<string, number>();
  return (areaDigits, birthDate, sex) => {
    const [y, m, d] = birthDate.split('-') as [string, string, string];
    const day = String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
    for (;;) {
      const stem = `${areaDigits}${String(rng.int(1, 15)).padStart(2, '0')}${day}${m}${y.slice(2)}`;
      const serial = (serials.get(stem) ?? 0) + 1;
      if (serial > 9999) continue;
      serials.set(stem, serial);
      return `${stem}${String(serial).padStart(4, '0')}`;
    }
  };
}

export function newcomers(rng: Random, storage: BulkStorage) {
  const nikFor = nikMaker(rng);

  return {
    count: 0,
    /**
     * A new candidate applying in `year`: over 60 or with schooling under SMA when the story
     * ends in that rejection, eligible otherwise.
     */
    add(args: { areas: Area[]; year: number; ineligible: string | null; at: string }): Person {
      const sex = rng.chance(0.62) ? 'F' : 'M';
      const age = args.ineligible === 'NOT_ELIGIBLE_AGE' ? rng.int(61, 64) : rng.int(19, 55);
      const birthDate = `${args.year - age - 1}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const education: Education =
        args.ineligible === 'NOT_ELIGIBLE_EDUCATION' ? rng.pick(['SD', 'SMP'] as const) : weighted(rng, ELIGIBLE_EDUCATION);
      const areaIndex = rng.int(0, args.areas.length - 1);
      const area = args.areas[areaIndex]!;
      const candidateId = storage.insertCandidate({
        nik: nikFor(area.digits, birthDate, sex),
        name: `${rng.pick(sex === 'F' ? FEMALE_NAMES : MALE_NAMES)} ${rng.pick(FAMILY_NAMES)}`,
        phone: `+628${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        birthDate,
        sex,
        education,
        street: `${rng.pick(STREETS)} No. ${rng.int(1, 180)}`,
        rtRw: `00${rng.int(1, 9)}/00${rng.int(1, 9)}`,
        village: `Kelurahan ${rng.pick(VILLAGES)}`,
        district: rng.pick(DISTRICTS),
        regency: area.name,
        at: args.at,
      });
      this.count++;
      return { candidateId, birthDate, education, areaIndex };
    },
  };
}
